/// How one C-STORE ended: what the C-STORE-RSP says (status, Error Comment)
/// and, on success, what was stored and what it displaced. Every log line was
/// already written to the store's log.
package struct StoreResult: Sendable, Equatable {
    package var status: StoreStatus
    /// Error Comment (0000,0902) for a failure: at most 64 characters (LO, PS3.7 §C.3).
    package var errorComment: String?
    /// The file made durable (success only).
    package var storedFile: StoredFile?
    /// The index's outcome: sequence, replaced duplicate, quota evictions (success only).
    package var outcome: StoreOutcome?

    package init(status: StoreStatus, errorComment: String? = nil, storedFile: StoredFile? = nil, outcome: StoreOutcome? = nil) {
        self.status = status
        self.errorComment = errorComment.map(Self.fitted)
        self.storedFile = storedFile
        self.outcome = outcome
    }

    /// An Error Comment is LO: at most 64 characters, no backslash or control characters.
    static func fitted(_ comment: String) -> String {
        let cleaned = String(comment.unicodeScalars.map { $0 == "\\" || $0.value < 0x20 ? "/" : Character($0) })
        return cleaned.count <= 64 ? cleaned : String(cleaned.prefix(61)) + "..."
    }
}
