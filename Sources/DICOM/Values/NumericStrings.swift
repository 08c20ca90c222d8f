/// An IS value (PS3.5 Table 6.2-1): a base-10 integer, optional leading `+`
/// or `-`, −2³¹…2³¹−1, at most 12 characters; leading and trailing spaces allowed.
package struct IntegerString: ParsableValue, CustomStringConvertible {
    package static let vr = VR.IS
    package static let maximumLength = 12

    package let value: Int32

    package init(_ value: Int32) { self.value = value }

    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let t = try ValueText(.IS, text)
        try t.check { $0.isASCIIDigit || $0 == "+" || $0 == "-" }
        try t.check(maximum: Self.maximumLength)
        var digits = t.scalars[...]
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard let magnitude = ValueText.number(digits) else { throw t.error(.format(expected: "[+|-]digits")) }
        let signed = negative ? -magnitude : magnitude
        guard let value = Int32(exactly: signed) else { throw t.error(.outOfRange(field: "integer")) }
        self.value = value
    }

    package var description: String { String(value) }
}

/// A DS value (PS3.5 Table 6.2-1): a fixed point (`-1.5`, `.5`, `5.`) or
/// floating point number (`1.5e-3`, ANSI X3.9), at most 16 characters;
/// leading and trailing spaces allowed. `text` keeps the spelling, since DS
/// values are compared as written.
package struct DecimalString: ParsableValue, CustomStringConvertible {
    package static let vr = VR.DS
    package static let maximumLength = 16

    package let value: Double
    /// The value as written, without its spaces.
    package let text: String

    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let t = try ValueText(.DS, text)
        try t.check { $0.isASCIIDigit || $0 == "+" || $0 == "-" || $0 == "." || $0 == "e" || $0 == "E" }
        try t.check(maximum: Self.maximumLength)
        guard Self.isDecimal(t.scalars[...]) else { throw t.error(.format(expected: "[+|-]digits[.digits][E[+|-]digits]")) }
        let spelled = String(String.UnicodeScalarView(t.scalars))
        guard let value = Double(spelled), value.isFinite else { throw t.error(.outOfRange(field: "decimal")) }
        (self.value, self.text) = (value, spelled)
    }

    /// `[+-] (digits [. digits?] | . digits) [(e|E) [+-] digits]`.
    private static func isDecimal(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var s = s
        func sign() { if s.first == "+" || s.first == "-" { s = s.dropFirst() } }
        func digitCount() -> Int {
            let n = s.prefix { $0.isASCIIDigit }.count
            s = s.dropFirst(n)
            return n
        }
        sign()
        var mantissa = digitCount()
        if s.first == "." {
            s = s.dropFirst()
            mantissa += digitCount()
        }
        guard mantissa > 0 else { return false }
        if s.first == "e" || s.first == "E" {
            s = s.dropFirst()
            sign()
            guard digitCount() > 0 else { return false }
        }
        return s.isEmpty
    }

    package var description: String { text }
}

/// An AS value (PS3.5 Table 6.2-1): exactly `nnnD`, `nnnW`, `nnnM` or `nnnY`.
package struct AgeString: ParsableValue, CustomStringConvertible {
    package static let vr = VR.AS

    package enum Unit: String, Sendable, Hashable, CaseIterable {
        case days = "D", weeks = "W", months = "M", years = "Y"
    }

    package private(set) var count: Int
    package private(set) var unit: Unit

    package init(count: Int, unit: Unit) throws(InvalidValue) {
        guard (0...999).contains(count) else {
            throw InvalidValue(.AS, String(count) + unit.rawValue, .outOfRange(field: "age"))
        }
        (self.count, self.unit) = (count, unit)
    }

    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let t = try ValueText(.AS, text)
        try t.check { $0.isASCIIDigit || Unit(rawValue: String($0)) != nil }
        guard t.count == 4, let count = t.number(0..<3), let unit = Unit(rawValue: String(t.scalars[3])) else {
            throw t.error(.format(expected: "nnnD, nnnW, nnnM or nnnY"))
        }
        (self.count, self.unit) = (count, unit)
    }

    package var description: String { digits(count, 3) + unit.rawValue }
}
