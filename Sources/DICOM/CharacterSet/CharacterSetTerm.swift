/// A defined term of Specific Character Set (0008,0005), PS3.3 §C.12.1.1.2.
struct CharacterSetTerm: Hashable, Sendable {
    enum Coding: Hashable, Sendable {
        /// ISO 2022 graphic sets: what the term designates into G0 and G1.
        case sets(g0: CodeElement?, g1: CodeElement?)
        /// ISO_IR 192 (Table C.12-5).
        case utf8
        /// GB18030 and GBK (Table C.12-5).
        case gb18030, gbk
    }

    /// The term as (0008,0005) spells it; empty for the default repertoire.
    let name: String
    let coding: Coding
    /// True for the `ISO 2022 …` terms (Tables C.12-3, C.12-4).
    let usesCodeExtensions: Bool

    /// Terms that must stand alone (multi-byte without code extensions, Table C.12-5).
    var isStandalone: Bool {
        if case .sets = coding { return false }
        return true
    }

    private static let upperHalves: [(Int, CodeElement.UpperHalf)] = [
        (100, .latin1), (101, .latin2), (109, .latin3), (110, .latin4), (144, .cyrillic), (127, .arabic),
        (126, .greek), (138, .hebrew), (148, .latin5), (203, .latin9), (166, .thai),
    ]

    private static let byName: [String: CharacterSetTerm] = {
        var terms: [String: CharacterSetTerm] = [:]
        func add(_ name: String, _ coding: Coding, _ extensions: Bool) {
            terms[name] = CharacterSetTerm(name: name, coding: coding, usesCodeExtensions: extensions)
        }
        // Table C.12-2: single-byte, no code extensions. "ISO_IR 6" is not a
        // defined term but DCMTK and others read it as the default.
        add("", .sets(g0: .ascii, g1: nil), false)
        add("ISO_IR 6", .sets(g0: .ascii, g1: nil), false)
        add("ISO_IR 13", .sets(g0: .jisX0201Romaji, g1: .jisX0201Katakana), false)
        // Table C.12-3: single-byte with code extensions.
        add("ISO 2022 IR 6", .sets(g0: .ascii, g1: nil), true)
        add("ISO 2022 IR 13", .sets(g0: .jisX0201Romaji, g1: .jisX0201Katakana), true)
        for (number, half) in upperHalves {
            add("ISO_IR \(number)", .sets(g0: .ascii, g1: .upperHalf(half)), false)
            add("ISO 2022 IR \(number)", .sets(g0: .ascii, g1: .upperHalf(half)), true)
        }
        // Table C.12-4: multi-byte with code extensions.
        add("ISO 2022 IR 87", .sets(g0: .jisX0208, g1: nil), true)
        add("ISO 2022 IR 159", .sets(g0: .jisX0212, g1: nil), true)
        add("ISO 2022 IR 149", .sets(g0: nil, g1: .ksX1001), true)
        add("ISO 2022 IR 58", .sets(g0: nil, g1: .gb2312), true)
        // Table C.12-5: multi-byte without code extensions.
        add("ISO_IR 192", .utf8, false)
        add("GB18030", .gb18030, false)
        add("GBK", .gbk, false)
        return terms
    }()

    /// The term named `name` (spaces around it ignored); nil when it is not one Quarry knows.
    static func named(_ name: some StringProtocol) -> CharacterSetTerm? { byName[String(name.trimmingSpaces())] }

    /// Every term Quarry reads, in no particular order.
    static var allNames: [String] { Array(byName.keys) }
}
