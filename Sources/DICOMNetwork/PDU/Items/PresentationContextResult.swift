/// Result/Reason of a presentation context in an A-ASSOCIATE-AC (PS3.8 Table 9-18).
/// Unknown values survive decoding, so they reach the log.
package struct PresentationContextResult: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package var rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    package static let acceptance = Self(rawValue: 0)
    package static let userRejection = Self(rawValue: 1)
    /// no-reason (provider rejection)
    package static let noReason = Self(rawValue: 2)
    /// abstract-syntax-not-supported (provider rejection)
    package static let abstractSyntaxNotSupported = Self(rawValue: 3)
    /// transfer-syntaxes-not-supported (provider rejection)
    package static let transferSyntaxesNotSupported = Self(rawValue: 4)

    package var isAccepted: Bool { self == .acceptance }

    /// The standard's wording.
    package var description: String {
        switch rawValue {
        case 0: "acceptance"
        case 1: "user-rejection"
        case 2: "no-reason (provider rejection)"
        case 3: "abstract-syntax-not-supported (provider rejection)"
        case 4: "transfer-syntaxes-not-supported (provider rejection)"
        default: "unknown result \(rawValue)"
        }
    }
}
