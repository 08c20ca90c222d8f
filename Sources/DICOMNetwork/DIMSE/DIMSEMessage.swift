import DICOM

/// A received DIMSE command, decoded by its Command Field. Commands this layer
/// does not model (the DIMSE-N services) keep their field, so the server can
/// say `Cannot handle command: 0x…` (spec §9.2).
package enum DIMSEMessage: Sendable, Equatable {
    case cEchoRQ(CEchoRQ)
    case cEchoRSP(CEchoRSP)
    case cStoreRQ(CStoreRQ)
    case cStoreRSP(CStoreRSP)
    case cFindRQ(CFindRQ)
    case cFindRSP(CFindRSP)
    case cMoveRQ(CMoveRQ)
    case cMoveRSP(CMoveRSP)
    case cGetRQ(CGetRQ)
    case cGetRSP(CGetRSP)
    case cCancelRQ(CCancelRQ)
    case other(CommandField)

    package init(commandSet c: DataSet) throws(DIMSEError) {
        guard let field = c.uint16(.commandField) else { throw .missingCommandField }
        switch CommandField(rawValue: field) {
        case .cEchoRQ: self = .cEchoRQ(try CEchoRQ(commandSet: c))
        case .cEchoRSP: self = .cEchoRSP(try CEchoRSP(commandSet: c))
        case .cStoreRQ: self = .cStoreRQ(try CStoreRQ(commandSet: c))
        case .cStoreRSP: self = .cStoreRSP(try CStoreRSP(commandSet: c))
        case .cFindRQ: self = .cFindRQ(try CFindRQ(commandSet: c))
        case .cFindRSP: self = .cFindRSP(try CFindRSP(commandSet: c))
        case .cMoveRQ: self = .cMoveRQ(try CMoveRQ(commandSet: c))
        case .cMoveRSP: self = .cMoveRSP(try CMoveRSP(commandSet: c))
        case .cGetRQ: self = .cGetRQ(try CGetRQ(commandSet: c))
        case .cGetRSP: self = .cGetRSP(try CGetRSP(commandSet: c))
        case .cCancelRQ: self = .cCancelRQ(try CCancelRQ(commandSet: c))
        default: self = .other(CommandField(rawValue: field))
        }
    }

    /// Wraps a typed command.
    package init(_ command: any DIMSECommand) {
        switch command {
        case let c as CEchoRQ: self = .cEchoRQ(c)
        case let c as CEchoRSP: self = .cEchoRSP(c)
        case let c as CStoreRQ: self = .cStoreRQ(c)
        case let c as CStoreRSP: self = .cStoreRSP(c)
        case let c as CFindRQ: self = .cFindRQ(c)
        case let c as CFindRSP: self = .cFindRSP(c)
        case let c as CMoveRQ: self = .cMoveRQ(c)
        case let c as CMoveRSP: self = .cMoveRSP(c)
        case let c as CGetRQ: self = .cGetRQ(c)
        case let c as CGetRSP: self = .cGetRSP(c)
        case let c as CCancelRQ: self = .cCancelRQ(c)
        default: self = .other(type(of: command).commandField)
        }
    }

    package var commandField: CommandField {
        switch self {
        case .cEchoRQ: .cEchoRQ
        case .cEchoRSP: .cEchoRSP
        case .cStoreRQ: .cStoreRQ
        case .cStoreRSP: .cStoreRSP
        case .cFindRQ: .cFindRQ
        case .cFindRSP: .cFindRSP
        case .cMoveRQ: .cMoveRQ
        case .cMoveRSP: .cMoveRSP
        case .cGetRQ: .cGetRQ
        case .cGetRSP: .cGetRSP
        case .cCancelRQ: .cCancelRQ
        case .other(let field): field
        }
    }

    /// Message ID of a request (nil for responses and C-CANCEL).
    package var messageID: UInt16? {
        switch self {
        case .cEchoRQ(let m): m.messageID
        case .cStoreRQ(let m): m.messageID
        case .cFindRQ(let m): m.messageID
        case .cMoveRQ(let m): m.messageID
        case .cGetRQ(let m): m.messageID
        default: nil
        }
    }

    /// Status of a response (nil for requests).
    package var status: Status? {
        switch self {
        case .cEchoRSP(let m): m.status
        case .cStoreRSP(let m): m.status
        case .cFindRSP(let m): m.status
        case .cMoveRSP(let m): m.status
        case .cGetRSP(let m): m.status
        default: nil
        }
    }
}
