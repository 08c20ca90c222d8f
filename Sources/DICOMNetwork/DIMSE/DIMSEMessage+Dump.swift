import DICOM

/// Which way a dumped message went.
package enum DIMSEDirection: Sendable {
    case incoming, outgoing
}

extension DIMSEMessage {
    /// DCMTK's dump of a DIMSE message, as dcmqrscp logs it with `-v`/`-d`
    /// (spec §10), one line per field, without log prefixes:
    ///
    ///     ===================== INCOMING DIMSE MESSAGE ====================
    ///     Message Type                  : C-STORE RQ
    ///     …
    ///     ======================= END DIMSE MESSAGE =======================
    ///
    /// `presentationContextID` 0 leaves out its line (as dcmqrscp's own dumps do);
    /// `dataSetDump`, when given, follows a line of dashes; `uidName` names SOP
    /// classes (DCMTK's `dcmFindNameOfUID` by default; unknown ones print as UIDs).
    package func dcmtkDump(direction: DIMSEDirection, hasDataSet: Bool, presentationContextID: UInt8 = 0,
                           dataSetDump: String? = nil,
                           uidName: (String) -> String? = { SOPClass.lookup($0)?.dcmtkName }) -> String {
        var lines = [direction == .incoming
            ? "===================== INCOMING DIMSE MESSAGE ===================="
            : "===================== OUTGOING DIMSE MESSAGE ===================="]
        func field(_ label: String, _ value: String) {
            lines.append(label + String(repeating: " ", count: max(0, 30 - label.count)) + ": " + value)
        }
        func sopClass(_ uid: String?) -> String { uid.map { uidName($0) ?? $0 } ?? "none" }
        func count(_ n: UInt16?) -> String { n.map(String.init) ?? "none" }
        let dataSet = hasDataSet ? "present" : "none"
        let type = commandField

        if case .other = self {
            field("Message Type", "UNKNOWN (DIMSE Protocol Error)")
        } else {
            field("Message Type", type.description)
            if presentationContextID > 0 { field("Presentation Context ID", String(presentationContextID)) }
        }
        switch self {
        case .cEchoRQ(let m):
            field("Message ID", String(m.messageID))
            field("Data Set", dataSet)
        case .cEchoRSP(let m):
            field("Message ID Being Responded To", String(m.messageIDBeingRespondedTo))
            field("Affected SOP Class UID", sopClass(m.affectedSOPClassUID))
            field("Data Set", dataSet)
            field("DIMSE Status", m.status.dcmtkDumpText(for: type))
        case .cStoreRQ(let m):
            field("Message ID", String(m.messageID))
            field("Affected SOP Class UID", sopClass(m.affectedSOPClassUID))
            field("Affected SOP Instance UID", m.affectedSOPInstanceUID)
            field("Data Set", dataSet)
            field("Priority", m.priority.description)
            if let ae = m.moveOriginatorApplicationEntityTitle { field("Move Originator AE Title", ae) }
            if let id = m.moveOriginatorMessageID { field("Move Originator ID", String(id)) }
        case .cStoreRSP(let m):
            field("Message ID Being Responded To", String(m.messageIDBeingRespondedTo))
            field("Affected SOP Class UID", sopClass(m.affectedSOPClassUID))
            field("Affected SOP Instance UID", m.affectedSOPInstanceUID ?? "none")
            field("Data Set", dataSet)
            field("DIMSE Status", m.status.dcmtkDumpText(for: type))
        case .cFindRQ(let m):
            field("Message ID", String(m.messageID))
            field("Affected SOP Class UID", sopClass(m.affectedSOPClassUID))
            field("Data Set", dataSet)
            field("Priority", m.priority.description)
        case .cFindRSP(let m):
            field("Message ID Being Responded To", String(m.messageIDBeingRespondedTo))
            field("Affected SOP Class UID", sopClass(m.affectedSOPClassUID))
            field("Data Set", dataSet)
            field("DIMSE Status", m.status.dcmtkDumpText(for: type))
        case .cGetRQ(let m):
            field("Message ID", String(m.messageID))
            field("Affected SOP Class UID", sopClass(m.affectedSOPClassUID))
            field("Data Set", dataSet)
            field("Priority", m.priority.description)
        case .cMoveRQ(let m):
            field("Message ID", String(m.messageID))
            field("Affected SOP Class UID", sopClass(m.affectedSOPClassUID))
            field("Data Set", dataSet)
            field("Priority", m.priority.description)
            field("Move Destination", m.moveDestination)
        case .cGetRSP(let m as any RetrieveResponse), .cMoveRSP(let m as any RetrieveResponse):
            field("Message ID Being Responded To", String(m.messageIDBeingRespondedTo))
            field("Affected SOP Class UID", sopClass(m.affectedSOPClassUID))
            field("Remaining Suboperations", count(m.numberOfRemainingSuboperations))
            field("Completed Suboperations", count(m.numberOfCompletedSuboperations))
            field("Failed Suboperations", count(m.numberOfFailedSuboperations))
            field("Warning Suboperations", count(m.numberOfWarningSuboperations))
            field("Data Set", dataSet)
            field("DIMSE Status", m.status.dcmtkDumpText(for: type))
        case .cCancelRQ(let m):
            field("Message ID Being Responded To", String(m.messageIDBeingRespondedTo))
            field("Data Set", dataSet)
        case .other:
            break
        }
        if let dataSetDump {
            lines.append("-----------------------------------------------------------------")
            var dumpLines = dataSetDump.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if dumpLines.last == "" { dumpLines.removeLast() }
            lines.append(contentsOf: dumpLines)
        }
        lines.append("======================= END DIMSE MESSAGE =======================")
        return lines.joined(separator: "\n")
    }
}
