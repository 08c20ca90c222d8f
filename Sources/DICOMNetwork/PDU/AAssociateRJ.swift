import DICOM

/// A-ASSOCIATE-RJ PDU (PS3.8 §9.3.4, Table 9-21); `init(body:)` reads what
/// follows the 6-byte PDU header; `encoded` is the whole PDU.
package struct AAssociateRJ: Equatable, Sendable, CustomStringConvertible {
    package static let pduType: UInt8 = 0x03

    package var result: Result
    package var source: Source
    package var reason: Reason

    package init(result: Result, source: Source, reason: Reason) {
        (self.result, self.source, self.reason) = (result, source, reason)
    }

    package init(body: inout ByteReader) throws(MalformedData) {
        try body.skip(1, "Reserved")
        result = Result(rawValue: try body.uint8("Result"))
        source = Source(rawValue: try body.uint8("Source"))
        reason = Reason(rawValue: try body.uint8("Reason/Diag."))
    }

    package var encoded: [UInt8] { [Self.pduType, 0, 0, 0, 0, 4, 0, result.rawValue, source.rawValue, reason.rawValue] }

    /// DCMTK's two lines after `Association Rejected:` (as echoscu prints them).
    package var description: String {
        "Result: \(result.dcmtkName), Source: \(source.dcmtkName)\nReason: \(reason.dcmtkName(source: source))"
    }
}

extension AAssociateRJ {
    /// Result field (Table 9-21).
    package struct Result: RawRepresentable, Hashable, Sendable {
        package var rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        package static let rejectedPermanent = Self(rawValue: 1)
        package static let rejectedTransient = Self(rawValue: 2)

        package var dcmtkName: String {
            switch rawValue {
            case 1: "Rejected Permanent"
            case 2: "Rejected Transient"
            default: "UNKNOWN"
            }
        }
    }

    /// Source field (Table 9-21).
    package struct Source: RawRepresentable, Hashable, Sendable {
        package var rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        package static let serviceUser = Self(rawValue: 1)
        /// DICOM UL service-provider (ACSE related function)
        package static let serviceProviderACSE = Self(rawValue: 2)
        /// DICOM UL service-provider (Presentation related function)
        package static let serviceProviderPresentation = Self(rawValue: 3)

        package var dcmtkName: String {
            switch rawValue {
            case 1: "Service User"
            case 2: "Service Provider (ACSE Related)"
            case 3: "Service Provider (Presentation Related)"
            default: "UNKNOWN"
            }
        }
    }

    /// Reason/Diag. field (Table 9-21); its meaning depends on the source.
    package struct Reason: RawRepresentable, Hashable, Sendable {
        package var rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Any source (1, 2): no-reason-given.
        package static let noReasonGiven = Self(rawValue: 1)
        /// Source 1: application-context-name-not-supported.
        package static let applicationContextNameNotSupported = Self(rawValue: 2)
        /// Source 1: calling-AE-title-not-recognized.
        package static let callingAETitleNotRecognized = Self(rawValue: 3)
        /// Source 1: called-AE-title-not-recognized.
        package static let calledAETitleNotRecognized = Self(rawValue: 7)
        /// Source 2: protocol-version-not-supported.
        package static let protocolVersionNotSupported = Self(rawValue: 2)
        /// Source 3: temporary-congestion.
        package static let temporaryCongestion = Self(rawValue: 1)
        /// Source 3: local-limit-exceeded.
        package static let localLimitExceeded = Self(rawValue: 2)

        /// DCMTK's wording, which depends on the source.
        package func dcmtkName(source: Source) -> String {
            switch (source.rawValue, rawValue) {
            case (1, 1), (2, 1): "No Reason"
            case (1, 2): "App Context Name Not Supported"
            case (1, 3): "Calling AE Title Not Recognized"
            case (1, 7): "Called AE Title Not Recognized"
            case (2, 2): "Protocol Version Not Supported"
            case (3, 1): "Temporary Congestion"
            case (3, 2): "Local Limit Exceeded"
            default: "UNKNOWN"
            }
        }
    }
}
