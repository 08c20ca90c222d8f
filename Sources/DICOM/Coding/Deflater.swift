import CZlib

/// Raw deflate (RFC 1951, no zlib header) of a data set being written, a piece at
/// a time (PS3.5 §A.5): what a Deflated Explicit VR Little Endian data set sent
/// from a file becomes, without holding the whole of it. A class: it owns zlib's
/// stream state, which must stay at one address.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var isFinished = false

    init(level: Int32 = Z_DEFAULT_COMPRESSION) throws(DICOMEncodeError) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = deflateInit2_(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw DICOMEncodeError(tag: Tag(0, 0), reason: "zlib deflateInit2 failed (\(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// The compressed bytes `input` gives (possibly none yet); with `finish`, the
    /// rest of the stream — nothing may follow.
    func deflate(_ input: [UInt8], finish: Bool) throws(DICOMEncodeError) -> [UInt8] {
        guard !isFinished else { return [] }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        input.withUnsafeBufferPointer { inBuf in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.pointee.avail_in = UInt32(inBuf.count)   // chunks are far below 4 GiB
            while true {
                let produced = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.pointee.next_out = outBuf.baseAddress
                    stream.pointee.avail_out = UInt32(outBuf.count)
                    status = CZlib.deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                    return outBuf.count - Int(stream.pointee.avail_out)
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END || status < 0 && status != Z_BUF_ERROR { break }
                // Done with this input once zlib leaves output space unused.
                if stream.pointee.avail_in == 0, produced < chunk.count, !finish { break }
                if status == Z_BUF_ERROR, produced == 0 { break }
            }
            stream.pointee.next_in = nil
        }
        if status == Z_STREAM_END { isFinished = true }
        if status < 0, status != Z_BUF_ERROR {
            throw DICOMEncodeError(tag: Tag(0, 0), reason: "zlib deflate failed (\(status))")
        }
        if finish, !isFinished { throw DICOMEncodeError(tag: Tag(0, 0), reason: "zlib deflate did not finish") }
        return output
    }
}
