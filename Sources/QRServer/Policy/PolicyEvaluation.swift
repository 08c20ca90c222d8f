import DICOM
import DICOMNetwork

/// The association policy's answer to one A-ASSOCIATE-RQ: what to send, what
/// to log (in order, before the AC or RJ is sent), and what follows.
package struct PolicyEvaluation: Sendable, Equatable {
    /// One log line (`level`, the text after the `I: ` prefix).
    package struct LogLine: Sendable, Equatable, CustomStringConvertible {
        package var level: Log.Level
        package var text: String
        package init(_ level: Log.Level, _ text: String) { (self.level, self.text) = (level, text) }
        package var description: String { level.prefix + text }
    }

    package var decision: AssociationDecision
    package var log: [LogLine]
    /// The refusal behind a reject.
    package var refusal: AssociationRefusal?
    /// The private shutdown class was negotiated with `--allow-shutdown`: the
    /// association is rejected and the server stops (spec §9.3).
    package var shutdownRequested: Bool
    /// The association may send C-STORE (an accepted storage context with the
    /// requestor as SCU): what `--no-parallel-store` counts.
    package var holdsStorageContexts: Bool

    package init(decision: AssociationDecision, log: [LogLine], refusal: AssociationRefusal? = nil,
                 shutdownRequested: Bool = false, holdsStorageContexts: Bool = false) {
        (self.decision, self.log, self.refusal) = (decision, log, refusal)
        (self.shutdownRequested, self.holdsStorageContexts) = (shutdownRequested, holdsStorageContexts)
    }

    package var isAccepted: Bool {
        if case .accept = decision { return true }
        return false
    }

    /// Writes the lines to `log`.
    package func write(to log: Log) {
        for line in self.log { log(line.level, line.text) }
    }
}
