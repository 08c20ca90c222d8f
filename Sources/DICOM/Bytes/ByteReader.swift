/// A bounds-checked cursor over untrusted bytes. Every read names the field it
/// reads so a failure says where; `item` makes a reader limited to the next
/// `count` bytes, so a lying inner length stops at its item (STYLE.md §2).
package struct ByteReader: Sendable {
    private let bytes: [UInt8]
    package private(set) var offset: Int
    private var end: Int
    /// Added to `offset` in error reports (the position of `bytes` in a larger stream).
    package var baseOffset: Int

    package init(_ bytes: [UInt8], baseOffset: Int = 0) {
        (self.bytes, self.offset, self.end, self.baseOffset) = (bytes, 0, bytes.count, baseOffset)
    }

    package init(_ bytes: ArraySlice<UInt8>, baseOffset: Int = 0) { self.init(Array(bytes), baseOffset: baseOffset) }

    package var remaining: Int { end - offset }
    package var isAtEnd: Bool { offset >= end }

    package mutating func read(_ count: Int, _ field: String) throws(MalformedData) -> ArraySlice<UInt8> {
        guard count >= 0, count <= end - offset else {
            throw MalformedData(field: field, offset: baseOffset + offset, needed: count)
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    package mutating func skip(_ count: Int, _ field: String) throws(MalformedData) { _ = try read(count, field) }

    package func peek(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= end - offset else { return nil }
        return bytes[offset..<offset + count]
    }

    package mutating func uint8(_ field: String) throws(MalformedData) -> UInt8 { try read(1, field).first ?? 0 }

    package mutating func uint16BE(_ field: String) throws(MalformedData) -> UInt16 {
        let b = try read(2, field)
        return UInt16(b[b.startIndex]) << 8 | UInt16(b[b.startIndex + 1])
    }

    package mutating func uint32BE(_ field: String) throws(MalformedData) -> UInt32 {
        let b = try read(4, field)
        var v: UInt32 = 0
        for x in b { v = v << 8 | UInt32(x) }
        return v
    }

    package mutating func uint16LE(_ field: String) throws(MalformedData) -> UInt16 {
        let b = try read(2, field)
        return UInt16(b[b.startIndex]) | UInt16(b[b.startIndex + 1]) << 8
    }

    package mutating func uint32LE(_ field: String) throws(MalformedData) -> UInt32 {
        let b = try read(4, field)
        var v: UInt32 = 0
        for x in b.reversed() { v = v << 8 | UInt32(x) }
        return v
    }

    /// The next `count` bytes as a reader of their own; this reader moves past them.
    package mutating func item(_ count: Int, _ field: String) throws(MalformedData) -> ByteReader {
        var item = self
        _ = try read(count, field)
        item.end = offset
        return item
    }

    /// All bytes from the cursor to the end of this reader.
    package mutating func rest() -> ArraySlice<UInt8> {
        defer { offset = end }
        return bytes[offset..<end]
    }
}

/// Appending big- and little-endian integers to an output buffer.
extension Array where Element == UInt8 {
    package mutating func appendBE(_ v: UInt16) { append(UInt8(v >> 8)); append(UInt8(v & 0xFF)) }
    package mutating func appendBE(_ v: UInt32) { for s in stride(from: 24, through: 0, by: -8) { append(UInt8((v >> UInt32(s)) & 0xFF)) } }
    package mutating func appendLE(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    package mutating func appendLE(_ v: UInt32) { for s in stride(from: 0, through: 24, by: 8) { append(UInt8((v >> UInt32(s)) & 0xFF)) } }
}
