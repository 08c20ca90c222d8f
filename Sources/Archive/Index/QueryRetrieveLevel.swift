import DICOM

/// The Query/Retrieve levels of the information models (PS3.4 §C.3, §C.6):
/// the hierarchy the index keeps, patient → study → series → image.
package enum QueryRetrieveLevel: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case patient, study, series, image

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The value of Query/Retrieve Level (0008,0052) (PS3.4 §C.4.1.1.1).
    package var keyword: String {
        switch self {
        case .patient: "PATIENT"
        case .study: "STUDY"
        case .series: "SERIES"
        case .image: "IMAGE"
        }
    }

    package var description: String { keyword }

    /// The level's unique key (PS3.4 §C.3.1–§C.3.4, §C.6.1.1).
    package var uniqueKey: Tag {
        switch self {
        case .patient: IndexedTag.patientID
        case .study: IndexedTag.studyInstanceUID
        case .series: IndexedTag.seriesInstanceUID
        case .image: IndexedTag.sopInstanceUID
        }
    }

    /// The level above this one; nil for PATIENT.
    package var parent: QueryRetrieveLevel? { QueryRetrieveLevel(rawValue: rawValue - 1) }
    /// The level below this one; nil for IMAGE.
    package var child: QueryRetrieveLevel? { QueryRetrieveLevel(rawValue: rawValue + 1) }
}
