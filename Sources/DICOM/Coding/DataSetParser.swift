/// The header of one data element, item or delimiter (PS3.5 §7.1, §7.5).
struct ElementHeader: Equatable {
    var tag: Tag
    /// The VR written in an explicit VR header; nil in implicit VR and for items and delimiters.
    var vr: VR?
    var length: UInt32
    /// Offset of the header's first byte.
    var offset: Int

    static let undefinedLength: UInt32 = 0xFFFF_FFFF
    var hasUndefinedLength: Bool { length == Self.undefinedLength }
}

/// Decodes data elements from a `ParserInput` (PS3.5 §7). One parser serves
/// in-memory decoding and the streaming reader; it checks every length
/// against the bytes that remain in its input and in the enclosing defined-
/// length items and sequences before reading, and never allocates by a
/// length it has not checked (a stream's values grow only as bytes arrive).
struct DataSetParser<Input: ParserInput> {
    /// Deepest nesting of sequence items accepted.
    static var maximumNestingDepth: Int { 64 }

    var input: Input
    /// End offsets of the enclosing defined-length sequences and items, innermost last.
    private var limits: [Int] = []

    init(input: Input) { self.input = input }

    var offset: Int { input.offset }

    /// Bytes that may still be read here: up to the innermost defined-length
    /// end, or the input's end; nil when neither is known (a stream at top level).
    var available: Int? {
        let inLimit = limits.last.map { $0 - input.offset }
        switch (inLimit, input.remainingIfKnown) {
        case let (a?, b?): return min(a, b)
        case let (a?, nil): return a
        case let (nil, b?): return b
        case (nil, nil): return nil
        }
    }

    /// True at the end of the innermost defined-length container, or of the input.
    mutating func isAtEnd() throws(DICOMParseError) -> Bool {
        if let limit = limits.last, input.offset >= limit { return true }
        return try input.isAtEnd()
    }

    /// Exactly `count` bytes, or a `truncated` error naming `tag` and `start`.
    mutating func bytes(_ count: Int, tag: Tag?, at start: Int) throws(DICOMParseError) -> [UInt8] {
        if let limit = limits.last, count > limit - input.offset {
            throw DICOMParseError(.truncated(needed: count - (limit - input.offset)), tag: tag, offset: start)
        }
        let b = try input.read(count)
        guard b.count == count else { throw DICOMParseError(.truncated(needed: count - b.count), tag: tag, offset: start) }
        return b
    }

    /// Moves past `count` bytes, or throws `truncated`.
    mutating func skip(_ count: Int, tag: Tag?, at start: Int) throws(DICOMParseError) {
        if let limit = limits.last, count > limit - input.offset {
            throw DICOMParseError(.truncated(needed: count - (limit - input.offset)), tag: tag, offset: start)
        }
        let n = try input.skip(count)
        guard n == count else { throw DICOMParseError(.truncated(needed: count - n), tag: tag, offset: start) }
    }

    /// Throws `lengthPastEnd` when `length` bytes are known not to be there.
    func checkLength(_ length: UInt32, tag: Tag?, at start: Int) throws(DICOMParseError) {
        if let available, Int(length) > available {
            throw DICOMParseError(.lengthPastEnd(length: length, available: available), tag: tag, offset: start)
        }
    }

    /// Runs `body` with reads limited to the next `length` bytes (a defined-length item or sequence).
    mutating func within<T>(_ length: UInt32, _ body: (inout Self) throws(DICOMParseError) -> T) throws(DICOMParseError) -> T {
        limits.append(input.offset + Int(length))
        defer { limits.removeLast() }
        return try body(&self)
    }

    /// The next header; nil when the input (not an enclosing item) ends cleanly before it.
    mutating func header(_ encoding: ElementEncoding) throws(DICOMParseError) -> ElementHeader? {
        let start = input.offset
        if try isAtEnd() { return nil }
        let t = try bytes(4, tag: nil, at: start)
        let tag = encoding.tag(t)
        if tag.group == 0xFFFE {
            // Items and delimiters carry no VR, even in explicit VR (PS3.5 §7.5).
            let length = encoding.uint32(try bytes(4, tag: tag, at: start))
            return ElementHeader(tag: tag, vr: nil, length: length, offset: start)
        }
        guard encoding.isExplicitVR else {
            return ElementHeader(tag: tag, vr: nil, length: encoding.uint32(try bytes(4, tag: tag, at: start)), offset: start)
        }
        let v = try bytes(2, tag: tag, at: start)
        guard let vr = VR(bytes: v[0], v[1]) else { throw DICOMParseError(.unknownVR(v[0], v[1]), tag: tag, offset: start) }
        if vr.hasLongExplicitLength {
            let rest = try bytes(6, tag: tag, at: start)   // 2 reserved bytes, 32-bit length (PS3.5 Table 7.1-1)
            return ElementHeader(tag: tag, vr: vr, length: encoding.uint32(rest, 2), offset: start)
        }
        let length = UInt32(encoding.uint16(try bytes(2, tag: tag, at: start)))
        return ElementHeader(tag: tag, vr: vr, length: length, offset: start)
    }

    /// Where a data set ends: at the end of the input (top level), at the end
    /// of a defined-length item, or at an Item Delimitation Item.
    enum DataSetEnd { case endOfInput, definedLength, itemDelimiter }

    /// Elements up to `end`. `depth` counts the items enclosing this data set.
    mutating func dataSet(_ encoding: ElementEncoding, end: DataSetEnd, depth: Int,
                          context: ImplicitVRContext = ImplicitVRContext(), enclosingTag: Tag? = nil)
        throws(DICOMParseError) -> DataSet {
        var dataSet = DataSet()
        var context = context
        while true {
            guard let header = try header(encoding) else {
                if end == .itemDelimiter {
                    throw DICOMParseError(.truncated(needed: 8), tag: enclosingTag, offset: input.offset)
                }
                return dataSet
            }
            if header.tag == .itemDelimitationItem, end == .itemDelimiter { return dataSet }
            if header.tag.group == 0xFFFE {
                throw DICOMParseError(.misplacedDelimiter(header.tag), tag: header.tag, offset: header.offset)
            }
            let element = try element(header, encoding, depth: depth, context: context)
            context.note(element)
            // A repeated or out-of-order tag: the first occurrence wins, as in DCMTK.
            if let last = dataSet.elements.last, last.tag >= element.tag, dataSet.contains(element.tag) { continue }
            dataSet.append(element)
        }
    }
}
