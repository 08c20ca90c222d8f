import DICOM

/// Byte builders for hand-made data sets in tests (PS3.5 §7.1, §7.5).
enum Bytes {
    static let undefined: UInt32 = 0xFFFF_FFFF

    static func le16(_ v: UInt16) -> [UInt8] { var b: [UInt8] = []; b.appendLE(v); return b }
    static func le32(_ v: UInt32) -> [UInt8] { var b: [UInt8] = []; b.appendLE(v); return b }
    static func tag(_ g: UInt16, _ e: UInt16) -> [UInt8] { le16(g) + le16(e) }

    /// An Explicit VR Little Endian header with the length field its VR uses.
    static func explicit(_ g: UInt16, _ e: UInt16, _ vr: VR, length: UInt32) -> [UInt8] {
        let (a, b) = vr.bytes
        if vr.hasLongExplicitLength { return tag(g, e) + [a, b, 0, 0] + le32(length) }
        return tag(g, e) + [a, b] + le16(UInt16(truncatingIfNeeded: length))
    }

    static func explicit(_ g: UInt16, _ e: UInt16, _ vr: VR, _ value: [UInt8]) -> [UInt8] {
        explicit(g, e, vr, length: UInt32(value.count)) + value
    }

    static func implicit(_ g: UInt16, _ e: UInt16, length: UInt32) -> [UInt8] { tag(g, e) + le32(length) }
    static func implicit(_ g: UInt16, _ e: UInt16, _ value: [UInt8]) -> [UInt8] { implicit(g, e, length: UInt32(value.count)) + value }

    static func item(length: UInt32) -> [UInt8] { tag(0xFFFE, 0xE000) + le32(length) }
    static let itemDelimiter = tag(0xFFFE, 0xE00D) + le32(0)
    static let sequenceDelimiter = tag(0xFFFE, 0xE0DD) + le32(0)

    static func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }
}
