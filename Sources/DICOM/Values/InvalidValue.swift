/// A string that is not a valid value of its VR (PS3.5 §6.2, Table 6.2-1):
/// names the VR, the offending text and what is wrong with it.
package struct InvalidValue: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in PS3.5's terms.
    package enum Reason: Equatable, Sendable, CustomStringConvertible {
        /// Nothing but padding.
        case empty
        /// Longer than the VR allows (characters, after removing insignificant padding).
        case tooLong(maximum: Int)
        /// A character the VR's repertoire excludes, at a character offset in the text.
        case invalidCharacter(Unicode.Scalar, offset: Int)
        /// Not of the VR's form, e.g. `YYYYMMDD`.
        case format(expected: String)
        /// A field outside its range, e.g. `month`, `day`, `hour`, `UTC offset`, `integer`.
        case outOfRange(field: String)
        /// UI: a component with no digits (`1..2`, `.1`, `1.`), numbered from 1.
        case emptyComponent(index: Int)
        /// UI: a multi-digit component that starts with 0 (`1.02`), numbered from 1.
        case leadingZero(index: Int)
        /// PN: more than five components in a group, or more than three groups.
        case tooManyComponents(maximum: Int)

        package var description: String {
            switch self {
            case .empty: "empty value"
            case .tooLong(let maximum): "longer than \(maximum) characters"
            case .invalidCharacter(let scalar, let offset):
                "invalid character \(Self.spell(scalar)) at offset \(offset)"
            case .format(let expected): "not of the form \(expected)"
            case .outOfRange(let field): "\(field) out of range"
            case .emptyComponent(let index): "component \(index) is empty"
            case .leadingZero(let index): "component \(index) has a leading zero"
            case .tooManyComponents(let maximum): "more than \(maximum) components"
            }
        }

        private static func spell(_ scalar: Unicode.Scalar) -> String {
            if scalar.value < 0x20 || scalar.value == 0x7F || !scalar.isASCII {
                return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            }
            return "'\(Character(scalar))'"
        }
    }

    package var vr: VR
    package var text: String
    package var reason: Reason

    package init(_ vr: VR, _ text: some StringProtocol, _ reason: Reason) {
        (self.vr, self.text, self.reason) = (vr, String(text), reason)
    }

    package var description: String { "invalid \(vr) value \"\(text)\": \(reason)" }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
