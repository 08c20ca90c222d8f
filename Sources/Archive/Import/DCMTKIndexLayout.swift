import DICOM

/// Where things are in DCMTK 3.6's `index.dat` (spec §5.6; the structs
/// `StudyDescRecord` and `IdxRecord` of dcmqrdb's `dcmqridx.h`, written as
/// raw memory): native byte order, the padding of the LP64 ABI (x86-64,
/// AArch64). Offsets were checked against files written by dcmqridx 3.6.7.
///
/// ```
/// 0       6 bytes   "QRDB05": magic and version as two hex digits
/// 6       500 × 88  StudyDescRecord: StudyInstanceUID char[65], pad 3,
///                   StudySize UInt32 @68, LastRecordedDate double @72,
///                   NumberofRegistratedImages UInt32 @80, pad 4
/// 44006   n × 8032  IdxRecord (below); a free slot has an empty filename
/// ```
enum DCMTKIndexLayout {
    static let magic: [UInt8] = Array("QRDB".utf8)
    static let supportedVersion = 5
    static let headerSize = 6
    static let studyDescriptorSize = 88
    static let studyDescriptorCount = 500   // DB_UpperMaxStudies
    static let recordsOffset = headerSize + studyDescriptorSize * studyDescriptorCount
    static let recordSize = 8032

    // StudyDescRecord
    static let studyUID = 0..<65
    static let studySize = 68
    static let studyLastRecordedDate = 72
    static let studyImageCount = 80

    // IdxRecord, before the 38 attribute fields
    static let filename = 0..<257          // char[DBC_MAXSTRING+1]
    static let sopClassUID = 257..<322     // char[UI_MAX_LENGTH+1]
    static let recordedDate = 328          // double, after 6 bytes of padding
    static let imageSize = 336             // UInt32
    // 344..<952: DB_SmallDcmElmt param[38] (a pointer, a length, a tag): in-memory state, not read.
    static let hierarchyStatus = 6877      // char hstat: 1 = new (DVIF_objectIsNew)
    static let instanceDescription = 6878..<7007
    static let specificCharacterSet = 7007..<8032

    /// One of the record's 38 attribute fields, in `RECORDIDX_*` order.
    struct Field: Sendable {
        var name: String     // the struct member's name in dcmqridx.h
        var tag: Tag         // the attribute dcmqrdb fills it from
        var range: Range<Int>
    }

    /// The 38 fields (`NBPARAMETERS`), each `char[<VR max>+1]`, back to back from offset 952.
    static let fields: [Field] = {
        let list: [(String, UInt16, UInt16, Int)] = [
            ("PatientBirthDate", 0x0010, 0x0030, 81), ("PatientSex", 0x0010, 0x0040, 129),
            ("PatientName", 0x0010, 0x0010, 257), ("PatientID", 0x0010, 0x0020, 257),
            ("PatientBirthTime", 0x0010, 0x0032, 129), ("OtherPatientIDs", 0x0010, 0x1000, 257),
            ("OtherPatientNames", 0x0010, 0x1001, 257), ("EthnicGroup", 0x0010, 0x2160, 65),
            ("StudyDate", 0x0008, 0x0020, 81), ("StudyTime", 0x0008, 0x0030, 129),
            ("StudyID", 0x0020, 0x0010, 129), ("StudyDescription", 0x0008, 0x1030, 257),
            ("NameOfPhysiciansReadingStudy", 0x0008, 0x1060, 257), ("AccessionNumber", 0x0008, 0x0050, 129),
            ("ReferringPhysicianName", 0x0008, 0x0090, 257),
            // dcmqrdb fills these two from the same tags as the two before (dcmqridx -p shows it).
            ("ProcedureDescription", 0x0008, 0x1030, 257), ("AttendingPhysiciansName", 0x0008, 0x1060, 257),
            ("StudyInstanceUID", 0x0020, 0x000D, 65), ("OtherStudyNumbers", 0x0020, 0x1070, 97),
            ("AdmittingDiagnosesDescription", 0x0008, 0x1080, 257), ("PatientAge", 0x0010, 0x1010, 33),
            ("PatientSize", 0x0010, 0x1020, 129), ("PatientWeight", 0x0010, 0x1030, 129),
            ("Occupation", 0x0010, 0x2180, 65), ("SeriesNumber", 0x0020, 0x0011, 97),
            ("SeriesInstanceUID", 0x0020, 0x000E, 65), ("Modality", 0x0008, 0x0060, 129),
            ("ImageNumber", 0x0020, 0x0013, 97), ("SOPInstanceUID", 0x0008, 0x0018, 65),
            ("SeriesDate", 0x0008, 0x0021, 81), ("SeriesTime", 0x0008, 0x0031, 129),
            ("SeriesDescription", 0x0008, 0x103E, 257), ("ProtocolName", 0x0018, 0x1030, 257),
            ("OperatorsName", 0x0008, 0x1070, 257), ("PerformingPhysicianName", 0x0008, 0x1050, 257),
            ("PresentationLabel", 0x0070, 0x0080, 17), ("IssuerOfPatientID", 0x0010, 0x0021, 257),
        ]
        var offset = 952
        var fields: [Field] = []
        for (name, group, element, width) in list {
            fields.append(Field(name: name, tag: Tag(group, element), range: offset..<offset + width))
            offset += width
        }
        // The last of the 38 sits after hstat and InstanceDescription.
        fields.append(Field(name: "SpecificCharacterSet", tag: .specificCharacterSet, range: specificCharacterSet))
        return fields
    }()
}
