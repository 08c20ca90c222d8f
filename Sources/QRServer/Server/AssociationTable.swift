import DICOM
import DICOMNetwork
import Synchronization

/// The connections the server holds: those still negotiating and the
/// associations accepted. MaxAssociations and `--no-parallel-store` are
/// decided against it under its lock, so two associations negotiating at
/// once cannot both take the last place (spec §3.5). On stop it names the
/// connections to close.
package final class AssociationTable: Sendable {
    struct Entry {
        var connection: TCPConnection
        /// Set once the association is accepted (counted against MaxAssociations).
        var calledAETitle: String?
        var holdsStorageContexts = false
    }

    struct State {
        var entries: [Int: Entry] = [:]
        var nextID = 0
        var stopping = false
    }

    private let state = Mutex(State())

    package init() {}

    /// Registers a connection that has just arrived; nil when the server is
    /// stopping or `negotiationLimit` connections are already waiting to
    /// negotiate (a flood of idle sockets must not cost a thread each).
    package func add(_ connection: TCPConnection, negotiationLimit: Int = .max) -> Int? {
        state.withLock { state in
            guard !state.stopping else { return nil }
            guard state.entries.values.count(where: { $0.calledAETitle == nil }) < negotiationLimit else { return nil }
            state.nextID += 1
            state.entries[state.nextID] = Entry(connection: connection)
            return state.nextID
        }
    }

    /// Forgets a connection (negotiation failed, association ended).
    package func remove(_ id: Int) {
        _ = state.withLock { $0.entries.removeValue(forKey: id) }
    }

    /// Runs the policy for connection `id` against the associations live now
    /// and, when it accepts, counts the association before anyone else is
    /// decided. A stopping server accepts nothing new.
    package func admit(_ id: Int, calledAETitle: String,
                       _ decide: (LiveAssociations) -> PolicyEvaluation) -> PolicyEvaluation {
        state.withLock { state in
            var live = LiveAssociations()
            for entry in state.entries.values {
                guard let title = entry.calledAETitle else { continue }
                live.count += 1
                if entry.holdsStorageContexts { live.storingAETitles.insert(title) }
            }
            var evaluation = decide(live)
            if state.stopping, evaluation.isAccepted {
                evaluation.decision = .reject(AssociationRefusal.tooManyAssociations.reject)
                evaluation.log.append(.init(.info, "Refusing Association (server stopping)"))
                return evaluation
            }
            if evaluation.isAccepted {
                state.entries[id]?.calledAETitle = calledAETitle
                state.entries[id]?.holdsStorageContexts = evaluation.holdsStorageContexts
            }
            return evaluation
        }
    }

    package var isStopping: Bool { state.withLock { $0.stopping } }

    /// Connections still negotiating and associations accepted.
    package var count: Int { state.withLock { $0.entries.count } }

    /// Associations accepted and not yet ended.
    package var liveCount: Int { state.withLock { $0.entries.values.filter { $0.calledAETitle != nil }.count } }

    /// Marks the server stopping; returns the connections still negotiating,
    /// to be closed (nothing to tell a peer that has not associated).
    package func beginStopping() -> [TCPConnection] {
        state.withLock { state in
            state.stopping = true
            return state.entries.values.filter { $0.calledAETitle == nil }.map(\.connection)
        }
    }

    /// Every connection still held (the stop's last resort).
    package var connections: [TCPConnection] { state.withLock { $0.entries.values.map(\.connection) } }
}
