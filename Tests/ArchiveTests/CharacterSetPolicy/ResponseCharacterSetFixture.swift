import Archive
import DICOM

/// The records of fixture F1 (spec §0) that matter for character sets, plus the
/// ones added to measure dcmqrscp 3.6.7 for this policy: each with its
/// (0008,0005) and its StudyDescription and PatientName as text.
struct CharsetRecord: Sendable, CustomStringConvertible {
    var id: String
    var characterSet: String
    var studyDescription: String
    var patientName: String

    var description: String { "\(id) [\(characterSet.isEmpty ? "ASCII" : characterSet)]" }

    static let p001 = CharsetRecord(id: "P001", characterSet: "", studyDescription: "CT Chest", patientName: "Doe^John")
    static let p004 = CharsetRecord(id: "P004", characterSet: "ISO_IR 192", studyDescription: "Größe", patientName: "Müller^Jürgen")
    static let p005 = CharsetRecord(id: "P005", characterSet: "ISO_IR 100", studyDescription: "Latin1", patientName: "Müller^Jörg")
    static let p006 = CharsetRecord(id: "P006", characterSet: "ISO_IR 192", studyDescription: "Größe Кт", patientName: "Иванов^Иван")
    static let p007 = CharsetRecord(id: "P007", characterSet: "ISO_IR 144", studyDescription: "Kopf", patientName: "Иванов^Пётр")
    static let p008 = CharsetRecord(id: "P008", characterSet: "ISO_IR 100", studyDescription: "Plain", patientName: "Plain^Ascii")
    /// Converts to Latin-1 in StudyDescription but not in PatientName.
    static let p009 = CharsetRecord(id: "P009", characterSet: "ISO_IR 192", studyDescription: "Größe", patientName: "Иванов^Иван")

    /// The response values as stored: in the record's own character set, padded to even length.
    var storedElements: [DataElement] { (try? elements(in: characterSet)) ?? [] }

    /// The response values encoded in `characterSet`, as dcmqrscp sends them after a conversion.
    func elements(in characterSet: String) throws -> [DataElement] {
        let set = try SpecificCharacterSet(characterSet)
        func padded(_ b: [UInt8]) -> [UInt8] { b.count % 2 == 0 ? b : b + [0x20] }
        return [
            DataElement(tag: Tag(0x0008, 0x1030), vr: .LO, bytes: padded(try set.encode(studyDescription, vr: .LO))),
            DataElement(tag: .patientName, vr: .PN, bytes: padded(try set.encode(patientName, vr: .PN))),
            DataElement(tag: .patientID, vr: .LO, bytes: padded(Array(id.utf8))),
        ]
    }
}

/// Shorthands for the log lines dcmqrscp 3.6.7 printed in the measurements.
enum DCMTKLine {
    static func itemWarning(_ encoding: String) -> String {
        "W: DcmItem: An error occurred during the conversion to \(encoding) encoding, the value of SpecificCharacterSet (0008,0005) is not updated"
    }
    static func failed(_ from: String, _ to: String) -> String {
        "W: Converting response from character set \"\(from)\" to character set \"\(to)\" failed, (error message: "
            + "Cannot convert character encoding: Invalid or incomplete multibyte or wide character)"
    }
    static func converted(_ from: String, _ to: String) -> String {
        "I: Successfully converted response from character set \"\(from)\" to character set \"\(to)\""
    }
    static func trying(_ from: String, _ to: String) -> String {
        "I: Trying to convert response from character set \"\(from)\" to fall-back character set \"\(to)\" instead"
    }
    static func notNecessary(_ to: String) -> String {
        "I: Conversion to fall-back character set \"\(to)\" is not necessary, since the original character set is compatible"
    }
    /// The two warnings of one failed conversion, in dcmqrscp's order.
    static func failure(_ from: String, _ to: String, encoding: String) -> [String] {
        [itemWarning(encoding), failed(from, to)]
    }
}
