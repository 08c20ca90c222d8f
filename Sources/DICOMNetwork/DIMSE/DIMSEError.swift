import DICOM

/// A command set that does not hold what PS3.7 §9.3 requires of its message.
package enum DIMSEError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Bytes that are not an Implicit VR Little Endian group-0000 command set.
    case malformed(MalformedData)
    /// A required element is absent (or too short for its VR).
    case missingElement(Tag, CommandField)
    /// No Command Field (0000,0100).
    case missingCommandField

    package var description: String {
        switch self {
        case .malformed(let m): "malformed command set: \(m)"
        case .missingElement(let tag, let command):
            "\(command): missing \(CommandDictionary.keyword(for: tag)) \(tag)"
        case .missingCommandField: "missing CommandField (0000,0100)"
        }
    }
}
