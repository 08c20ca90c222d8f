/// A `ParserInput` over a `DICOMByteSource`, pulling chunks of `chunkSize`
/// bytes: it holds one chunk (plus what a peek asks for), whatever the size
/// of what it reads through.
struct StreamInput: ParserInput {
    private(set) var source: any DICOMByteSource
    let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private(set) var offset: Int
    private var sourceEnded = false

    init(source: any DICOMByteSource, chunkSize: Int, offset: Int = 0) {
        (self.source, self.chunkSize, self.offset) = (source, max(chunkSize, 16), offset)
    }

    var remainingIfKnown: Int? { nil }
    private var buffered: Int { buffer.count - position }

    /// Makes at least `count` bytes available in the buffer, unless the source ends first.
    private mutating func fill(_ count: Int) throws(DICOMParseError) {
        guard buffered < count, !sourceEnded else { return }
        buffer.removeFirst(position)
        position = 0
        while buffer.count < count {
            let chunk = try source.read(upTo: max(chunkSize, count - buffer.count))
            if chunk.isEmpty { sourceEnded = true; return }
            buffer += chunk
        }
    }

    mutating func isAtEnd() throws(DICOMParseError) -> Bool {
        try fill(1)
        return buffered == 0
    }

    mutating func peek(_ count: Int) throws(DICOMParseError) -> [UInt8] {
        try fill(count)
        return Array(buffer[position..<position + min(max(count, 0), buffered)])
    }

    mutating func read(_ count: Int) throws(DICOMParseError) -> [UInt8] {
        guard count > 0 else { return [] }
        if count <= chunkSize { try fill(count) }
        let fromBuffer = min(count, buffered)
        var out = Array(buffer[position..<position + fromBuffer])
        position += fromBuffer
        offset += fromBuffer
        while out.count < count, !sourceEnded {
            // A long value: straight from the source, growing only as bytes arrive.
            let chunk = try source.read(upTo: min(count - out.count, chunkSize))
            if chunk.isEmpty { sourceEnded = true; break }
            out += chunk
            offset += chunk.count
        }
        return out
    }

    mutating func skip(_ count: Int) throws(DICOMParseError) -> Int {
        guard count > 0 else { return 0 }
        let fromBuffer = min(count, buffered)
        position += fromBuffer
        var skipped = fromBuffer
        if skipped < count, !sourceEnded {
            let n = try source.skip(count - skipped)
            if n < count - skipped { sourceEnded = true }
            skipped += n
        }
        offset += skipped
        return skipped
    }

    /// The bytes read from the source but not yet consumed, and the source:
    /// what continues the stream (to inflate a deflated data set).
    mutating func detach() -> (buffered: [UInt8], source: any DICOMByteSource) {
        defer { (buffer, position) = ([], 0) }
        return (Array(buffer[position...]), source)
    }
}

/// The inflated bytes of a deflated data set (PS3.5 §A.5) read from `source`
/// (after `prefix`, bytes already read from it). A class: it owns zlib's state.
final class InflatingByteSource: DICOMByteSource {
    private var source: any DICOMByteSource
    private let inflater: Inflater
    private var input: [UInt8]
    private var position = 0
    private var sourceEnded = false
    private let chunkSize: Int

    init(prefix: [UInt8], source: any DICOMByteSource, chunkSize: Int) throws(DICOMParseError) {
        (self.input, self.source, self.chunkSize) = (prefix, source, max(chunkSize, 16))
        inflater = try Inflater()
    }

    func read(upTo maxCount: Int) throws(DICOMParseError) -> [UInt8] {
        var out: [UInt8] = []
        guard maxCount > 0 else { return out }
        while true {
            try inflater.inflate(input, position: &position, into: &out, capacity: maxCount, offset: 0)
            if !out.isEmpty || inflater.isFinished { return out }
            if position == input.count {
                if sourceEnded { throw DICOMParseError(.inflate("deflate stream ends early"), offset: 0) }
                (input, position) = (try source.read(upTo: chunkSize), 0)
                if input.isEmpty { sourceEnded = true }
            }
        }
    }
}
