import DICOM

/// A DIMSE-C command of PS3.7 §9.3 as a value: its fields in, a command set out.
/// Whether a data set follows is not part of the value: `commandSet(hasDataSet:)`
/// writes Command Data Set Type (0000,0800) from what is actually sent.
package protocol DIMSECommand: Sendable, Equatable {
    static var commandField: CommandField { get }
    /// Decodes the fields from a command set (its Command Field already checked).
    init(commandSet: DataSet) throws(DIMSEError)
    /// Writes the message's own fields.
    func encodeFields(into commandSet: inout DataSet)
}

/// Command Data Set Type (0000,0800): 0101H means none; DCMTK sends 0001H for present.
package let commandDataSetTypeNone: UInt16 = 0x0101
package let commandDataSetTypePresent: UInt16 = 0x0001

extension DIMSECommand {
    /// The command set to send: Command Field, the message's fields and Command
    /// Data Set Type (the group length is added when encoding).
    package func commandSet(hasDataSet: Bool) -> DataSet {
        var set = DataSet()
        set.setUInt16(.commandField, Self.commandField.rawValue)
        encodeFields(into: &set)
        set.setUInt16(.commandDataSetType, hasDataSet ? commandDataSetTypePresent : commandDataSetTypeNone)
        return set
    }
}

/// Reading command fields, throwing for required ones.
extension DataSet {
    func required(_ tag: Tag, _ command: CommandField) throws(DIMSEError) -> UInt16 {
        guard let value = uint16(tag) else { throw .missingElement(tag, command) }
        return value
    }

    func requiredString(_ tag: Tag, _ command: CommandField) throws(DIMSEError) -> String {
        guard let value = string(tag) else { throw .missingElement(tag, command) }
        return value
    }

    /// A UI or AE value without its padding; also strips leading spaces of an AE.
    func commandString(_ tag: Tag) -> String? {
        string(tag).map { String($0.drop { $0 == " " }) }
    }

    /// Attribute Tag values (AT, PS3.5 §6.2): pairs of little-endian group and element.
    func tags(_ tag: Tag) -> [Tag]? {
        guard let bytes = self[tag]?.bytes else { return nil }
        var tags: [Tag] = []
        var i = 0
        while i + 4 <= bytes.count {
            tags.append(Tag(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8, UInt16(bytes[i + 2]) | UInt16(bytes[i + 3]) << 8))
            i += 4
        }
        return tags
    }

    mutating func setTags(_ tag: Tag, _ tags: [Tag]) {
        var bytes: [UInt8] = []
        for t in tags { bytes.appendLE(t.group); bytes.appendLE(t.element) }
        set(DataElement(tag: tag, vr: .AT, bytes: bytes))
    }

    mutating func setOptionalString(_ tag: Tag, _ vr: VR, _ value: String?) {
        if let value { setString(tag, vr, value) }
    }

    mutating func setOptionalUInt16(_ tag: Tag, _ value: UInt16?) {
        if let value { setUInt16(tag, value) }
    }
}
