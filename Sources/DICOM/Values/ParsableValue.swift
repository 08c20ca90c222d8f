/// A value type of one VR, parsed from the text of a single value (PS3.5 §6.2).
package protocol ParsableValue: Sendable, Hashable {
    /// The VR whose values this type parses.
    static var vr: VR { get }
    /// Parses one value (no backslash); throws naming what is wrong.
    init(parsing text: some StringProtocol) throws(InvalidValue)
}

extension ParsableValue {
    /// Parses every value of a multi-valued string (PS3.5 §6.4, values separated by `\`).
    package static func parseValues(_ text: some StringProtocol) throws(InvalidValue) -> [Self] {
        var values: [Self] = []
        for value in ValueMultiplicity.split(text) { values.append(try Self(parsing: value)) }
        return values
    }
}

/// Value multiplicity (PS3.5 §6.4): the values of a character string element
/// are separated by BACKSLASH (05/12). Split decoded text, never raw bytes of a
/// multi-byte character set, where 0x5C can be part of a character.
package enum ValueMultiplicity {
    /// The values of `text`, empty ones kept (`A\\B` → `A`, ``, `B`); `""` → one empty value.
    package static func split<S: StringProtocol>(_ text: S) -> [S.SubSequence] {
        text.split(separator: "\\", omittingEmptySubsequences: false)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces (PS3.5 Table 6.2-1: padding
    /// and spaces that are "not significant").
    func trimmingSpaces() -> SubSequence {
        var s = self[...]
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
