import DICOM

/// The layout of a storage area's index journal (`<area>/quarry.index`):
///
///     header  32 bytes: magic "QUARRYIX", format version (u32), header length (u32),
///             base sequence (u64: records of this file are numbered above it),
///             reserved (u32), CRC-32C of the 28 bytes before it (u32)
///     record  payload length N (u32), CRC-32C of the length field and the payload
///             (u32), payload: record type (u8), sequence number (u64), body
///
/// All integers little-endian. Sequence numbers grow by one per record and survive
/// compaction; quotas order studies by them.
enum JournalFormat {
    static let fileName = "quarry.index"
    static let magic: [UInt8] = Array("QUARRYIX".utf8)
    static let version: UInt32 = 1
    static let headerLength = 32
    /// Length field + CRC field.
    static let frameOverhead = 8
    /// Type + sequence.
    static let minimumPayload = 9
    /// No record is longer: a length above it is damage, not a record.
    static let maximumPayload = 4 << 20

    enum RecordType: UInt8 {
        case addInstance = 1
        case removeInstance = 2
    }

    struct Header: Equatable {
        var version: UInt32 = JournalFormat.version
        var baseSequence: UInt64 = 0

        var encoded: [UInt8] {
            var w = JournalWriter()
            w.bytes(JournalFormat.magic)
            w.u32(version)
            w.u32(UInt32(JournalFormat.headerLength))
            w.u64(baseSequence)
            w.u32(0)
            w.u32(CRC32C.checksum(w.buffer))
            return w.buffer
        }

        init(version: UInt32 = JournalFormat.version, baseSequence: UInt64 = 0) {
            (self.version, self.baseSequence) = (version, baseSequence)
        }

        /// Reads a header; the errors say which field is wrong. A header of another
        /// version is returned as read (its caller refuses it), the rest unchecked.
        init(_ bytes: UnsafeRawBufferPointer) throws(MalformedData) {
            var r = JournalReader(bytes)
            let magic = try r.bytes(8, "journal magic")
            guard magic.elementsEqual(JournalFormat.magic) else {
                throw MalformedData(field: "journal magic", offset: 0, reason: "not a Quarry index journal")
            }
            version = try r.u32("format version")
            guard version == JournalFormat.version else { return }
            let length = try r.u32("header length")
            baseSequence = try r.u64("base sequence")
            _ = try r.u32("reserved")
            let crc = try r.u32("header CRC-32C")
            guard crc == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<28])) else {
                throw MalformedData(field: "header CRC-32C", offset: 28, reason: "checksum mismatch")
            }
            guard length == UInt32(JournalFormat.headerLength) else {
                throw MalformedData(field: "header length", offset: 12, reason: "\(length) instead of \(JournalFormat.headerLength)")
            }
        }
    }

    /// A framed record: length, CRC-32C, payload.
    static func frame(type: RecordType, sequence: UInt64, body: [UInt8]) -> [UInt8] {
        var w = JournalWriter()
        w.u32(UInt32(minimumPayload + body.count))
        w.u32(0)
        w.u8(type.rawValue)
        w.u64(sequence)
        w.bytes(body)
        let crc = w.buffer.withUnsafeBytes { all in
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[8...]),
                            continuing: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[0..<4])))
        }
        w.set32(at: 4, crc)
        return w.buffer
    }
}

/// Appends little-endian fields to a byte buffer.
struct JournalWriter {
    var buffer: [UInt8] = []

    mutating func u8(_ v: UInt8) { buffer.append(v) }
    mutating func u16(_ v: UInt16) { buffer.append(UInt8(v & 0xFF)); buffer.append(UInt8(v >> 8)) }
    mutating func u32(_ v: UInt32) { for k in 0..<4 { buffer.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func u64(_ v: UInt64) { for k in 0..<8 { buffer.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    mutating func bytes(_ b: some Collection<UInt8>) { buffer.append(contentsOf: b) }
    /// A string of at most 65535 UTF-8 bytes: u16 length + bytes (callers cut longer ones).
    mutating func string(_ s: String) {
        let utf8 = s.utf8.prefix(StringPool.maximumLength)
        u16(UInt16(utf8.count))
        buffer.append(contentsOf: utf8)
    }
    mutating func set32(at offset: Int, _ v: UInt32) {
        for k in 0..<4 { buffer[offset + k] = UInt8(truncatingIfNeeded: v >> (8 * k)) }
    }
}

/// Reads little-endian fields from borrowed bytes, bounds-checked.
struct JournalReader {
    let base: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    var remaining: Int { base.count - offset }

    mutating func bytes(_ n: Int, _ field: StaticString) throws(MalformedData) -> UnsafeRawBufferPointer {
        guard n >= 0, n <= remaining else { throw MalformedData(field: field.description, offset: offset, needed: n) }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: base[offset..<offset + n])
    }
    mutating func u8(_ field: StaticString) throws(MalformedData) -> UInt8 { try bytes(1, field)[0] }
    mutating func u16(_ field: StaticString) throws(MalformedData) -> UInt16 {
        let b = try bytes(2, field)
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }
    mutating func u32(_ field: StaticString) throws(MalformedData) -> UInt32 {
        let b = try bytes(4, field)
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }
    mutating func u64(_ field: StaticString) throws(MalformedData) -> UInt64 {
        let b = try bytes(8, field)
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(b[k]) << (8 * k) }
        return v
    }
    mutating func string(_ field: StaticString) throws(MalformedData) -> UnsafeRawBufferPointer {
        let n = try u16(field)
        return try bytes(Int(n), field)
    }
}
