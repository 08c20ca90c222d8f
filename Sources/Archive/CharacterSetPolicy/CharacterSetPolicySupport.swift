import DICOM

/// Small facts shared by the response conversion and the matching decoder.
enum CharacterSetPolicySupport {
    /// `s` without leading and trailing spaces and NULs.
    static func trimmed(_ s: some StringProtocol) -> String {
        var scalars = Substring(s).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\0" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\0" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A string value's bytes without the trailing padding (spaces, or a NUL).
    static func unpadded(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x00 { end -= 1 }
        return bytes[..<end]
    }

    /// Padded with one space to an even length (PS3.5 §6.2).
    static func padded(_ bytes: [UInt8]) -> [UInt8] {
        bytes.count % 2 == 0 ? bytes : bytes + [0x20]
    }

    /// How dcmqrscp names a (0008,0005) value in its log: `ASCII` when empty.
    static func logName(_ value: String) -> String { value.isEmpty ? "ASCII" : value }

    /// True unless the value is ASCII or UTF-8 (both read as UTF-8 unchanged):
    /// dcmqrscp's test for "this must be converted before comparing".
    static func needsConversionToUTF8(_ value: String) -> Bool {
        !(value.isEmpty || value == "ISO_IR 192" || value == "ISO_IR 6")
    }

    /// dcmqrscp's test for converting a response from `source` to `destination`:
    /// the values differ, and the destination is not UTF-8 receiving ASCII.
    static func conversionIsNecessary(from source: String, to destination: String) -> Bool {
        source != destination && (destination != "ISO_IR 192" || needsConversionToUTF8(source))
    }

    /// True for the values after which dcmqrscp removes (0008,0005) from a converted response.
    static func isDefaultRepertoire(_ value: String) -> Bool { value.isEmpty || value == "ISO_IR 6" }

    /// The encoding name DCMTK's converter reports for a destination (its
    /// `DcmItem: … conversion to <name> encoding` warning).
    static func encodingName(_ value: String) -> String {
        let names: [String: String] = [
            "": "ASCII", "ISO_IR 6": "ASCII", "ISO_IR 192": "UTF-8", "GB18030": "GB18030", "GBK": "GBK",
            "ISO_IR 100": "ISO-8859-1", "ISO_IR 101": "ISO-8859-2", "ISO_IR 109": "ISO-8859-3",
            "ISO_IR 110": "ISO-8859-4", "ISO_IR 144": "ISO-8859-5", "ISO_IR 127": "ISO-8859-6",
            "ISO_IR 126": "ISO-8859-7", "ISO_IR 138": "ISO-8859-8", "ISO_IR 148": "ISO-8859-9",
            "ISO_IR 203": "ISO-8859-15", "ISO_IR 13": "JIS_X0201", "ISO_IR 166": "TIS-620",
        ]
        return names[value] ?? value
    }

    /// iconv's words for a character that cannot be converted, which dcmqrscp logs.
    static let conversionFailureText =
        "Cannot convert character encoding: Invalid or incomplete multibyte or wide character"

    /// The character set of a (0008,0005) value, or dcmqrscp's words for why it cannot be used.
    static func characterSet(_ value: String, role: String) -> Result<SpecificCharacterSet, SelectionFailure> {
        do {
            return .success(try SpecificCharacterSet(value))
        } catch {
            return .failure(SelectionFailure(
                text: "Cannot select \(role) character set: SpecificCharacterSet (0008,0005) value '\(value)' not supported"))
        }
    }

    struct SelectionFailure: Error { var text: String }
}
