@testable import DICOMNetwork
import Testing

/// What DCMTK 3.6.7's libdcmnet returns for each code, measured by calling
/// `DU_cstoreStatusString`, `DU_cfindStatusString`, `DU_cmoveStatusString` and
/// `DU_cgetStatusString` (the `[status: …]` texts of dcmqrscp's log).
let measuredShortTexts: [(UInt16, store: String, find: String, move: String, get: String)] = [
    (0x0000, "Success", "Success", "Success", "Success"),
    (0xFF00, "Unknown Status: 0xff00", "Pending", "Pending", "Pending"),
    (0xFF01, "Unknown Status: 0xff01", "Pending: WarningUnsupportedOptionalKeys", "Unknown Status: 0xff01", "Unknown Status: 0xff01"),
    (0xFE00, "Unknown Status: 0xfe00", "Cancel: MatchingTerminatedDueToCancelRequest",
     "Cancel: SubOperationsTerminatedDueToCancelIndication", "Cancel: SubOperationsTerminatedDueToCancelIndication"),
    (0xA700, "Refused: OutOfResources", "Refused: OutOfResources", "Unknown Status: 0xa700", "Unknown Status: 0xa700"),
    (0xA701, "Refused: OutOfResources", "Unknown Status: 0xa701", "Refused: OutOfResourcesNumberOfMatches",
     "Refused: OutOfResourcesNumberOfMatches"),
    (0xA702, "Refused: OutOfResources", "Unknown Status: 0xa702", "Refused: OutOfResourcesSubOperations",
     "Refused: OutOfResourcesSubOperations"),
    (0xA801, "Unknown Status: 0xa801", "Unknown Status: 0xa801", "Refused: MoveDestinationUnknown", "Unknown Status: 0xa801"),
    (0xA900, "Error: DataSetDoesNotMatchSOPClass", "Error: DataSetDoesNotMatchSOPClass",
     "Error: DataSetDoesNotMatchSOPClass", "Error: DataSetDoesNotMatchSOPClass"),
    (0xA9FF, "Error: DataSetDoesNotMatchSOPClass", "Unknown Status: 0xa9ff", "Unknown Status: 0xa9ff", "Unknown Status: 0xa9ff"),
    (0xB000, "Warning: CoercionOfDataElements", "Unknown Status: 0xb000",
     "Warning: SubOperationsCompleteOneOrMoreFailures", "Warning: SubOperationsCompleteOneOrMoreFailures"),
    (0xB006, "Warning: ElementsDiscarded", "Unknown Status: 0xb006", "Unknown Status: 0xb006", "Unknown Status: 0xb006"),
    (0xB007, "Warning: DataSetDoesNotMatchSOPClass", "Unknown Status: 0xb007", "Unknown Status: 0xb007", "Unknown Status: 0xb007"),
    (0xC000, "Error: CannotUnderstand", "Failed: UnableToProcess", "Failed: UnableToProcess", "Failed: UnableToProcess"),
    (0xCFFF, "Error: CannotUnderstand", "Failed: UnableToProcess", "Failed: UnableToProcess", "Failed: UnableToProcess"),
    (0x0122, "Refused: SOPClassNotSupported", "Refused: SOPClassNotSupported", "Refused: SOPClassNotSupported",
     "Refused: SOPClassNotSupported"),
    (0x0124, "Unknown Status: 0x124", "Unknown Status: 0x124", "Unknown Status: 0x124", "Unknown Status: 0x124"),
]

@Test(arguments: measuredShortTexts)
func shortStatusTextsMatchDCMTK(_ row: (UInt16, store: String, find: String, move: String, get: String)) {
    let status = Status(row.0)
    #expect(status.dcmtkText(for: .cStoreRSP) == row.store)
    #expect(status.dcmtkText(for: .cFindRSP) == row.find)
    #expect(status.dcmtkText(for: .cMoveRSP) == row.move)
    #expect(status.dcmtkText(for: .cGetRSP) == row.get)
}

/// `DIMSE Status` lines of `DIMSE_dumpMessage`, measured on libdcmnet 3.6.7 for
/// C-STORE, C-ECHO, C-FIND, C-GET and C-MOVE responses.
let measuredDumpTexts: [(UInt16, store: String, echo: String, find: String, get: String, move: String)] = [
    (0x0000, "Success", "Success", "Success: Matching is complete",
     "Success: Sub-operations complete - No failures or warnings", "Success: Sub-operations complete - No failures or warnings"),
    (0x0001, "Warning", "Warning", "Warning", "Warning", "Warning"),
    (0xFF00, "Pending", "Pending", "Pending: Matches are continuing", "Pending: Sub-operations are continuing",
     "Pending: Sub-operations are continuing"),
    (0xFF01, "Pending", "Pending", "Pending: Matches are continuing - Warning: Unsupported optional keys", "Pending", "Pending"),
    (0xFE00, "Cancel", "Cancel", "Cancel: Matching terminated due to Cancel Request",
     "Cancel: Sub-operations terminated due to Cancel Indication", "Cancel: Sub-operations terminated due to Cancel Indication"),
    (0xA700, "Refused: Out of resources", "Failure", "Refused: Out of resources", "Failure", "Failure"),
    (0xA701, "Refused: Out of resources", "Failure", "Failure", "Refused: Out of resources - Unable to calculate number of matches",
     "Refused: Out of resources - Unable to calculate number of matches"),
    (0xA702, "Refused: Out of resources", "Failure", "Failure", "Refused: Out of resources - Unable to perform sub-operations",
     "Refused: Out of resources - Unable to perform sub-operations"),
    (0xA801, "Failure", "Failure", "Failure", "Failure", "Refused: Move Destination unknown"),
    (0xA900, "Error: Data Set does not match SOP Class", "Failure", "Error: Data Set does not match SOP Class",
     "Error: Data Set does not match SOP Class", "Error: Data Set does not match SOP Class"),
    (0xA9FF, "Error: Data Set does not match SOP Class", "Failure", "Error: Data Set does not match SOP Class", "Failure", "Failure"),
    (0xAA00, "Failure", "Failure", "Failure", "Failed: None of the frames requested were found in SOP Instance",
     "Failed: None of the frames requested were found in SOP Instance"),
    (0xAA04, "Failure", "Failure", "Failure", "Failed: Invalid request", "Failed: Invalid request"),
    (0xB000, "Warning: Coercion of Data Elements", "Warning", "Warning",
     "Warning: Sub-operations complete - One or more failures or warnings",
     "Warning: Sub-operations complete - One or more failures or warnings"),
    (0xB006, "Warning: Elements discarded", "Warning", "Warning", "Warning", "Warning"),
    (0xB007, "Warning: Data Set does not match SOP Class", "Warning", "Warning", "Warning", "Warning"),
    (0xC000, "Error: Cannot understand", "Failure", "Failed: Unable to process", "Failed: Unable to process", "Failed: Unable to process"),
    (0x0122, "Refused: SOP Class not supported", "Refused: SOP Class not supported", "Refused: SOP Class not supported",
     "Refused: SOP Class not supported", "Refused: SOP Class not supported"),
    (0x0124, "Refused: Not authorized", "Failure", "Failure", "Failure", "Refused: Not authorized"),
    (0x0117, "Invalid SOP Class", "Failure", "Failure", "Failure", "Failure"),
    (0x0107, "Warning", "Warning", "Warning", "Warning", "Warning"),
    (0x0210, "Duplicate invocation", "Duplicate invocation", "Failure", "Duplicate invocation", "Duplicate invocation"),
    (0x0212, "Mistyped argument", "Mistyped argument", "Failure", "Mistyped argument", "Mistyped argument"),
    (0x0213, "Failure", "Failure", "Failure", "Failure", "Failure"),
    (0x1234, "Unknown Status Code (non-standard)", "Unknown Status Code (non-standard)", "Unknown Status Code (non-standard)",
     "Unknown Status Code (non-standard)", "Unknown Status Code (non-standard)"),
    (0xFE01, "Unknown Status Code (non-standard)", "Unknown Status Code (non-standard)", "Unknown Status Code (non-standard)",
     "Unknown Status Code (non-standard)", "Unknown Status Code (non-standard)"),
]

@Test(arguments: measuredDumpTexts)
func dumpStatusTextsMatchDCMTK(_ row: (UInt16, store: String, echo: String, find: String, get: String, move: String)) {
    let status = Status(row.0)
    #expect(status.dcmtkDumpText(for: .cStoreRSP) == status.hex + ": " + row.store)
    #expect(status.dcmtkDumpText(for: .cEchoRSP) == status.hex + ": " + row.echo)
    #expect(status.dcmtkDumpText(for: .cFindRSP) == status.hex + ": " + row.find)
    #expect(status.dcmtkDumpText(for: .cGetRSP) == status.hex + ": " + row.get)
    #expect(status.dcmtkDumpText(for: .cMoveRSP) == status.hex + ": " + row.move)
}

/// Dumps as dcmqrscp 3.6.7 and DCMTK's clients logged them (spec §10; measured
/// with `dcmqrscp -d`, `findscu -d`, `movescu -d`, `getscu -d`).
@Test func storeRequestDumpReadsLikeDcmqrscp() {
    let rq = DIMSEMessage.cStoreRQ(CStoreRQ(messageID: 1, affectedSOPClassUID: ctImage,
                                            affectedSOPInstanceUID: "1.2.826.0.1.3680043.8.498.7777.3.1.1"))
    #expect(rq.dcmtkDump(direction: .incoming, hasDataSet: true) == """
        ===================== INCOMING DIMSE MESSAGE ====================
        Message Type                  : C-STORE RQ
        Message ID                    : 1
        Affected SOP Class UID        : CTImageStorage
        Affected SOP Instance UID     : 1.2.826.0.1.3680043.8.498.7777.3.1.1
        Data Set                      : present
        Priority                      : medium
        ======================= END DIMSE MESSAGE =======================
        """)
    let rsp = DIMSEMessage.cStoreRSP(CStoreRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: ctImage,
                                               affectedSOPInstanceUID: "1.2.826.0.1.3680043.8.498.7777.1.1.1", status: .success))
    #expect(rsp.dcmtkDump(direction: .outgoing, hasDataSet: false) == """
        ===================== OUTGOING DIMSE MESSAGE ====================
        Message Type                  : C-STORE RSP
        Message ID Being Responded To : 1
        Affected SOP Class UID        : CTImageStorage
        Affected SOP Instance UID     : 1.2.826.0.1.3680043.8.498.7777.1.1.1
        Data Set                      : none
        DIMSE Status                  : 0x0000: Success
        ======================= END DIMSE MESSAGE =======================
        """)
}

@Test func retrieveResponseDumpReadsLikeMovescu() {
    let rsp = DIMSEMessage.cMoveRSP(CMoveRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.2",
                                             status: .pending, remaining: 0, completed: 1, failed: 0, warning: 0))
    #expect(rsp.dcmtkDump(direction: .incoming, hasDataSet: false) == """
        ===================== INCOMING DIMSE MESSAGE ====================
        Message Type                  : C-MOVE RSP
        Message ID Being Responded To : 1
        Affected SOP Class UID        : MOVEStudyRootQueryRetrieveInformationModel
        Remaining Suboperations       : 0
        Completed Suboperations       : 1
        Failed Suboperations          : 0
        Warning Suboperations         : 0
        Data Set                      : none
        DIMSE Status                  : 0xff00: Pending: Sub-operations are continuing
        ======================= END DIMSE MESSAGE =======================
        """)
    let get = DIMSEMessage.cGetRSP(CGetRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.3",
                                           status: .success, completed: 1, failed: 0, warning: 0))
    #expect(get.dcmtkDump(direction: .incoming, hasDataSet: false, presentationContextID: 1) == """
        ===================== INCOMING DIMSE MESSAGE ====================
        Message Type                  : C-GET RSP
        Presentation Context ID       : 1
        Message ID Being Responded To : 1
        Affected SOP Class UID        : GETStudyRootQueryRetrieveInformationModel
        Remaining Suboperations       : none
        Completed Suboperations       : 1
        Failed Suboperations          : 0
        Warning Suboperations         : 0
        Data Set                      : none
        DIMSE Status                  : 0x0000: Success: Sub-operations complete - No failures or warnings
        ======================= END DIMSE MESSAGE =======================
        """)
}

@Test func requestDumpsWithIdentifierReadLikeDCMTK() {
    let move = DIMSEMessage.cMoveRQ(CMoveRQ(messageID: 1, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.2", moveDestination: "DEST"))
    #expect(move.dcmtkDump(direction: .incoming, hasDataSet: true) == """
        ===================== INCOMING DIMSE MESSAGE ====================
        Message Type                  : C-MOVE RQ
        Message ID                    : 1
        Affected SOP Class UID        : MOVEStudyRootQueryRetrieveInformationModel
        Data Set                      : present
        Priority                      : medium
        Move Destination              : DEST
        ======================= END DIMSE MESSAGE =======================
        """)
    let get = DIMSEMessage.cGetRQ(CGetRQ(messageID: 1, affectedSOPClassUID: "1.2.840.10008.5.1.4.1.2.2.3"))
    let identifier = """
        # Dicom-Data-Set
        # Used TransferSyntax: Little Endian Explicit
        (0008,0052) CS [STUDY]                                  #   6, 1 QueryRetrieveLevel

        """
    #expect(get.dcmtkDump(direction: .outgoing, hasDataSet: true, presentationContextID: 1, dataSetDump: identifier) == """
        ===================== OUTGOING DIMSE MESSAGE ====================
        Message Type                  : C-GET RQ
        Presentation Context ID       : 1
        Message ID                    : 1
        Affected SOP Class UID        : GETStudyRootQueryRetrieveInformationModel
        Data Set                      : present
        Priority                      : medium
        -----------------------------------------------------------------
        # Dicom-Data-Set
        # Used TransferSyntax: Little Endian Explicit
        (0008,0052) CS [STUDY]                                  #   6, 1 QueryRetrieveLevel
        ======================= END DIMSE MESSAGE =======================
        """)
}

@Test func echoAndFindDumpsReadLikeStorescp() {
    #expect(DIMSEMessage.cEchoRQ(CEchoRQ(messageID: 1)).dcmtkDump(direction: .incoming, hasDataSet: false,
                                                                    presentationContextID: 1) == """
        ===================== INCOMING DIMSE MESSAGE ====================
        Message Type                  : C-ECHO RQ
        Presentation Context ID       : 1
        Message ID                    : 1
        Data Set                      : none
        ======================= END DIMSE MESSAGE =======================
        """)
    let find = DIMSEMessage.cFindRSP(CFindRSP(messageIDBeingRespondedTo: 1, affectedSOPClassUID: studyRootFind, status: .success))
    #expect(find.dcmtkDump(direction: .incoming, hasDataSet: false) == """
        ===================== INCOMING DIMSE MESSAGE ====================
        Message Type                  : C-FIND RSP
        Message ID Being Responded To : 1
        Affected SOP Class UID        : FINDStudyRootQueryRetrieveInformationModel
        Data Set                      : none
        DIMSE Status                  : 0x0000: Success: Matching is complete
        ======================= END DIMSE MESSAGE =======================
        """)
    #expect(DIMSEMessage.other(.nGetRQ).dcmtkDump(direction: .incoming, hasDataSet: false) == """
        ===================== INCOMING DIMSE MESSAGE ====================
        Message Type                  : UNKNOWN (DIMSE Protocol Error)
        ======================= END DIMSE MESSAGE =======================
        """)
}
