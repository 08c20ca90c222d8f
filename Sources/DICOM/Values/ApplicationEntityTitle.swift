/// An AE value (PS3.5 Table 6.2-1): at most 16 characters of the Default
/// Character Repertoire, no backslash or control character; leading and
/// trailing spaces are not significant and removed; all spaces is not a title.
/// Titles compare case-sensitively, as DCMTK compares them.
package struct ApplicationEntityTitle: ParsableValue, CustomStringConvertible {
    package static let vr = VR.AE
    package static let maximumLength = 16

    /// The title without leading and trailing spaces.
    package let value: String

    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let t = try ValueText(.AE, text)
        try t.check { $0.isDefaultRepertoireGraphic && $0 != "\\" }
        try t.check(maximum: Self.maximumLength)
        value = String(String.UnicodeScalarView(t.scalars))
    }

    package var description: String { value }
}

/// A CS value (PS3.5 Table 6.2-1): at most 16 characters among uppercase
/// letters, digits, space and underscore; leading and trailing spaces are not
/// significant and removed.
package struct CodeString: ParsableValue, CustomStringConvertible {
    package static let vr = VR.CS
    package static let maximumLength = 16

    /// The code without leading and trailing spaces.
    package let value: String

    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let t = try ValueText(.CS, text)
        try t.check { $0.isASCIIUppercase || $0.isASCIIDigit || $0 == " " || $0 == "_" }
        try t.check(maximum: Self.maximumLength)
        value = String(String.UnicodeScalarView(t.scalars))
    }

    package var description: String { value }
}
