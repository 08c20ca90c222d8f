import DICOM

/// One line for the log, in dcmqrscp's words (spec §6.1, §6.4, §6.7, §10).
package struct QueryLogLine: Sendable, Equatable, CustomStringConvertible {
    package var level: Log.Level
    package var message: String
    package init(_ level: Log.Level, _ message: String) { (self.level, self.message) = (level, message) }
    package var description: String { level.prefix + message }
}

/// A C-FIND/C-MOVE/C-GET identifier that cannot be turned into a query: the
/// DIMSE status to answer, an Error Comment (0000,0902) for it, and the lines
/// dcmqrscp logs in that case (spec §6.9, §7.1).
package struct QueryFailure: Error, Sendable, Equatable {
    /// Error: Data Set does not match SOP Class (C-FIND) / Identifier does not
    /// match SOP Class (C-MOVE, C-GET): missing level, any strict-check violation.
    package static let identifierDoesNotMatchSOPClass: UInt16 = 0xA900
    /// Failed: Unable to process: unknown level, level above the model, missing
    /// unique key of a higher level (C-FIND).
    package static let unableToProcess: UInt16 = 0xC000

    package var status: UInt16
    /// At most 64 characters (LO).
    package var errorComment: String
    package var logLines: [QueryLogLine]

    package init(status: UInt16, errorComment: String, logLines: [QueryLogLine]) {
        self.status = status
        self.errorComment = String(errorComment.prefix(64))
        self.logLines = logLines
    }

    /// Writes the log lines, in order.
    package func log(to log: Log) {
        for line in logLines { log(line.level, line.message) }
    }

    /// dcmqrscp's status text in `… Failed (<text>):` (DU_cfindStatusString / DU_cmoveStatusString).
    static func statusText(_ status: UInt16) -> String {
        status == identifierDoesNotMatchSOPClass ? "Error: DataSetDoesNotMatchSOPClass" : "Failed: UnableToProcess"
    }

    /// The failure of `service` with `status`: `lines` (if any) then the service's error line
    /// (`E: findSCP: Database: startFindRequest Failed (…):` and its MOVE/GET forms).
    static func make(_ service: QueryRetrieveInformationModel.Service, _ status: UInt16, _ comment: String,
                     _ lines: [QueryLogLine] = []) -> QueryFailure {
        let text = statusText(status)
        let last = switch service {
        case .find: "findSCP: Database: startFindRequest Failed (\(text)):"
        case .move: "moveSCP: Database: startMoveRequest Failed (\(text)):"
        case .get: "getSCP: Database: startMoveRequest Failed (\(text)): 000c:0001 Index database error"
        }
        return QueryFailure(status: status, errorComment: comment, logLines: lines + [QueryLogLine(.error, last)])
    }
}
