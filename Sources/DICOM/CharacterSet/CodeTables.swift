/// The generated code tables (`CharacterSetTables`), parsed once at first use
/// into arrays for decoding and dictionaries for encoding.
struct SingleByteTable: Sendable {
    /// Bytes 0x80…0xFF; nil where unassigned.
    let upper: [Unicode.Scalar?]
    let reverse: [UInt32: UInt8]

    init(_ text: String) {
        let scalars = text.unicodeScalars.filter { $0 != "\n" }
        upper = scalars.map { $0 == "\u{FFFD}" ? nil : $0 }
        var reverse: [UInt32: UInt8] = [:]
        for (i, s) in upper.enumerated() { if let s, i < 128 { reverse[s.value] = UInt8(0x80 + i) } }
        self.reverse = reverse
    }

    func decode(_ byte: UInt8) -> Unicode.Scalar? {
        byte < 0x80 ? Unicode.Scalar(byte) : upper.indices.contains(Int(byte) - 0x80) ? upper[Int(byte) - 0x80] : nil
    }
}

/// A 94×94 set (rows and cells 0x21…0x7E, or 0xA1…0xFE in G1).
struct DoubleByteTable: Sendable {
    let cells: [Unicode.Scalar?]
    let reverse: [UInt32: UInt16]

    init(_ text: String) {
        let scalars = text.unicodeScalars.filter { $0 != "\n" }
        cells = scalars.map { $0 == "\u{FFFD}" ? nil : $0 }
        var reverse: [UInt32: UInt16] = [:]
        for (i, s) in cells.enumerated() { if let s, reverse[s.value] == nil { reverse[s.value] = UInt16(i) } }
        self.reverse = reverse
    }

    /// The character at row/cell bytes with the high bit ignored; nil when unassigned or out of range.
    func decode(_ first: UInt8, _ second: UInt8) -> Unicode.Scalar? {
        let row = Int(first & 0x7F) - 0x21, cell = Int(second & 0x7F) - 0x21
        guard (0..<94).contains(row), (0..<94).contains(cell), row * 94 + cell < cells.count else { return nil }
        return cells[row * 94 + cell]
    }

    /// Row and cell bytes (0x21…0x7E) of a character.
    func encode(_ scalar: Unicode.Scalar) -> (UInt8, UInt8)? {
        guard let index = reverse[scalar.value] else { return nil }
        return (UInt8(0x21 + Int(index) / 94), UInt8(0x21 + Int(index) % 94))
    }
}

/// GB18030 (GB 18030-2005): one, two and four byte codes.
struct GB18030Table: Sendable {
    static let trails: [UInt8] = Array(0x40...0x7E) + Array(0x80...0xFE)
    let twoByte: [Unicode.Scalar?]
    let twoByteReverse: [UInt32: UInt16]
    /// (first linear index, first code point, count), by code point.
    let fourByteRanges: [(linear: Int, codePoint: UInt32, count: Int)]

    init() {
        twoByte = CharacterSetTables.gb18030TwoByte.unicodeScalars.filter { $0 != "\n" }.map { $0 == "\u{FFFD}" ? nil : $0 }
        var reverse: [UInt32: UInt16] = [:]
        for (i, s) in twoByte.enumerated() { if let s, reverse[s.value] == nil { reverse[s.value] = UInt16(i) } }
        twoByteReverse = reverse
        fourByteRanges = CharacterSetTables.gb18030FourByteRanges.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t").compactMap { Int($0, radix: 16) }
            return f.count == 3 ? (f[0], UInt32(f[1]), f[2]) : nil
        }
    }

    func decodeTwoByte(_ lead: UInt8, _ trail: UInt8) -> Unicode.Scalar? {
        let t: Int
        switch trail {
        case 0x40...0x7E: t = Int(trail) - 0x40
        case 0x80...0xFE: t = Int(trail) - 0x41
        default: return nil
        }
        guard (0x81...0xFE).contains(lead) else { return nil }
        let index = Int(lead - 0x81) * 190 + t
        return index < twoByte.count ? twoByte[index] : nil
    }

    func decodeFourByte(_ b: (UInt8, UInt8, UInt8, UInt8)) -> Unicode.Scalar? {
        guard (0x81...0xFE).contains(b.0), (0x30...0x39).contains(b.1), (0x81...0xFE).contains(b.2),
              (0x30...0x39).contains(b.3) else { return nil }
        let linear = ((Int(b.0 - 0x81) * 10 + Int(b.1 - 0x30)) * 126 + Int(b.2 - 0x81)) * 10 + Int(b.3 - 0x30)
        if linear >= 189_000 { return Unicode.Scalar(UInt32(0x10000 + linear - 189_000)) }  // 0x90308130 → U+10000
        for r in fourByteRanges where (r.linear..<r.linear + r.count).contains(linear) {
            return Unicode.Scalar(r.codePoint + UInt32(linear - r.linear))
        }
        return nil
    }

    func encodeTwoByte(_ scalar: Unicode.Scalar) -> [UInt8]? {
        guard let i = twoByteReverse[scalar.value] else { return nil }
        return [UInt8(0x81 + Int(i) / 190), Self.trails[Int(i) % 190]]
    }

    func encodeFourByte(_ scalar: Unicode.Scalar) -> [UInt8]? {
        var linear: Int
        if scalar.value >= 0x10000 {
            linear = 189_000 + Int(scalar.value - 0x10000)
        } else if let r = fourByteRanges.first(where: { (Int($0.codePoint)..<Int($0.codePoint) + $0.count).contains(Int(scalar.value)) }) {
            linear = r.linear + Int(scalar.value - r.codePoint)
        } else {
            return nil
        }
        let b4 = linear % 10; linear /= 10
        let b3 = linear % 126; linear /= 126
        let b2 = linear % 10; linear /= 10
        return [UInt8(0x81 + linear), UInt8(0x30 + b2), UInt8(0x81 + b3), UInt8(0x30 + b4)]
    }
}

/// Every table, built on first use.
enum CodeTables {
    static let latin1 = SingleByteTable(CharacterSetTables.latin1)
    static let latin2 = SingleByteTable(CharacterSetTables.latin2)
    static let latin3 = SingleByteTable(CharacterSetTables.latin3)
    static let latin4 = SingleByteTable(CharacterSetTables.latin4)
    static let cyrillic = SingleByteTable(CharacterSetTables.cyrillic)
    static let arabic = SingleByteTable(CharacterSetTables.arabic)
    static let greek = SingleByteTable(CharacterSetTables.greek)
    static let hebrew = SingleByteTable(CharacterSetTables.hebrew)
    static let latin5 = SingleByteTable(CharacterSetTables.latin5)
    static let latin9 = SingleByteTable(CharacterSetTables.latin9)
    static let thai = SingleByteTable(CharacterSetTables.thai)
    static let jisX0208 = DoubleByteTable(CharacterSetTables.jisX0208)
    static let jisX0212 = DoubleByteTable(CharacterSetTables.jisX0212)
    static let ksX1001 = DoubleByteTable(CharacterSetTables.ksX1001)
    static let gb2312 = DoubleByteTable(CharacterSetTables.gb2312)
    static let gb18030 = GB18030Table()
}
