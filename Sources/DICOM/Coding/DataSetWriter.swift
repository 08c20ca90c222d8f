/// What to do with group length elements (gggg,0000) when encoding (PS3.5 §7.2).
package enum GroupLengthEncoding: Sendable {
    /// Written with the value they hold (a byte-identical round trip).
    case asRead
    /// Written with the length the group has in the new encoding.
    case recalculated
    /// Left out (they are retired outside groups 0000 and 0002).
    case removed
}

/// Options for `DataSet.encoded(transferSyntax:options:)`.
package struct DataSetEncodingOptions: Sendable {
    package var groupLengths: GroupLengthEncoding
    package init(groupLengths: GroupLengthEncoding = .asRead) { self.groupLengths = groupLengths }
}

/// Encodes data sets (PS3.5 §7): values are held little-endian and swapped
/// for big endian; sequences and items keep their defined or undefined length;
/// encapsulated pixel data is written as items of opaque fragments (§A.4).
struct DataSetWriter {
    var output: [UInt8] = []
    let options: DataSetEncodingOptions

    init(options: DataSetEncodingOptions) { self.options = options }

    mutating func write(_ dataSet: DataSet, _ encoding: ElementEncoding) throws(DICOMEncodeError) {
        // Where the value of a group length to recalculate sits, and its group.
        var pending: (group: UInt16, valueAt: Int, encoding: ElementEncoding)?
        for element in dataSet.elements {
            if let p = pending, p.group != element.tag.group { patchGroupLength(p.valueAt, p.encoding); pending = nil }
            if element.tag.isGroupLength, element.tag.group != 0xFFFE {
                switch options.groupLengths {
                case .asRead: break
                case .removed: continue
                case .recalculated:
                    writeHeader(element.tag, .UL, length: 4, encoding)
                    pending = (element.tag.group, output.count, encoding)
                    output.append(contentsOf: [0, 0, 0, 0])
                    continue
                }
            }
            try write(element, encoding)
        }
        if let p = pending { patchGroupLength(p.valueAt, p.encoding) }
    }

    private mutating func patchGroupLength(_ valueAt: Int, _ encoding: ElementEncoding) {
        var b: [UInt8] = []
        encoding.append(UInt32(truncatingIfNeeded: output.count - valueAt - 4), to: &b)
        output.replaceSubrange(valueAt..<valueAt + 4, with: b)
    }

    mutating func write(_ element: DataElement, _ encoding: ElementEncoding) throws(DICOMEncodeError) {
        let tag = element.tag
        switch element.value {
        case .bytes(var value):
            guard value.count < Int(ElementHeader.undefinedLength) else {
                throw DICOMEncodeError(tag: tag, reason: "value of \(value.count) bytes exceeds a 32-bit length")
            }
            var vr = element.vr
            if encoding.isExplicitVR, !vr.hasLongExplicitLength, value.count > 0xFFFF {
                // A 16-bit length cannot hold it: OW where the dictionary allows it, UN otherwise (as DCMTK does).
                vr = DataDictionary.entry(for: tag)?.vrs.contains(.OW) == true ? .OW : .UN
            }
            if encoding.isBigEndian { swapByteOrder(&value, unit: element.vr.byteSwapUnit) }
            writeHeader(tag, vr, length: UInt32(value.count), encoding)
            output.append(contentsOf: value)

        case .sequence(var sequence):
            // UN holding a sequence: its items are Implicit VR Little Endian (PS3.5 §6.2.2). In big
            // endian, where that switch of byte order trips readers (pydicom), it is written as what
            // it is, SQ, as DCMTK does.
            let vr: VR = element.vr == .UN && !encoding.isBigEndian ? .UN : .SQ
            if !encoding.isExplicitVR, vr == .SQ, DataDictionary.vr(for: tag) != .SQ {
                // In implicit VR a reader that does not know this tag cannot tell a sequence of
                // undefined length from a value (CP-246): write it, and its items, with defined lengths.
                sequence.hasUndefinedLength = false
                for i in sequence.items.indices { sequence.items[i].hasUndefinedLength = false }
            }
            let itemEncoding = vr == .UN ? ElementEncoding.implicitVRLittleEndian : encoding
            if sequence.hasUndefinedLength {
                writeHeader(tag, vr, length: ElementHeader.undefinedLength, encoding)
                try writeItems(sequence, itemEncoding)
                writeHeader(.sequenceDelimitationItem, nil, length: 0, itemEncoding)
            } else {
                var inner = DataSetWriter(options: options)
                try inner.writeItems(sequence, itemEncoding)
                try writeDefinedLength(tag, vr, inner.output, encoding)
            }

        case .encapsulated(let pixels):
            writeHeader(tag, element.vr.hasLongExplicitLength ? element.vr : .OB, length: ElementHeader.undefinedLength, encoding)
            for fragment in [pixels.basicOffsetTable] + pixels.fragments {
                guard fragment.count < Int(ElementHeader.undefinedLength) else {
                    throw DICOMEncodeError(tag: tag, reason: "fragment of \(fragment.count) bytes exceeds a 32-bit length")
                }
                writeHeader(.item, nil, length: UInt32(fragment.count), encoding)
                output.append(contentsOf: fragment)
            }
            writeHeader(.sequenceDelimitationItem, nil, length: 0, encoding)
        }
    }

    private mutating func writeItems(_ sequence: ItemSequence, _ encoding: ElementEncoding) throws(DICOMEncodeError) {
        for item in sequence.items {
            if item.hasUndefinedLength {
                writeHeader(.item, nil, length: ElementHeader.undefinedLength, encoding)
                try write(item.dataSet, encoding)
                writeHeader(.itemDelimitationItem, nil, length: 0, encoding)
            } else {
                var inner = DataSetWriter(options: options)
                try inner.write(item.dataSet, encoding)
                try writeDefinedLength(.item, nil, inner.output, encoding)
            }
        }
    }

    private mutating func writeDefinedLength(_ tag: Tag, _ vr: VR?, _ value: [UInt8],
                                             _ encoding: ElementEncoding) throws(DICOMEncodeError) {
        guard value.count < Int(ElementHeader.undefinedLength) else {
            throw DICOMEncodeError(tag: tag, reason: "\(value.count) bytes exceed a 32-bit length")
        }
        writeHeader(tag, vr, length: UInt32(value.count), encoding)
        output.append(contentsOf: value)
    }

    /// A header (PS3.5 §7.1.2, §7.1.3); items and delimiters (`vr` nil) have none but tag and length.
    mutating func writeHeader(_ tag: Tag, _ vr: VR?, length: UInt32, _ encoding: ElementEncoding) {
        encoding.append(tag, to: &output)
        if let vr, encoding.isExplicitVR, tag.group != 0xFFFE {
            let (a, b) = vr.bytes
            output.append(a)
            output.append(b)
            if vr.hasLongExplicitLength {
                output.append(contentsOf: [0, 0])
                encoding.append(length, to: &output)
            } else {
                encoding.append(UInt16(truncatingIfNeeded: length), to: &output)
            }
        } else {
            encoding.append(length, to: &output)
        }
    }
}
