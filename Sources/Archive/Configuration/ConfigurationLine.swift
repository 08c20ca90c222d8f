/// One piece of a configuration file as dcmqrscp reads it: `fgets` into a
/// 512-byte buffer returns at most 511 bytes, ending after a newline, so a
/// longer physical line arrives as several pieces and each piece is parsed as
/// a line of its own (spec §2.1). C string handling stops at a NUL byte, so
/// `bytes` ends there.
struct ConfigurationLine: Sendable {
    /// The bytes up to the first NUL, newline included when there is one.
    var bytes: [UInt8]
    /// Physical line number, from 1.
    var line: Int
    /// Offset of `bytes[0]` in the physical line (0, 511, 1022, …).
    var columnOffset: Int
    /// Length of the whole physical line without its line end.
    var physicalLength: Int

    /// The size of dcmqrscp's line buffer, less the terminating NUL.
    static let pieceLength = 511

    /// The file cut as dcmqrscp's `fgets(rcline, 512, file)` loop cuts it.
    static func split(_ data: [UInt8]) -> [ConfigurationLine] {
        var pieces: [ConfigurationLine] = []
        var start = 0
        var lineNumber = 1
        while start < data.count {
            var end = start
            while end < data.count, data[end] != 0x0A { end += 1 }
            let hasNewline = end < data.count
            let stop = hasNewline ? end + 1 : end
            var contentLength = end - start
            if contentLength > 0, data[end - 1] == 0x0D { contentLength -= 1 }
            var offset = start
            while offset < stop {
                let pieceEnd = min(offset + pieceLength, stop)
                var bytes = Array(data[offset..<pieceEnd])
                if let nul = bytes.firstIndex(of: 0) { bytes.removeSubrange(nul...) }
                pieces.append(ConfigurationLine(bytes: bytes, line: lineNumber, columnOffset: offset - start,
                                                physicalLength: contentLength))
                offset = pieceEnd
            }
            start = stop
            lineNumber += 1
        }
        return pieces
    }

    /// dcmqrscp skips a piece whose first byte is `#`, LF or CR.
    var isCommentOrBlank: Bool {
        guard let first = bytes.first else { return false }
        return first == UInt8(ascii: "#") || first == 0x0A || first == 0x0D
    }

    /// The whitespace-separated words, as `sscanf("%s %s …")` reads them.
    var words: [ConfigurationToken] {
        var result: [ConfigurationToken] = []
        var i = 0
        while i < bytes.count {
            while i < bytes.count, CScanning.isSpace(bytes[i]) { i += 1 }
            let start = i
            while i < bytes.count, !CScanning.isSpace(bytes[i]) { i += 1 }
            if i > start { result.append(ConfigurationToken(bytes: Array(bytes[start..<i]), start: start, end: i)) }
        }
        return result
    }

    /// The 1-based column of byte `offset` of this piece in its physical line.
    func column(_ offset: Int) -> Int { columnOffset + offset + 1 }

    /// The piece as text, line end removed (for messages).
    var text: String {
        var b = bytes[...]
        while let last = b.last, last == 0x0A || last == 0x0D { b = b.dropLast() }
        return String(decoding: b, as: UTF8.self)
    }
}

/// A value read from a line: its bytes (quotes removed) and where it was.
struct ConfigurationToken: Equatable, Sendable {
    var bytes: [UInt8]
    /// Offset of its first byte (the opening quote, when quoted) in the piece.
    var start: Int
    /// Offset just after its last byte (the closing quote, when quoted).
    var end: Int
    /// The quote characters around it, when it was quoted.
    var quote: UInt8? = nil
    var closingQuote: UInt8? = nil

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// As written, quotes included.
    var written: String {
        String(decoding: (quote.map { [$0] } ?? []) + bytes + (closingQuote.map { [$0] } ?? []), as: UTF8.self)
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
