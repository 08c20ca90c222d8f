import DICOM

/// Query/Retrieve Level (0008,0052) of a C-FIND, C-MOVE or C-GET identifier
/// (PS3.4 §C.4.1.1.3, §C.6). The raw values order the hierarchy top-down, as
/// dcmqrscp numbers its levels in log lines ("level 0" = PATIENT).
package enum QueryRetrieveLevel: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case patient = 0, study, series, image

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The Defined Term sent in responses (PS3.4 §C.6.1.1.1): `PATIENT`, `STUDY`, `SERIES`, `IMAGE`.
    package var canonicalValue: String {
        switch self {
        case .patient: "PATIENT"
        case .study: "STUDY"
        case .series: "SERIES"
        case .image: "IMAGE"
        }
    }

    package var description: String { canonicalValue }
    /// The same Defined Term (the index's spelling).
    package var keyword: String { canonicalValue }

    /// The level's unique key (PS3.4 §C.3.1–§C.3.4, §C.6.1.1).
    package var uniqueKey: Tag {
        switch self {
        case .patient: IndexedTag.patientID
        case .study: IndexedTag.studyInstanceUID
        case .series: IndexedTag.seriesInstanceUID
        case .image: IndexedTag.sopInstanceUID
        }
    }

    /// The level above this one, nil for PATIENT.
    package var parent: Self? { Self(rawValue: rawValue - 1) }
    /// The level below this one, nil for IMAGE.
    package var child: Self? { Self(rawValue: rawValue + 1) }

    /// dcmqrscp's reading of a Query/Retrieve Level value (spec §6.1, dcmqrdbi.cc):
    /// trailing padding removed, ASCII letters upper-cased, then a **prefix**
    /// comparison with `PATIENT`, `STUDY`, `SERIES`, `IMAGE` in that order — so
    /// `study` and `STUDYX` are STUDY, ` STUDY` and `INSTANCE` are nothing (nil).
    /// An empty value is handled by the caller (it counts as missing).
    package init?(dcmqrscpValue value: String) {
        var scalars = Array(value.unicodeScalars)
        while let last = scalars.last, last == " " || last == "\0" { scalars.removeLast() }
        let upper = String(String.UnicodeScalarView(scalars.map { s -> Unicode.Scalar in
            (0x61...0x7A).contains(s.value) ? Unicode.Scalar(s.value - 0x20) ?? s : s
        }))
        guard let level = Self.allCases.first(where: { upper.hasPrefix($0.canonicalValue) }) else { return nil }
        self = level
    }
}
