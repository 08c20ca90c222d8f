/// Reads the values of a line one after the other, as dcmqrscp's
/// `parsevalues` does (spec §2.3):
///
/// * separators ("gaps") are white space, `=` and `,`, any number of them;
/// * a value starting with one of `"` `'` `(` `)` runs to the next byte that
///   is any of those four (so `(` may be closed by `"`), and may hold spaces
///   and commas; there is no escape;
/// * an unquoted value ends only at a separator: one touching the end of the
///   piece (no newline after it) is not read, and neither is a quoted value
///   whose closing quote is missing — the cursor then stays where it is, so
///   every later read fails too.
struct ValueCursor {
    let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) { (self.bytes, self.position) = (bytes, position) }

    static func isGap(_ b: UInt8) -> Bool {
        CScanning.isSpace(b) || b == UInt8(ascii: "=") || b == UInt8(ascii: ",")
    }

    static func isQuote(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
    }

    /// Why the last `next()` returned nil.
    enum Failure: Equatable {
        /// Nothing left on the line.
        case endOfLine
        /// A quoted value starting at `start` has no closing quote.
        case unterminatedQuote(start: Int)
        /// An unquoted value starting at `start` touches the end of the piece.
        case noSeparatorAfter(start: Int)
    }

    /// The next value, or nil (see `failure`).
    mutating func next() -> ConfigurationToken? {
        var p = position
        var quote: UInt8?
        if p < bytes.count, Self.isQuote(bytes[p]) {
            quote = bytes[p]
            p += 1
        }
        let valueStart = p
        while p < bytes.count {
            let b = bytes[p]
            if quote != nil ? Self.isQuote(b) : Self.isGap(b) {
                var token = ConfigurationToken(bytes: Array(bytes[valueStart..<p]), start: position, end: p)
                if let quote {
                    token.quote = quote
                    token.closingQuote = b
                    token.end = p + 1
                    p += 1
                }
                while p < bytes.count, Self.isGap(bytes[p]) { p += 1 }
                position = p
                return token
            }
            p += 1
        }
        return nil
    }

    /// Why `next()` would return nil here.
    var failure: Failure {
        guard position < bytes.count else { return .endOfLine }
        return Self.isQuote(bytes[position]) ? .unterminatedQuote(start: position) : .noSeparatorAfter(start: position)
    }

    /// The rest of the piece from the cursor, line end removed.
    var rest: String {
        var b = bytes[min(position, bytes.count)...]
        while let last = b.last, last == 0x0A || last == 0x0D { b = b.dropLast() }
        return String(decoding: b, as: UTF8.self)
    }

    var isAtEnd: Bool { position >= bytes.count }
}
