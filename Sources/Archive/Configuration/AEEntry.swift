/// One line of the AETable: `AETitle StorageArea Access Quota Peers`
/// (spec §2.5, dcmqrcnf.txt).
package struct AEEntry: Equatable, Sendable {
    /// Compared byte for byte, case-sensitively, with the called AE title.
    package var aeTitle: String
    /// The storage area folder, as written (a relative path is relative to the
    /// server's working directory).
    package var storageArea: String
    package var access: Access
    package var quota: ConfiguredQuota
    package var peers: AEPeers
    /// The line of the file the entry was read from.
    package var line: Int

    package init(aeTitle: String, storageArea: String, access: Access, quota: ConfiguredQuota, peers: AEPeers, line: Int) {
        (self.aeTitle, self.storageArea, self.access) = (aeTitle, storageArea, access)
        (self.quota, self.peers, self.line) = (quota, peers, line)
    }
}

/// The peers an AE admits: `ANY`, or a list of triples (symbolic names expanded).
package enum AEPeers: Equatable, Sendable {
    case any
    case list([Peer])

    /// The triples of a list; empty for `ANY`.
    package var triples: [Peer] {
        if case .list(let peers) = self { return peers }
        return []
    }
}

/// The access token of an AETable line.
///
/// dcmqrscp accepts any token; only the exact strings `RW`, `WR` and `W` make
/// the storage area writable, everything else (`R`, `rw`, `X`, …) means
/// read-only (spec §2.5, §4). Quarry also enforces the read half: an AE whose
/// access is exactly `W` refuses the C-FIND/C-MOVE/C-GET contexts (spec §4,
/// "Quarry's decision").
package struct Access: Equatable, Sendable {
    /// The token as written.
    package var token: String

    package init(_ token: String) { self.token = token }

    /// Whether C-STORE is allowed (dcmqrscp's `writableStorageArea`).
    package var canWrite: Bool { ["RW", "WR", "W"].contains(token) }
    /// Whether C-FIND, C-MOVE and C-GET are allowed (Quarry: all but `W`).
    package var canRead: Bool { token != "W" }
    /// Whether the token is one of the four dcmqrscp's documentation names.
    package var isDocumented: Bool { ["R", "RW", "WR", "W"].contains(token) }
}

/// The quota of an AETable line, `(maxStudies, maxBytesPerStudy)`, read
/// exactly as dcmqrscp 3.6.7 reads it (spec §2.5): `sscanf("%d , %s")`, then
/// the size's last character must be `b`/`B` and the one before it `k`, `m`
/// or `g` (any case) multiplies by 1024, 1024² or 1024³; any other character
/// there multiplies by 1 (`1tb` is 1 byte) and the number is `atoi`'s (so
/// `1.5gb` is 1 GiB). No clamping: dcmqrscp caps at 500 studies and 1 GiB,
/// Quarry honours the values as written.
package struct ConfiguredQuota: Equatable, Sendable {
    /// The quota as written, without its parentheses.
    package var text: String
    /// The number of studies; nil when dcmqrscp reads no number there (its
    /// value is then undefined; `(abc, 10mb)`). May be negative (`(-1, 10mb)`).
    package var maxStudies: Int?
    /// The bytes per study: -1 when the size does not end in `b` (dcmqrscp
    /// then applies its upper limit, 1 GiB); nil when no size is read at all
    /// (`(10)`, `(10 10mb)`: undefined in dcmqrscp). May be negative (`-5mb`).
    package var maxBytesPerStudy: Int?

    package init(text: String, maxStudies: Int?, maxBytesPerStudy: Int?) {
        (self.text, self.maxStudies, self.maxBytesPerStudy) = (text, maxStudies, maxBytesPerStudy)
    }

    /// dcmqrscp's limits: at most 500 studies, at most 1 GiB per study.
    package static let dcmqrscpMaxStudies = 500
    package static let dcmqrscpMaxBytesPerStudy = 1 << 30
}
