/// DCMTK 3.6.7's words for a status, measured by calling libdcmnet's
/// `DU_c*StatusString` and `DIMSE_dumpMessage` on each code: the short text of
/// `[status: Pending]` log lines and the dump's `DIMSE Status : 0xff00: …` line.
extension Status {
    /// The short text dcmqrscp logs (`Find SCP Response 1 [status: Pending]`) for a
    /// response of `command` (a C-STORE, C-FIND, C-MOVE, C-GET or C-ECHO RSP or RQ).
    package func dcmtkText(for command: CommandField) -> String {
        let code = rawValue
        let unknown = "Unknown Status: 0x" + String(code, radix: 16)
        switch serviceOf(command) {
        case .store:
            switch code {
            case 0x0000: return "Success"
            case 0xB000: return "Warning: CoercionOfDataElements"
            case 0xB007: return "Warning: DataSetDoesNotMatchSOPClass"
            case 0xB006: return "Warning: ElementsDiscarded"
            case 0x0122: return "Refused: SOPClassNotSupported"
            default: break
            }
            if code & 0xFF00 == 0xA700 { return "Refused: OutOfResources" }
            if code & 0xFF00 == 0xA900 { return "Error: DataSetDoesNotMatchSOPClass" }
            if code & 0xF000 == 0xC000 { return "Error: CannotUnderstand" }
            return unknown
        case .find:
            switch code {
            case 0x0000: return "Success"
            case 0xFF00: return "Pending"
            case 0xFF01: return "Pending: WarningUnsupportedOptionalKeys"
            case 0xFE00: return "Cancel: MatchingTerminatedDueToCancelRequest"
            case 0xA700: return "Refused: OutOfResources"
            case 0x0122: return "Refused: SOPClassNotSupported"
            case 0xA900: return "Error: DataSetDoesNotMatchSOPClass"
            default: return code & 0xF000 == 0xC000 ? "Failed: UnableToProcess" : unknown
            }
        case .move, .get:
            switch code {
            case 0x0000: return "Success"
            case 0xFF00: return "Pending"
            case 0xA701: return "Refused: OutOfResourcesNumberOfMatches"
            case 0xA702: return "Refused: OutOfResourcesSubOperations"
            case 0xA801 where serviceOf(command) == .move: return "Refused: MoveDestinationUnknown"
            case 0xA900: return "Error: DataSetDoesNotMatchSOPClass"
            case 0xFE00: return "Cancel: SubOperationsTerminatedDueToCancelIndication"
            case 0xB000: return "Warning: SubOperationsCompleteOneOrMoreFailures"
            case 0x0122: return "Refused: SOPClassNotSupported"
            default: return code & 0xF000 == 0xC000 ? "Failed: UnableToProcess" : unknown
            }
        case .echo, .other:
            return code == 0 ? "Success" : unknown
        }
    }

    /// The `DIMSE Status` line of a DCMTK dump, without its label
    /// (`0xff00: Pending: Matches are continuing`).
    package func dcmtkDumpText(for command: CommandField) -> String {
        hex + ": " + (dumpMeaning(for: serviceOf(command)) ?? classText)
    }

    private func dumpMeaning(for service: Service) -> String? {
        let code = rawValue
        let general: String? = switch code {
        case 0x0122: "Refused: SOP Class not supported"
        case 0x0210 where service != .find: "Duplicate invocation"
        case 0x0211 where service != .find: "Unrecognized operation"
        case 0x0212 where service != .find: "Mistyped argument"
        default: nil
        }
        if let general { return general }
        switch service {
        case .echo:
            return code == 0 ? "Success" : nil
        case .store:
            switch code {
            case 0x0000: return "Success"
            case 0x0124: return "Refused: Not authorized"
            case 0x0117: return "Invalid SOP Class"
            case 0xB000: return "Warning: Coercion of Data Elements"
            case 0xB007: return "Warning: Data Set does not match SOP Class"
            case 0xB006: return "Warning: Elements discarded"
            default: break
            }
            if code & 0xFF00 == 0xA700 { return "Refused: Out of resources" }
            if code & 0xFF00 == 0xA900 { return "Error: Data Set does not match SOP Class" }
            if code & 0xF000 == 0xC000 { return "Error: Cannot understand" }
            return nil
        case .find:
            switch code {
            case 0x0000: return "Success: Matching is complete"
            case 0xA700: return "Refused: Out of resources"
            case 0xFE00: return "Cancel: Matching terminated due to Cancel Request"
            case 0xFF00: return "Pending: Matches are continuing"
            case 0xFF01: return "Pending: Matches are continuing - Warning: Unsupported optional keys"
            default: break
            }
            if code & 0xFF00 == 0xA900 { return "Error: Data Set does not match SOP Class" }
            if code & 0xF000 == 0xC000 { return "Failed: Unable to process" }
            return nil
        case .move, .get:
            switch code {
            case 0x0124 where service == .move: return "Refused: Not authorized"
            case 0xA801 where service == .move: return "Refused: Move Destination unknown"
            case 0x0000: return "Success: Sub-operations complete - No failures or warnings"
            case 0xA701: return "Refused: Out of resources - Unable to calculate number of matches"
            case 0xA702: return "Refused: Out of resources - Unable to perform sub-operations"
            case 0xA900: return "Error: Data Set does not match SOP Class"
            case 0xAA00: return "Failed: None of the frames requested were found in SOP Instance"
            case 0xAA01: return "Failed: Unable to create new object for this SOP Class"
            case 0xAA02: return "Failed: Unable to extract frames"
            case 0xAA03: return "Failed: Time-based request for non-time-based SOP Instance"
            case 0xAA04: return "Failed: Invalid request"
            case 0xFE00: return "Cancel: Sub-operations terminated due to Cancel Indication"
            case 0xB000: return "Warning: Sub-operations complete - One or more failures or warnings"
            case 0xFF00: return "Pending: Sub-operations are continuing"
            default: return code & 0xF000 == 0xC000 ? "Failed: Unable to process" : nil
            }
        case .other:
            return nil
        }
    }

    /// DCMTK's fallback: the status class alone.
    private var classText: String {
        if isSuccess { return "Success" }
        if isFailure { return "Failure" }
        if isWarning { return "Warning" }
        if isCancel { return "Cancel" }
        if isPending { return "Pending" }
        return isStandard ? "Unknown Status Code" : "Unknown Status Code (non-standard)"
    }

    private enum Service { case echo, store, find, move, get, other }

    private func serviceOf(_ command: CommandField) -> Service {
        switch CommandField(rawValue: command.rawValue & 0x7FFF) {
        case .cEchoRQ: .echo
        case .cStoreRQ: .store
        case .cFindRQ: .find
        case .cMoveRQ: .move
        case .cGetRQ: .get
        default: .other
        }
    }
}
