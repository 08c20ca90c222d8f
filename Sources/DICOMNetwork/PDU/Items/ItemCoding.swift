import DICOM

/// The header every item and sub-item of PS3.8 §9.3 starts with: item-type,
/// a reserved byte and a 16-bit big-endian item-length (e.g. Table 9-12).
struct ItemHeader {
    var type: UInt8
    var length: Int

    /// Reads an item header and returns it with a reader limited to the item's
    /// value, so a lying length stops at its item.
    static func read(_ reader: inout ByteReader, _ context: String) throws(MalformedData) -> (ItemHeader, ByteReader) {
        let type = try reader.uint8("\(context) Item-type")
        try reader.skip(1, "\(context) Reserved")
        let length = Int(try reader.uint16BE("\(context) Item-length"))
        let value = try reader.item(length, "\(context) Item (type \(hex2(type)), length \(length))")
        return (ItemHeader(type: type, length: length), value)
    }
}

extension Array where Element == UInt8 {
    /// Appends an item: type, reserved 00H, 16-bit length, value (PS3.8 §9.3).
    mutating func appendItem(_ type: UInt8, _ value: [UInt8]) {
        append(type)
        append(0)
        appendBE(UInt16(truncatingIfNeeded: value.count))
        append(contentsOf: value)
    }

    /// Appends a 16-bit length followed by `value` (UID-length fields of PS3.7 Annex D).
    mutating func appendLengthPrefixed(_ value: [UInt8]) {
        appendBE(UInt16(truncatingIfNeeded: value.count))
        append(contentsOf: value)
    }
}

/// Text of a UID or name field: ISO 646 bytes with trailing NUL or space
/// padding removed (PS3.8 §9.3.2.2 says UIDs are not padded; some senders pad).
func itemText(_ bytes: ArraySlice<UInt8>) -> String {
    var end = bytes.endIndex
    while end > bytes.startIndex, bytes[end - 1] == 0 || bytes[end - 1] == 0x20 { end -= 1 }
    return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
}

/// An AE title field: 16 bytes, leading and trailing spaces not significant (PS3.8 Table 9-11).
func aeTitleText(_ bytes: ArraySlice<UInt8>) -> String {
    var start = bytes.startIndex, end = bytes.endIndex
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0 { end -= 1 }
    while start < end, bytes[start] == 0x20 { start += 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
}

/// An AE title as the 16-byte field of an A-ASSOCIATE PDU: space padded, cut at 16 bytes.
func aeTitleField(_ title: String) -> [UInt8] {
    var bytes = Array(title.utf8.prefix(16))
    while bytes.count < 16 { bytes.append(0x20) }
    return bytes
}

func hex2(_ v: UInt8) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return (s.count < 2 ? "0" + s : s) + "H"
}

extension ByteReader {
    /// The bytes from the cursor to the end, without moving.
    var remainingBytes: ArraySlice<UInt8> { peek(remaining) ?? [] }
}
