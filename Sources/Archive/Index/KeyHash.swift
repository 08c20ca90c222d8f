/// The hash of the index's tables: fast on short byte strings (UIDs, dates) and keyed
/// by a random per-process seed, so a peer cannot choose UIDs that all collide
/// without knowing it. Not persisted anywhere.
enum KeyHash {
    private static let seed = UInt64.random(in: UInt64.min...UInt64.max)

    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        return finish(h ^ tail)
    }

    static func hash(_ value: Int32) -> Int { finish(seed ^ UInt64(UInt32(bitPattern: value))) }

    /// MurmurHash3's 64-bit finaliser: every input bit reaches every output bit.
    private static func finish(_ x: UInt64) -> Int {
        var h = x
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int(bitPattern: UInt(truncatingIfNeeded: h))
    }
}
