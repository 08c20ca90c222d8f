import CZlib

/// Raw inflate (RFC 1951, no zlib header) of a Deflated Explicit VR Little
/// Endian data set (PS3.5 §A.5), a piece at a time. A class: it owns zlib's
/// stream state, which must stay at one address.
final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private(set) var isFinished = false

    init() throws(DICOMParseError) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw DICOMParseError(.inflate("inflateInit2 failed (\(status))"), offset: 0)
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Inflates from `input[position...]` into at most `capacity` new bytes
    /// appended to `output`; advances `position` past the input consumed.
    func inflate(_ input: [UInt8], position: inout Int, into output: inout [UInt8], capacity: Int,
                 offset: Int) throws(DICOMParseError) {
        guard !isFinished, capacity > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: min(capacity, 1 << 24))
        var status: Int32 = Z_OK
        var produced = 0
        input.withUnsafeBufferPointer { inBuf in
            chunk.withUnsafeMutableBufferPointer { outBuf in
                let given = min(inBuf.count - position, Int(UInt32.max))
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress.map { $0 + position })
                stream.pointee.avail_in = UInt32(given)
                stream.pointee.next_out = outBuf.baseAddress
                stream.pointee.avail_out = UInt32(outBuf.count)   // at most 16 MiB
                status = CZlib.inflate(stream, Z_NO_FLUSH)
                position += given - Int(stream.pointee.avail_in)
                produced = outBuf.count - Int(stream.pointee.avail_out)
            }
        }
        output.append(contentsOf: chunk[0..<produced])
        switch status {
        case Z_STREAM_END: isFinished = true
        case Z_OK, Z_BUF_ERROR: break
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw DICOMParseError(.inflate(message), offset: offset)
        }
    }

    /// The whole of `bytes` inflated; bytes after the end of the deflate stream are ignored.
    static func inflateAll(_ bytes: [UInt8], offset: Int) throws(DICOMParseError) -> [UInt8] {
        let inflater = try Inflater()
        var output: [UInt8] = [], position = 0
        while !inflater.isFinished {
            let before = (position, output.count)
            try inflater.inflate(bytes, position: &position, into: &output, capacity: 1 << 16, offset: offset)
            if before == (position, output.count) {
                throw DICOMParseError(.inflate("deflate stream ends early"), offset: offset + position)
            }
        }
        return output
    }
}

/// Raw deflate (RFC 1951) of a whole encoded data set, PS3.5 §A.5.
func deflateAll(_ bytes: [UInt8]) throws(DICOMEncodeError) -> [UInt8] {
    var stream = z_stream()
    guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                        zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
        throw DICOMEncodeError(tag: Tag(0, 0), reason: "zlib deflateInit2 failed")
    }
    defer { deflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var status = Z_OK
    bytes.withUnsafeBufferPointer { inBuf in
        var consumed = 0
        while status == Z_OK {
            let take = min(inBuf.count - consumed, 1 << 30)
            let flush = consumed + take == inBuf.count ? Z_FINISH : Z_NO_FLUSH
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress.map { $0 + consumed })
            stream.avail_in = UInt32(take)
            let produced = chunk.withUnsafeMutableBufferPointer { outBuf in
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                status = deflate(&stream, flush)
                return outBuf.count - Int(stream.avail_out)
            }
            consumed += take - Int(stream.avail_in)
            output.append(contentsOf: chunk[0..<produced])
            if status == Z_BUF_ERROR, produced == 0 { break }
            if status == Z_BUF_ERROR { status = Z_OK }
        }
    }
    guard status == Z_STREAM_END else { throw DICOMEncodeError(tag: Tag(0, 0), reason: "zlib deflate failed (\(status))") }
    return output
}

/// Raw deflate and inflate (RFC 1951) as the Deflated Explicit VR Little
/// Endian transfer syntax uses them (PS3.5 §A.5).
package enum Deflate {
    /// `bytes` inflated; bytes after the end of the deflate stream are ignored.
    package static func inflate(_ bytes: [UInt8]) throws(DICOMParseError) -> [UInt8] {
        try Inflater.inflateAll(bytes, offset: 0)
    }

    package static func deflate(_ bytes: [UInt8]) throws(DICOMEncodeError) -> [UInt8] { try deflateAll(bytes) }
}
