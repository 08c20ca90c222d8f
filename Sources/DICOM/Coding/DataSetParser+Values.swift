extension DataSetParser {
    /// The value of the element whose header was just read: bytes (in little-
    /// endian order), a sequence of items, or encapsulated pixel data.
    mutating func element(_ header: ElementHeader, _ encoding: ElementEncoding, depth: Int,
                          context: ImplicitVRContext) throws(DICOMParseError) -> DataElement {
        let tag = header.tag
        let vr = header.vr ?? context.vr(for: tag)
        if header.hasUndefinedLength {
            if tag == .pixelData || vr == .OB || vr == .OW {
                let pixels = try encapsulated(tag, encoding) ?? EncapsulatedPixelData(basicOffsetTable: [], fragments: [])
                return DataElement(tag: tag, vr: vr, value: .encapsulated(pixels))
            }
            switch vr {
            case .SQ:
                let items = try sequence(tag, encoding, undefinedLength: true, depth: depth, context: context)
                return DataElement(tag: tag, vr: .SQ, value: .sequence(items))
            case .UN:
                // UN of undefined length holds a sequence in Implicit VR Little Endian (PS3.5 §6.2.2).
                let items = try sequence(tag, .implicitVRLittleEndian, undefinedLength: true, depth: depth, context: context)
                return DataElement(tag: tag, vr: .UN, value: .sequence(items))
            default:
                throw DICOMParseError(.undefinedLengthNotAllowed(vr: vr), tag: tag, offset: header.offset)
            }
        }
        try checkLength(header.length, tag: tag, at: header.offset)
        if vr == .SQ {
            let items = try within(header.length) { (p: inout Self) throws(DICOMParseError) in
                try p.sequence(tag, encoding, undefinedLength: false, depth: depth, context: context)
            }
            return DataElement(tag: tag, vr: .SQ, value: .sequence(items))
        }
        var storedVR = vr
        if Int(header.length) % valueSize(of: vr) != 0 {
            guard header.vr == nil else {
                throw DICOMParseError(.invalidLength(vr: vr, length: header.length), tag: tag, offset: header.offset)
            }
            storedVR = .UN   // implicit VR: the dictionary's VR does not fit these bytes; keep them as they are
        }
        var value = try bytes(Int(header.length), tag: tag, at: header.offset)
        if encoding.isBigEndian { swapByteOrder(&value, unit: storedVR.byteSwapUnit) }
        return DataElement(tag: tag, vr: storedVR, value: .bytes(value))
    }

    /// The items of a sequence whose header was just read (PS3.5 §7.5).
    mutating func sequence(_ tag: Tag, _ encoding: ElementEncoding, undefinedLength: Bool, depth: Int,
                           context: ImplicitVRContext) throws(DICOMParseError) -> ItemSequence {
        var items: [SequenceItem] = []
        while true {
            let start = input.offset
            guard let header = try itemHeader(encoding, sequence: tag, undefinedLength: undefinedLength) else { break }
            if header.tag == .sequenceDelimitationItem {
                guard undefinedLength else {
                    throw DICOMParseError(.misplacedDelimiter(header.tag), tag: tag, offset: start)
                }
                break
            }
            guard header.tag == .item else { throw DICOMParseError(.itemExpected(found: header.tag), tag: tag, offset: start) }
            guard depth < Self.maximumNestingDepth else {
                throw DICOMParseError(.nestingTooDeep(limit: Self.maximumNestingDepth), tag: tag, offset: start)
            }
            if header.hasUndefinedLength {
                let dataSet = try dataSet(encoding, end: .itemDelimiter, depth: depth + 1, context: context.forItem, enclosingTag: tag)
                items.append(SequenceItem(dataSet: dataSet, hasUndefinedLength: true))
            } else {
                try checkLength(header.length, tag: tag, at: start)
                let dataSet = try within(header.length) { (p: inout Self) throws(DICOMParseError) in
                    try p.dataSet(encoding, end: .definedLength, depth: depth + 1, context: context.forItem, enclosingTag: tag)
                }
                items.append(SequenceItem(dataSet: dataSet, hasUndefinedLength: false))
            }
        }
        return ItemSequence(items: items, hasUndefinedLength: undefinedLength)
    }

    /// The next item or delimiter header inside a sequence or encapsulated
    /// pixel data; nil at the end of a defined-length value.
    mutating func itemHeader(_ encoding: ElementEncoding, sequence tag: Tag,
                             undefinedLength: Bool) throws(DICOMParseError) -> ElementHeader? {
        let start = input.offset
        if try isAtEnd() {
            guard undefinedLength else { return nil }
            throw DICOMParseError(.truncated(needed: 8), tag: tag, offset: start)
        }
        let b = try bytes(8, tag: tag, at: start)
        return ElementHeader(tag: encoding.tag(b), vr: nil, length: encoding.uint32(b, 4), offset: start)
    }

    /// Encapsulated pixel data (PS3.5 §A.4): the Basic Offset Table item, then
    /// one item per fragment, up to the Sequence Delimitation Item. Once the
    /// items add up to more than `keepingAtMost` bytes, the rest are skipped,
    /// not read, and the result is nil; with no maximum all are read.
    mutating func encapsulated(_ tag: Tag, _ encoding: ElementEncoding,
                               keepingAtMost maximum: Int? = nil) throws(DICOMParseError) -> EncapsulatedPixelData? {
        var items: [[UInt8]] = []
        var kept = 0, dropped = false
        while true {
            let start = input.offset
            guard let header = try itemHeader(encoding, sequence: tag, undefinedLength: true) else { break }
            if header.tag == .sequenceDelimitationItem { break }
            guard header.tag == .item else { throw DICOMParseError(.itemExpected(found: header.tag), tag: tag, offset: start) }
            guard !header.hasUndefinedLength else {
                throw DICOMParseError(.undefinedLengthNotAllowed(vr: .OB), tag: tag, offset: start)
            }
            try checkLength(header.length, tag: tag, at: start)
            kept += Int(header.length)
            if let maximum, dropped || kept > maximum {
                dropped = true
                items = []
                try skip(Int(header.length), tag: tag, at: start)
            } else {
                items.append(try bytes(Int(header.length), tag: tag, at: start))
            }
        }
        if dropped { return nil }
        guard let first = items.first else { return EncapsulatedPixelData(basicOffsetTable: [], fragments: []) }
        return EncapsulatedPixelData(basicOffsetTable: first, fragments: Array(items.dropFirst()))
    }
}
