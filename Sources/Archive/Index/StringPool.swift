#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A string held by a `StringPool`; 0 is the empty string (also "absent").
package struct StringID: Hashable, Sendable {
    package let raw: Int32
    package init(raw: Int32) { self.raw = raw }
    package static let empty = StringID(raw: 0)
    package var isEmpty: Bool { raw == 0 }
}

/// Every text of the index as UTF-8 bytes in a few big buffers, named by an
/// `Int32` id: values repeated across records (dates, modalities, UIDs of studies
/// and series, SOP classes) are interned once; unique ones (SOP Instance UIDs,
/// file names) are appended without an entry in the intern table. A string costs
/// its bytes plus 8 bytes of location, and never a Swift `String`.
struct StringPool: Sendable {
    /// Longest string the pool holds; longer values are cut by the caller.
    static let maximumLength = 0xFFFF
    private static let bufferCapacity = 1 << 18

    private var buffers: [[UInt8]] = []
    /// buffer (24 bits) | offset (24 bits) | length (16 bits).
    private var locations = ChunkedArray<UInt64>()
    private var interned = IndexTable()

    init() {
        _ = appendBytes(UnsafeRawBufferPointer(start: nil, count: 0))
    }

    var count: Int { locations.count }

    /// Bytes allocated (buffers, locations, intern table), for the memory report.
    var allocatedBytes: Int {
        buffers.reduce(0) { $0 + $1.capacity + 48 } + locations.allocatedBytes + interned.allocatedBytes
    }

    // MARK: Reading

    func bytes(_ id: StringID) -> ArraySlice<UInt8> {
        let (buffer, offset, length) = location(id)
        return buffers[buffer][offset..<offset + length]
    }

    func string(_ id: StringID) -> String {
        if id.isEmpty { return "" }
        let (buffer, offset, length) = location(id)
        return buffers[buffer].withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + length]), as: UTF8.self)
        }
    }

    func withBytes<R>(_ id: StringID, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let (buffer, offset, length) = location(id)
        return buffers[buffer].withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + length])) }
    }

    func equals(_ id: StringID, _ other: UnsafeRawBufferPointer) -> Bool {
        withBytes(id) { mine in
            guard mine.count == other.count else { return false }
            guard let a = mine.baseAddress, let b = other.baseAddress else { return true }
            return memcmp(a, b, mine.count) == 0
        }
    }

    func hash(_ id: StringID) -> Int { withBytes(id) { Self.hash($0) } }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int { KeyHash.hash(bytes) }

    /// The id of an interned string equal to `bytes`, if any.
    func lookup(_ bytes: UnsafeRawBufferPointer) -> StringID? {
        if bytes.isEmpty { return .empty }
        let found = interned.first(hash: Self.hash(bytes)) { equals(StringID(raw: $0), bytes) }
        return found.map { StringID(raw: $0) }
    }

    func lookup(_ string: String) -> StringID? {
        var s = string
        return s.withUTF8 { lookup(UnsafeRawBufferPointer($0)) }
    }

    // MARK: Writing

    /// The id of `bytes`, adding them once.
    mutating func intern(_ bytes: UnsafeRawBufferPointer) -> StringID {
        if bytes.isEmpty { return .empty }
        let h = Self.hash(bytes)
        if let found = interned.first(hash: h, where: { equals(StringID(raw: $0), bytes) }) { return StringID(raw: found) }
        let id = appendBytes(bytes)
        var table = interned
        interned = .placeholder          // `table` is now the only reference: no copy on insert
        table.insert(id.raw, hash: h) { hash(StringID(raw: $0)) }
        interned = table
        return id
    }

    mutating func intern(_ string: String) -> StringID {
        var s = string
        return s.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// Adds `bytes` as a new string, without interning (for values unique to one record).
    mutating func appendUnique(_ bytes: UnsafeRawBufferPointer) -> StringID {
        bytes.isEmpty ? .empty : appendBytes(bytes)
    }

    private mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) -> StringID {
        let length = min(bytes.count, Self.maximumLength)
        if buffers.isEmpty || buffers[buffers.count - 1].count + length > Self.bufferCapacity {
            var buffer: [UInt8] = []
            if !buffers.isEmpty { buffer.reserveCapacity(Self.bufferCapacity) }
            buffers.append(buffer)
        }
        let b = buffers.count - 1
        let offset = buffers[b].count
        buffers[b].append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<length]))
        locations.append(UInt64(b) << 40 | UInt64(offset) << 16 | UInt64(length))
        return StringID(raw: Int32(locations.count - 1))
    }

    private func location(_ id: StringID) -> (buffer: Int, offset: Int, length: Int) {
        let packed = locations[Int(id.raw)]
        return (Int(packed >> 40), Int((packed >> 16) & 0xFF_FFFF), Int(packed & 0xFFFF))
    }
}
