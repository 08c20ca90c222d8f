/// The one narrow interface the services use to reach a storage area's index
/// (DESIGN.md "The index"): `JournalIndex` is the journal-backed implementation; a
/// database-backed one shared by several servers can take its place.
///
/// Every method may be called from any thread; `add` and `remove` return once their
/// records are durable (group commit), `snapshot` never waits for a sync.
package protocol StorageAreaIndex: Sendable {
    /// Indexes one stored instance whose file is already durable. Removes the older
    /// instance with the same SOP Instance UID (any study) and what the quota makes
    /// room from; the outcome names their files, which the caller deletes. Throws
    /// `IndexError.quotaExceeded` when the quota refuses the instance (nothing changed).
    func add(_ record: InstanceRecord, quota: StorageQuota) throws(IndexError) -> StoreOutcome

    /// Indexes several instances with one sync (`quarryidx`): one result per record, in
    /// order. Throws only when nothing could be written.
    func add(_ records: [InstanceRecord], quota: StorageQuota) throws(IndexError) -> [Result<StoreOutcome, IndexError>]

    /// Removes the instance with this SOP Instance UID; what it was, or nil if absent.
    /// The caller deletes the file.
    func remove(sopInstanceUID: String) throws(IndexError) -> IndexedInstanceFile?

    /// A consistent view for a query or a retrieve, including every record any
    /// process appended before the call.
    func snapshot() throws(IndexError) -> IndexSnapshot
}

extension StorageAreaIndex {
    package func add(_ record: InstanceRecord, quota: StorageQuota) throws(IndexError) -> StoreOutcome {
        let results = try add([record], quota: quota)
        guard let result = results.first else { throw .invalidRecord("no result") }
        return try result.get()
    }
}
