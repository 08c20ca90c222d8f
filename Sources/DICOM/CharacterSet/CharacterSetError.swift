/// Why text could not be decoded or encoded in a Specific Character Set (0008,0005).
package enum CharacterSetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A defined term Quarry does not know or cannot handle.
    case unsupported(term: String)
    /// A term that may only stand alone (ISO_IR 192, GB18030, GBK: PS3.3
    /// §C.12.1.1.2) in a multi-valued (0008,0005).
    case cannotBeCombined(term: String)
    /// A character the target character set cannot represent (`Müller` in ASCII).
    case unrepresentable(Unicode.Scalar, characterSet: String)
    /// Bytes that are not valid in the source character set, at an offset.
    case invalidBytes(offset: Int, characterSet: String)

    package var description: String {
        switch self {
        case .unsupported(let term):
            "Specific Character Set \"\(term)\" is not supported"
        case .cannotBeCombined(let term):
            "Specific Character Set \"\(term)\" cannot be combined with other values (PS3.3 C.12.1.1.2)"
        case .unrepresentable(let scalar, let set):
            "cannot represent \"\(Character(scalar))\" (U+\(String(scalar.value, radix: 16, uppercase: true))) in character set \"\(set)\""
        case .invalidBytes(let offset, let set):
            "invalid or incomplete character at byte offset \(offset) for character set \"\(set)\""
        }
    }
}
