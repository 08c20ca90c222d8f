/// Command Field (0000,0100) values (PS3.7 §E.1, Table E.1-1 and §9.3).
package struct CommandField: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package var rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    package static let cStoreRQ = Self(rawValue: 0x0001)
    package static let cStoreRSP = Self(rawValue: 0x8001)
    package static let cGetRQ = Self(rawValue: 0x0010)
    package static let cGetRSP = Self(rawValue: 0x8010)
    package static let cFindRQ = Self(rawValue: 0x0020)
    package static let cFindRSP = Self(rawValue: 0x8020)
    package static let cMoveRQ = Self(rawValue: 0x0021)
    package static let cMoveRSP = Self(rawValue: 0x8021)
    package static let cEchoRQ = Self(rawValue: 0x0030)
    package static let cEchoRSP = Self(rawValue: 0x8030)
    package static let nEventReportRQ = Self(rawValue: 0x0100)
    package static let nEventReportRSP = Self(rawValue: 0x8100)
    package static let nGetRQ = Self(rawValue: 0x0110)
    package static let nGetRSP = Self(rawValue: 0x8110)
    package static let nSetRQ = Self(rawValue: 0x0120)
    package static let nSetRSP = Self(rawValue: 0x8120)
    package static let nActionRQ = Self(rawValue: 0x0130)
    package static let nActionRSP = Self(rawValue: 0x8130)
    package static let nCreateRQ = Self(rawValue: 0x0140)
    package static let nCreateRSP = Self(rawValue: 0x8140)
    package static let nDeleteRQ = Self(rawValue: 0x0150)
    package static let nDeleteRSP = Self(rawValue: 0x8150)
    package static let cCancelRQ = Self(rawValue: 0x0FFF)

    package var isResponse: Bool { rawValue & 0x8000 != 0 }

    /// The message type as DCMTK's dumps name it ("C-STORE RQ").
    package var description: String {
        switch self {
        case .cStoreRQ: "C-STORE RQ"
        case .cStoreRSP: "C-STORE RSP"
        case .cGetRQ: "C-GET RQ"
        case .cGetRSP: "C-GET RSP"
        case .cFindRQ: "C-FIND RQ"
        case .cFindRSP: "C-FIND RSP"
        case .cMoveRQ: "C-MOVE RQ"
        case .cMoveRSP: "C-MOVE RSP"
        case .cEchoRQ: "C-ECHO RQ"
        case .cEchoRSP: "C-ECHO RSP"
        case .nEventReportRQ: "N-EVENT-REPORT RQ"
        case .nEventReportRSP: "N-EVENT-REPORT RSP"
        case .nGetRQ: "N-GET RQ"
        case .nGetRSP: "N-GET RSP"
        case .nSetRQ: "N-SET RQ"
        case .nSetRSP: "N-SET RSP"
        case .nActionRQ: "N-ACTION RQ"
        case .nActionRSP: "N-ACTION RSP"
        case .nCreateRQ: "N-CREATE RQ"
        case .nCreateRSP: "N-CREATE RSP"
        case .nDeleteRQ: "N-DELETE RQ"
        case .nDeleteRSP: "N-DELETE RSP"
        case .cCancelRQ: "C-CANCEL RQ"
        default: "UNKNOWN"
        }
    }

    /// `0x` and lower-case hex without padding (C's `%x`), as dcmqrscp prints
    /// `E: Cannot handle command: 0x…`.
    package var hexDescription: String { "0x" + String(rawValue, radix: 16) }
}

/// Priority (0000,0700) (PS3.7 Table E.1-1).
package struct Priority: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package var rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }
    package static let medium = Self(rawValue: 0x0000)
    package static let high = Self(rawValue: 0x0001)
    package static let low = Self(rawValue: 0x0002)

    /// DCMTK's dump wording; empty for a value PS3.7 does not define.
    package var description: String {
        switch rawValue {
        case 0: "medium"
        case 1: "high"
        case 2: "low"
        default: ""
        }
    }
}
