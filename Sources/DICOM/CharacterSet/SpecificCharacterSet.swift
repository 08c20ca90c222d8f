/// Specific Character Set (0008,0005), PS3.3 §C.12.1.1.2 and PS3.5 §6.1:
/// how the bytes of SH, LO, ST, LT, UC, UT and PN values map to characters.
///
/// Reads and writes the default repertoire (ASCII), every single-byte set of
/// Table C.12-2 (ISO_IR 100, 101, 109, 110, 144, 127, 126, 138, 148, 203, 13,
/// 166), UTF-8 (ISO_IR 192), GB18030 and GBK, and ISO 2022 code extensions
/// (Tables C.12-3 and C.12-4: the same single-byte sets, JIS X 0208, JIS X
/// 0212, KS X 1001, GB 2312) with a multi-valued (0008,0005).
package struct SpecificCharacterSet: Sendable, Hashable, CustomStringConvertible {
    /// The default character repertoire (no (0008,0005), or an empty one).
    package static let ascii = SpecificCharacterSet(checked: [CharacterSetTerm.named("").unsafelyKnown])
    /// ISO_IR 100, Latin alphabet No. 1.
    package static let latin1 = SpecificCharacterSet(checked: [CharacterSetTerm.named("ISO_IR 100").unsafelyKnown])
    /// ISO_IR 192, Unicode in UTF-8.
    package static let utf8 = SpecificCharacterSet(checked: [CharacterSetTerm.named("ISO_IR 192").unsafelyKnown])

    let terms: [CharacterSetTerm]

    private init(checked terms: [CharacterSetTerm]) { self.terms = terms }

    /// The character set of a (0008,0005) value, its defined terms separated by `\`.
    package init(_ value: some StringProtocol) throws(CharacterSetError) {
        try self.init(terms: ValueMultiplicity.split(value).map { String($0) })
    }

    /// The character set of (0008,0005) values (an empty list is the default repertoire).
    /// With several values, ISO_IR terms are read as their ISO 2022 counterparts
    /// (the code tables are the same); ISO_IR 192, GB18030 and GBK must stand alone.
    package init(terms names: [String]) throws(CharacterSetError) {
        var terms: [CharacterSetTerm] = []
        for name in names.isEmpty ? [""] : names {
            guard let term = CharacterSetTerm.named(name) else {
                throw .unsupported(term: String(name.trimmingSpaces()))
            }
            if names.count > 1, term.isStandalone { throw .cannotBeCombined(term: term.name) }
            terms.append(term)
        }
        self.terms = terms
    }

    /// The defined terms, as they would be written to (0008,0005).
    package var definedTerms: [String] { terms.map(\.name) }

    /// The (0008,0005) value: the defined terms joined by `\`.
    package var value: String { definedTerms.joined(separator: "\\") }

    /// How DCMTK's logs name the set: the (0008,0005) value, or `ASCII` for the default.
    package var description: String { isASCII ? "ASCII" : value }

    /// The default repertoire only (no value, `ISO_IR 6` or `ISO 2022 IR 6`).
    package var isASCII: Bool {
        terms.allSatisfy { $0.coding == .sets(g0: .ascii, g1: nil) }
    }

    /// ISO_IR 192.
    package var isUTF8: Bool { terms.count == 1 && terms[0].coding == .utf8 }

    /// True when any value is an `ISO 2022 …` term or there are several values:
    /// escape sequences switch between sets (PS3.5 §6.1.2.5).
    package var usesCodeExtensions: Bool { terms.count > 1 || terms.contains(where: \.usesCodeExtensions) }

    /// Every defined term Quarry reads.
    package static var supportedTerms: [String] { CharacterSetTerm.allNames.filter { !$0.isEmpty }.sorted() }
}

extension Optional where Wrapped == CharacterSetTerm {
    /// For the constants above, whose names are in the table.
    fileprivate var unsafelyKnown: CharacterSetTerm {
        self ?? CharacterSetTerm(name: "", coding: .sets(g0: .ascii, g1: nil), usesCodeExtensions: false)
    }
}
