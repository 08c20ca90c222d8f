import DICOM

/// A small, self-contained codec for DIMSE command sets: group 0000 only,
/// always Implicit VR Little Endian (PS3.7 §6.3.1, §9.3), with the Command
/// Group Length computed on encoding. The general codec in `DICOM/Coding` may
/// replace it once it lands.
package enum CommandSetCoding {
    /// The largest command set accepted; real ones are a few hundred bytes.
    package static let maximumLength = 64 * 1024

    /// Encodes `commandSet` with a fresh (0000,0000) Command Group Length first.
    package static func encode(_ commandSet: DataSet) -> [UInt8] {
        var body: [UInt8] = []
        for element in commandSet.elements where element.tag != .commandGroupLength {
            let value = paddedValue(element)
            body.appendLE(element.tag.group)
            body.appendLE(element.tag.element)
            body.appendLE(UInt32(value.count))
            body.append(contentsOf: value)
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 12)
        out.appendLE(UInt16(0x0000))
        out.appendLE(UInt16(0x0000))
        out.appendLE(UInt32(4))
        out.appendLE(UInt32(body.count))
        out.append(contentsOf: body)
        return out
    }

    /// Decodes a command set. Every element must be in group 0000 with a
    /// defined length that fits; VRs come from PS3.7 Table E.1-1.
    package static func decode(_ bytes: [UInt8]) throws(MalformedData) -> DataSet {
        guard bytes.count <= maximumLength else {
            throw MalformedData(field: "Command Set", offset: 0, reason: "\(bytes.count) bytes exceed \(maximumLength)")
        }
        var reader = ByteReader(bytes)
        var dataSet = DataSet()
        while !reader.isAtEnd {
            let at = reader.offset
            let group = try reader.uint16LE("Command element group")
            let element = try reader.uint16LE("Command element number")
            let tag = Tag(group, element)
            guard group == 0x0000 else {
                throw MalformedData(field: "\(tag)", offset: at, reason: "command sets hold group 0000 only")
            }
            let length = try reader.uint32LE("\(tag) value length")
            guard length != 0xFFFF_FFFF else {
                throw MalformedData(field: "\(tag)", offset: at + 4, reason: "undefined length in a command set")
            }
            let value = try reader.read(Int(length), "\(tag) value")
            dataSet.append(DataElement(tag: tag, vr: CommandDictionary.vr(for: tag), bytes: Array(value)))
        }
        return dataSet
    }

    private static func paddedValue(_ element: DataElement) -> [UInt8] {
        var value = element.bytes
        if value.count % 2 == 1 { value.append(element.vr.paddingByte) }
        return value
    }
}
