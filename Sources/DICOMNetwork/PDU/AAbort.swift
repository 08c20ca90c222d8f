import DICOM

/// A-ABORT PDU (PS3.8 §9.3.8, Table 9-26); `init(body:)` reads what follows
/// the 6-byte PDU header; `encoded` is the whole PDU.
package struct AAbort: Equatable, Sendable, CustomStringConvertible {
    package static let pduType: UInt8 = 0x07

    package var source: Source
    /// Not significant when the source is the service-user.
    package var reason: Reason

    package init(source: Source, reason: Reason = .notSpecified) { (self.source, self.reason) = (source, reason) }

    package init(body: inout ByteReader) throws(MalformedData) {
        try body.skip(2, "Reserved")
        source = Source(rawValue: try body.uint8("Source"))
        reason = Reason(rawValue: try body.uint8("Reason/Diag."))
    }

    package var encoded: [UInt8] { [Self.pduType, 0, 0, 0, 0, 4, 0, 0, source.rawValue, reason.rawValue] }

    package var description: String { "A-ABORT (source: \(source), reason: \(reason))" }

    /// Source field (Table 9-26).
    package struct Source: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        package var rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        /// DICOM UL service-user (initiated abort)
        package static let serviceUser = Self(rawValue: 0)
        /// reserved
        package static let reserved = Self(rawValue: 1)
        /// DICOM UL service-provider (initiated abort)
        package static let serviceProvider = Self(rawValue: 2)

        package var description: String {
            switch rawValue {
            case 0: "service-user"
            case 2: "service-provider"
            default: "\(rawValue)"
            }
        }
    }

    /// Reason/Diag. field (Table 9-26), for a service-provider abort.
    package struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        package var rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        package static let notSpecified = Self(rawValue: 0)
        package static let unrecognizedPDU = Self(rawValue: 1)
        package static let unexpectedPDU = Self(rawValue: 2)
        package static let unrecognizedPDUParameter = Self(rawValue: 4)
        package static let unexpectedPDUParameter = Self(rawValue: 5)
        package static let invalidPDUParameterValue = Self(rawValue: 6)

        package var description: String {
            switch rawValue {
            case 0: "reason-not-specified"
            case 1: "unrecognized-PDU"
            case 2: "unexpected-PDU"
            case 4: "unrecognized-PDU-parameter"
            case 5: "unexpected-PDU-parameter"
            case 6: "invalid-PDU-parameter-value"
            default: "\(rawValue)"
            }
        }
    }
}
