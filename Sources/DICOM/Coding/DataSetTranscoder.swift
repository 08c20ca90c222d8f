/// Re-encodes a data set from one uncompressed transfer syntax to another while it
/// is read — Implicit VR Little Endian, Explicit VR Little or Big Endian, Deflated
/// Explicit VR Little Endian (PS3.5 §A.1–§A.5) — for sending a stored file to a
/// peer that accepted another syntax than the file's. Memory stays at a chunk or
/// two whatever the object: top-level elements are taken one by one, a long value
/// (pixel data) is copied through in chunks, byte-swapped by its VR's unit when the
/// byte order changes (PS3.5 §7.3); sequences are decoded and re-encoded whole.
///
/// What changes besides the layout: VRs of an implicit source come from the data
/// dictionary (`UN` for unknown tags; Pixel Data is `OB` when Bits Allocated is at
/// most 8, `OW` otherwise, PS3.5 §A.2); a value too long for a 16-bit explicit
/// length becomes `OW` or `UN` (as DCMTK does); group lengths (gggg,0000) are left
/// out, as their values would be wrong (they are retired, PS3.5 §7.2).
package struct DataSetTranscoder {
    /// Values longer than this are copied through in chunks of this size.
    package static let chunkSize = 1 << 16

    private var parser: DataSetParser<StreamInput>
    private let from: ElementEncoding
    private let to: ElementEncoding
    private var output: TranscoderOutput
    private var context = ImplicitVRContext()
    private var bitsAllocated: UInt16?
    /// A long value being copied: its tag, header offset, bytes left and swap unit.
    private var longValue: (tag: Tag, offset: Int, remaining: Int, swapUnit: Int)?
    private var isFinished = false

    /// Whether a data set can be converted from `source` to `destination`: both
    /// native or deflated (no encapsulated or referenced pixel data).
    package static func canConvert(from source: TransferSyntax, to destination: TransferSyntax) -> Bool {
        source.hasNativePixelData && destination.hasNativePixelData
    }

    /// - Parameter source: the data set's bytes in `from`, from its first byte (after a file's meta information).
    package init(source: any DICOMByteSource, from: TransferSyntax, to: TransferSyntax) throws {
        guard Self.canConvert(from: from, to: to) else {
            throw DICOMEncodeError(tag: Tag(0, 0), reason: "cannot convert \(from.name) to \(to.name)")
        }
        var input = StreamInput(source: source, chunkSize: Self.chunkSize)
        if from.isDeflated {
            let (buffered, rest) = input.detach()
            input = StreamInput(source: try InflatingByteSource(prefix: buffered, source: rest, chunkSize: Self.chunkSize),
                                chunkSize: Self.chunkSize)
        }
        parser = DataSetParser(input: input)
        (self.from, self.to) = (ElementEncoding(from), ElementEncoding(to))
        output = TranscoderOutput(deflater: to.isDeflated ? try Deflater() : nil)
    }

    /// The next piece of the converted data set (about `chunkSize` bytes); nil at the
    /// end. Throws `DICOMParseError` for a source that does not decode, `DICOMEncodeError`.
    package mutating func nextChunk() throws -> [UInt8]? {
        while !output.hasChunk, !isFinished { try step() }
        return output.takeChunk()
    }

    /// Converts the whole data set, handing the pieces to `sink`.
    package mutating func run(_ sink: ([UInt8]) throws -> Void) throws {
        while let chunk = try nextChunk() { try sink(chunk) }
    }

    /// One element, one piece of a long value, or the end.
    private mutating func step() throws {
        if let value = longValue {
            var chunk = try parser.bytes(min(value.remaining, Self.chunkSize), tag: value.tag, at: value.offset)
            if from.isBigEndian != to.isBigEndian { swapByteOrder(&chunk, unit: value.swapUnit) }
            try output.append(chunk)
            let remaining = value.remaining - chunk.count
            longValue = remaining > 0 ? (value.tag, value.offset, remaining, value.swapUnit) : nil
            return
        }
        guard let header = try parser.header(from) else {
            try output.finish()
            isFinished = true
            return
        }
        if header.tag.group == 0xFFFE {
            throw DICOMParseError(.misplacedDelimiter(header.tag), tag: header.tag, offset: header.offset)
        }
        if header.tag.isGroupLength, !header.hasUndefinedLength {
            try parser.skip(Int(header.length), tag: header.tag, at: header.offset)
            return
        }
        let vr = header.vr ?? implicitVR(header.tag)
        if header.hasUndefinedLength || vr == .SQ || Int(header.length) <= Self.chunkSize {
            try copyWhole(header, vr: vr)
        } else {
            try startLongValue(header, vr: vr)
        }
    }

    /// The VR of `tag` in an implicit VR source.
    private func implicitVR(_ tag: Tag) -> VR {
        if tag == .pixelData, let bitsAllocated { return bitsAllocated <= 8 ? .OB : .OW }
        return context.vr(for: tag)
    }

    /// A short value or a sequence: decoded, then encoded in the destination syntax.
    private mutating func copyWhole(_ header: ElementHeader, vr: VR) throws {
        var element = try parser.element(header, from, depth: 0, context: context)
        if header.vr == nil, element.vr != .UN, element.vr != vr, case .bytes = element.value { element.vr = vr }
        context.note(element)
        if element.tag == Self.bitsAllocatedTag, case .bytes(let b) = element.value, b.count >= 2 {
            bitsAllocated = UInt16(b[0]) | UInt16(b[1]) << 8   // held little-endian
        }
        var writer = DataSetWriter(options: DataSetEncodingOptions(groupLengths: .removed))
        try writer.write(element, to)
        try output.append(writer.output)
    }

    /// A long value of defined length: its header now, the value in pieces by `step`.
    private mutating func startLongValue(_ header: ElementHeader, vr: VR) throws {
        let length = Int(header.length)
        if header.vr != nil, length % valueSize(of: vr) != 0 {
            throw DICOMParseError(.invalidLength(vr: vr, length: header.length), tag: header.tag, offset: header.offset)
        }
        // As the parser: a length that does not fit the dictionary's VR in implicit VR makes the value UN.
        let storedVR = length % valueSize(of: vr) != 0 ? VR.UN : vr
        var writtenVR = storedVR
        if to.isExplicitVR, !writtenVR.hasLongExplicitLength, length > 0xFFFF {
            writtenVR = DataDictionary.entry(for: header.tag)?.vrs.contains(.OW) == true ? .OW : .UN
        }
        var writer = DataSetWriter(options: DataSetEncodingOptions())
        writer.writeHeader(header.tag, writtenVR, length: header.length, to)
        try output.append(writer.output)
        longValue = (header.tag, header.offset, length, storedVR.byteSwapUnit)
    }

    private static let bitsAllocatedTag = Tag(0x0028, 0x0100)
}

/// Collects the converted bytes into pieces of about `chunkSize`, deflated when asked.
private struct TranscoderOutput {
    let deflater: Deflater?
    var buffer: [UInt8] = []
    var chunks: [[UInt8]] = []

    init(deflater: Deflater?) { self.deflater = deflater }

    var hasChunk: Bool { !chunks.isEmpty }

    mutating func takeChunk() -> [UInt8]? { chunks.isEmpty ? nil : chunks.removeFirst() }

    mutating func append(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= DataSetTranscoder.chunkSize { try flush(finish: false) }
    }

    mutating func finish() throws { try flush(finish: true) }

    private mutating func flush(finish: Bool) throws {
        var out = buffer
        buffer.removeAll(keepingCapacity: true)
        if let deflater { out = try deflater.deflate(out, finish: finish) }
        if !out.isEmpty { chunks.append(out) }
    }
}

extension TransferSyntax {
    /// Pixel data, if any, is native (neither encapsulated nor referenced): the syntax
    /// is one of those `DataSetTranscoder` converts between (deflate included).
    package var hasNativePixelData: Bool { !isEncapsulated && !isPixelDataReferenced }
}
