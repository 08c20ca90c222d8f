/// An open-addressing hash table of record numbers (`Int32`), the index's maps from
/// an interned key to a record. Keys are not stored: the caller gives a key's hash and
/// a test that a record has that key, and on growth a way to hash a stored record.
/// Chunked, so a snapshot shares it until a store writes a slot.
struct IndexTable: Sendable {
    private static let empty: Int32 = -1
    private static let deleted: Int32 = -2

    /// Stands in while a table is taken out of its owner to be changed (never used).
    static let placeholder = IndexTable()

    private var slots = ChunkedArray<Int32>(repeating: IndexTable.empty, count: 16)
    private(set) var count = 0
    private var tombstones = 0

    private var mask: Int { slots.count - 1 }

    /// The first record with `hash` for which `matches` holds.
    func first(hash: Int, where matches: (Int32) -> Bool) -> Int32? {
        var i = hash & mask
        while true {
            let v = slots[i]
            if v == Self.empty { return nil }
            if v >= 0, matches(v) { return v }
            i = (i + 1) & mask
        }
    }

    /// Every record with `hash` for which `matches` holds, in probe order.
    func all(hash: Int, where matches: (Int32) -> Bool) -> [Int32] {
        var found: [Int32] = []
        var i = hash & mask
        while true {
            let v = slots[i]
            if v == Self.empty { return found }
            if v >= 0, matches(v) { found.append(v) }
            i = (i + 1) & mask
        }
    }

    /// Adds `value` (not yet present) under `hash`; `rehash` gives the hash of a
    /// stored record when the table grows.
    mutating func insert(_ value: Int32, hash: Int, rehash: (Int32) -> Int) {
        if (count + tombstones + 1) * 2 > slots.count { grow(rehash: rehash) }
        var i = hash & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        if slots[i] == Self.deleted { tombstones -= 1 }
        slots[i] = value
        count += 1
    }

    /// Removes `value` stored under `hash`; false when it was not there.
    @discardableResult
    mutating func remove(_ value: Int32, hash: Int) -> Bool {
        var i = hash & mask
        while true {
            let v = slots[i]
            if v == Self.empty { return false }
            if v == value {
                slots[i] = Self.deleted
                count -= 1
                tombstones += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow(rehash: (Int32) -> Int) {
        var capacity = 16
        while capacity < (count + 1) * 3 { capacity *= 2 }
        let old = slots
        slots = ChunkedArray(repeating: Self.empty, count: capacity)
        tombstones = 0
        let newMask = capacity - 1
        for chunk in old.chunks {
            for v in chunk where v >= 0 {
                var i = rehash(v) & newMask
                while slots[i] != Self.empty { i = (i + 1) & newMask }
                slots[i] = v
            }
        }
    }

    var allocatedBytes: Int { slots.allocatedBytes }
}
