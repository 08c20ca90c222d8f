import Foundation

/// Quarry's case- and accent-insensitive Person Name matching (beyond dcmqrscp,
/// which compares PN case-sensitively): both the key and the stored name are
/// lower-cased, decomposed (Unicode canonical decomposition) and stripped of
/// combining marks, so `mueller`-style spellings are *not* equated but `MÜLLER`,
/// `Müller` and `muller` are. A few letters without a decomposition fold too
/// (ø→o, ł→l, đ→d, ħ→h, ı→i, ß→ss, æ→ae, œ→oe, þ→th).
enum PersonNameFolding {
    static func fold<S: StringProtocol>(_ name: S) -> String {
        let decomposed = String(name).lowercased().decomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        for s in decomposed.unicodeScalars {
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            if let replacement = extra[s] { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    private static let extra: [Unicode.Scalar: String] = [
        "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
    ]
}
