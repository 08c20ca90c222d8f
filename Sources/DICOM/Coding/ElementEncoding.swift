/// How data elements are laid out: explicit or implicit VR (PS3.5 §7.1) and
/// byte order (PS3.5 §7.3). Deflate is applied around a whole data set.
struct ElementEncoding: Equatable, Sendable {
    var isExplicitVR: Bool
    var isBigEndian: Bool

    static let implicitVRLittleEndian = ElementEncoding(isExplicitVR: false, isBigEndian: false)
    static let explicitVRLittleEndian = ElementEncoding(isExplicitVR: true, isBigEndian: false)
    static let explicitVRBigEndian = ElementEncoding(isExplicitVR: true, isBigEndian: true)

    init(isExplicitVR: Bool, isBigEndian: Bool) { (self.isExplicitVR, self.isBigEndian) = (isExplicitVR, isBigEndian) }
    init(_ syntax: TransferSyntax) { self.init(isExplicitVR: syntax.isExplicitVR, isBigEndian: syntax.isBigEndian) }

    func uint16(_ b: [UInt8], _ at: Int = 0) -> UInt16 {
        isBigEndian ? UInt16(b[at]) << 8 | UInt16(b[at + 1]) : UInt16(b[at]) | UInt16(b[at + 1]) << 8
    }

    func uint32(_ b: [UInt8], _ at: Int = 0) -> UInt32 {
        let (hi, lo) = (uint16(b, at), uint16(b, at + 2))
        return isBigEndian ? UInt32(hi) << 16 | UInt32(lo) : UInt32(lo) << 16 | UInt32(hi)
    }

    func tag(_ b: [UInt8], _ at: Int = 0) -> Tag { Tag(uint16(b, at), uint16(b, at + 2)) }

    func append(_ v: UInt16, to out: inout [UInt8]) {
        if isBigEndian { out.appendBE(v) } else { out.appendLE(v) }
    }

    func append(_ v: UInt32, to out: inout [UInt8]) {
        if isBigEndian { out.appendBE(v) } else { out.appendLE(v) }
    }

    func append(_ tag: Tag, to out: inout [UInt8]) {
        append(tag.group, to: &out)
        append(tag.element, to: &out)
    }
}

/// Reverses the byte order of each `unit`-byte value in place (PS3.5 §7.3);
/// a trailing partial unit is left as it is.
func swapByteOrder(_ bytes: inout [UInt8], unit: Int) {
    guard unit > 1 else { return }
    var i = 0
    while i + unit <= bytes.count {
        var (a, b) = (i, i + unit - 1)
        while a < b {
            bytes.swapAt(a, b)
            a += 1
            b -= 1
        }
        i += unit
    }
}

/// The size of one value of a binary VR; a value length must be a multiple of
/// it (PS3.5 §6.2). 1 for VRs with no such constraint.
func valueSize(of vr: VR) -> Int {
    switch vr {
    case .US, .SS, .OW: 2
    case .UL, .SL, .FL, .AT, .OF, .OL: 4
    case .FD, .OD, .SV, .UV, .OV: 8
    default: 1
    }
}
