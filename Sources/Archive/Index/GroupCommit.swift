import Foundation

/// Group commit of the journal: a writer appends its records (under the index lock),
/// takes a ticket, leaves the lock and waits here until a sync covers its ticket.
/// The first waiter to find no sync running becomes the leader: it syncs once for
/// every ticket taken so far, outside every lock, while later writers queue behind
/// it; their next leader syncs for all of them at once.
///
/// An `NSCondition` because `Synchronization` offers no way to wait; every mutable
/// field is touched only while it is held.
final class GroupCommit: @unchecked Sendable {
    private let condition = NSCondition()
    private var written: UInt64 = 0
    private var synced: UInt64 = 0
    private var syncing = false
    private var failure: IndexError?
    private var file: JournalFile
    /// Called by the leader to make the records durable (tests observe the order).
    private let syncFile: @Sendable (JournalFile) throws(IndexError) -> Void

    init(file: JournalFile, sync: @escaping @Sendable (JournalFile) throws(IndexError) -> Void = { f throws(IndexError) in try f.syncData() }) {
        self.file = file
        self.syncFile = sync
    }

    /// Records that bytes were written to `file`; the ticket to wait for.
    func noteWritten(to file: JournalFile) -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        self.file = file
        written += 1
        return written
    }

    /// Every ticket so far is durable: `file` (a compacted journal) was synced whole.
    func noteDurable(file: JournalFile) {
        condition.lock()
        self.file = file
        synced = written
        condition.broadcast()
        condition.unlock()
    }

    /// The error that made the journal unusable, if a sync failed.
    var failedSync: IndexError? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// Returns once a sync begun after `ticket` was written has succeeded.
    func waitDurable(_ ticket: UInt64) throws(IndexError) {
        condition.lock()
        defer { condition.unlock() }
        while synced < ticket {
            if let failure { throw failure }
            if syncing {
                condition.wait()
                continue
            }
            syncing = true
            let target = written
            let file = self.file
            condition.unlock()
            var syncError: IndexError?
            do throws(IndexError) { try syncFile(file) } catch { syncError = error }
            condition.lock()
            syncing = false
            if let syncError {
                failure = .unusable(syncError.description)
            } else {
                synced = max(synced, target)
            }
            condition.broadcast()
        }
    }
}
