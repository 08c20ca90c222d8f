/// Where the data set decoder reads from: a byte array already in memory, or
/// a stream read in chunks (`StreamInput`). Offsets are absolute (from the
/// start of the file or data set), so errors can name them.
protocol ParserInput {
    /// The offset of the next byte.
    var offset: Int { get }
    /// How many bytes remain, when the input can tell without reading (memory); nil for a stream.
    var remainingIfKnown: Int? { get }
    /// True when no byte remains.
    mutating func isAtEnd() throws(DICOMParseError) -> Bool
    /// Up to `count` next bytes without consuming them; fewer only at the end.
    mutating func peek(_ count: Int) throws(DICOMParseError) -> [UInt8]
    /// The next `count` bytes; fewer only at the end. Memory grows only with
    /// bytes that actually arrive, never with `count` itself.
    mutating func read(_ count: Int) throws(DICOMParseError) -> [UInt8]
    /// Moves past `count` bytes; returns how many there were (fewer only at the end).
    mutating func skip(_ count: Int) throws(DICOMParseError) -> Int
}

/// A byte array in memory, read from `start`; offsets are indices into the array plus `baseOffset`.
struct MemoryInput: ParserInput {
    private let bytes: [UInt8]
    private var position: Int
    private let baseOffset: Int

    init(_ bytes: [UInt8], start: Int = 0, baseOffset: Int = 0) {
        (self.bytes, self.position, self.baseOffset) = (bytes, min(max(start, 0), bytes.count), baseOffset)
    }

    var offset: Int { baseOffset + position }
    var remainingIfKnown: Int? { bytes.count - position }
    func isAtEnd() -> Bool { position >= bytes.count }

    func peek(_ count: Int) -> [UInt8] {
        Array(bytes[position..<position + min(max(count, 0), bytes.count - position)])
    }

    mutating func read(_ count: Int) -> [UInt8] {
        let taken = peek(count)
        position += taken.count
        return taken
    }

    mutating func skip(_ count: Int) -> Int {
        let n = min(max(count, 0), bytes.count - position)
        position += n
        return n
    }
}
