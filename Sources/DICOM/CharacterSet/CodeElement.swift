/// One graphic character set a Specific Character Set term designates
/// (PS3.3 Tables C.12-2 to C.12-5), with its ISO 2022 escape sequence.
enum CodeElement: Hashable, Sendable {
    /// ISO-IR 6 (ASCII), G0.
    case ascii
    /// ISO-IR 14, JIS X 0201 Romaji, G0: read and written as ASCII (as pydicom
    /// and most systems do, so `\` stays the value delimiter).
    case jisX0201Romaji
    /// ISO-IR 13, JIS X 0201 Katakana, G1: 0xA1…0xDF ↔ U+FF61…U+FF9F.
    case jisX0201Katakana
    /// A 96-character set in G1: the upper half of an ISO 8859 part or TIS 620.
    case upperHalf(UpperHalf)
    /// ISO-IR 87 (JIS X 0208) and ISO-IR 159 (JIS X 0212), 94×94 sets in G0.
    case jisX0208, jisX0212
    /// ISO-IR 149 (KS X 1001) and ISO-IR 58 (GB 2312), 94×94 sets in G1.
    case ksX1001, gb2312

    enum UpperHalf: Hashable, Sendable {
        case latin1, latin2, latin3, latin4, cyrillic, arabic, greek, hebrew, latin5, latin9, thai

        var table: SingleByteTable {
            switch self {
            case .latin1: CodeTables.latin1
            case .latin2: CodeTables.latin2
            case .latin3: CodeTables.latin3
            case .latin4: CodeTables.latin4
            case .cyrillic: CodeTables.cyrillic
            case .arabic: CodeTables.arabic
            case .greek: CodeTables.greek
            case .hebrew: CodeTables.hebrew
            case .latin5: CodeTables.latin5
            case .latin9: CodeTables.latin9
            case .thai: CodeTables.thai
            }
        }

        /// Final byte of the G1 designation `ESC 02/13 F` (PS3.3 Table C.12-3).
        var finalByte: UInt8 {
            switch self {
            case .latin1: 0x41
            case .latin2: 0x42
            case .latin3: 0x43
            case .latin4: 0x44
            case .cyrillic: 0x4C
            case .arabic: 0x47
            case .greek: 0x46
            case .hebrew: 0x48
            case .latin5: 0x4D
            case .latin9: 0x62
            case .thai: 0x54
            }
        }
    }

    /// True for the sets designated into G0 (bytes 0x21…0x7E).
    var isG0: Bool {
        switch self {
        case .ascii, .jisX0201Romaji, .jisX0208, .jisX0212: true
        case .jisX0201Katakana, .upperHalf, .ksX1001, .gb2312: false
        }
    }

    /// Single-byte G0 sets, in which `\`, `^`, `=` and control characters are themselves.
    var isSingleByteG0: Bool { self == .ascii || self == .jisX0201Romaji }

    /// The ISO 2022 escape sequence designating this set (PS3.3 Tables C.12-3, C.12-4).
    var escapeSequence: [UInt8] {
        switch self {
        case .ascii: [0x1B, 0x28, 0x42]                     // ESC ( B
        case .jisX0201Romaji: [0x1B, 0x28, 0x4A]            // ESC ( J
        case .jisX0201Katakana: [0x1B, 0x29, 0x49]          // ESC ) I
        case .upperHalf(let set): [0x1B, 0x2D, set.finalByte]  // ESC - F
        case .jisX0208: [0x1B, 0x24, 0x42]                  // ESC $ B
        case .jisX0212: [0x1B, 0x24, 0x28, 0x44]            // ESC $ ( D
        case .ksX1001: [0x1B, 0x24, 0x29, 0x43]             // ESC $ ) C
        case .gb2312: [0x1B, 0x24, 0x29, 0x41]              // ESC $ ) A
        }
    }

    static let all: [CodeElement] = [.ascii, .jisX0201Romaji, .jisX0201Katakana, .jisX0208, .jisX0212, .ksX1001, .gb2312]
        + [UpperHalf.latin1, .latin2, .latin3, .latin4, .cyrillic, .arabic, .greek, .hebrew, .latin5, .latin9, .thai]
            .map { .upperHalf($0) }

    /// The set an escape sequence at the start of `bytes` designates, and the sequence's length.
    /// Also reads `ESC $ @` (JIS C 6226-1978) as JIS X 0208.
    static func designated(by bytes: ArraySlice<UInt8>) -> (CodeElement, Int)? {
        for element in all where bytes.starts(with: element.escapeSequence) {
            return (element, element.escapeSequence.count)
        }
        if bytes.starts(with: [0x1B, 0x24, 0x40]) { return (.jisX0208, 3) }
        return nil
    }

    /// Bytes of one character in this set (G1 sets with the high bit set); nil when it has none.
    func encode(_ scalar: Unicode.Scalar) -> [UInt8]? {
        switch self {
        case .ascii, .jisX0201Romaji:
            return scalar.value < 0x80 ? [UInt8(scalar.value)] : nil
        case .jisX0201Katakana:
            return (0xFF61...0xFF9F).contains(scalar.value) ? [UInt8(scalar.value - 0xFF61 + 0xA1)] : nil
        case .upperHalf(let set):
            return set.table.reverse[scalar.value].map { [$0] }
        case .jisX0208, .jisX0212, .ksX1001, .gb2312:
            guard let (row, cell) = table?.encode(scalar) else { return nil }
            return isG0 ? [row, cell] : [row | 0x80, cell | 0x80]
        }
    }

    /// The 94×94 table of a double-byte set.
    var table: DoubleByteTable? {
        switch self {
        case .jisX0208: CodeTables.jisX0208
        case .jisX0212: CodeTables.jisX0212
        case .ksX1001: CodeTables.ksX1001
        case .gb2312: CodeTables.gb2312
        default: nil
        }
    }
}
