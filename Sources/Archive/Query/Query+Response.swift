import DICOM

/// The C-FIND response identifier (spec §6.5).
extension Query {
    /// The identifier of one pending response for a matched entity:
    /// - each supported key of the request, with the entity's value (zero-length when unknown);
    ///   keys of the query level and above come from their level's record; keys of a
    ///   **lower** level get the first instance's value, as in dcmqrscp — except the
    ///   computed ones (counts, Modalities/SOP Classes in Study), which are zero-length
    ///   there (they describe the lower entity, not this one);
    /// - Query/Retrieve Level (0008,0052) with the canonical value;
    /// - Retrieve AE Title (0008,0054) = the called AE title, always;
    /// - Specific Character Set (0008,0005) = `specificCharacterSet` when given (the caller
    ///   decides it from the request, the record and the options, spec §6.6), otherwise absent;
    /// - Instance Availability (0008,0056), when requested, `ONLINE` unless the entity says otherwise.
    ///
    /// Unique keys that were not requested are not added; unsupported keys were dropped
    /// when the query was built.
    /// - Parameter encodeText: encodes values of the VRs affected by the Specific Character
    ///   Set (LO, LT, PN, SH, ST, UC, UT); UTF-8 until the character set module supplies one.
    package func responseIdentifier(for entity: some QueryableEntity, retrieveAETitle: String,
                                    specificCharacterSet: String?,
                                    encodeText: (String) -> [UInt8] = { Array($0.utf8) }) -> DataSet {
        responseIdentifier(for: entity, retrieveAETitle: retrieveAETitle, specificCharacterSet: specificCharacterSet,
                           encodeValue: { text, _ in encodeText(text) })
    }

    /// `responseIdentifier(for:retrieveAETitle:specificCharacterSet:encodeText:)` with the
    /// value's VR given to the encoder (PN and the other VRs differ with ISO 2022 code
    /// extensions, PS3.5 §6.1.2.5.3).
    package func responseIdentifier(for entity: some QueryableEntity, retrieveAETitle: String,
                                    specificCharacterSet: String?,
                                    encodeValue: (String, VR) -> [UInt8]) -> DataSet {
        var identifier = DataSet()
        for requested in requestedKeys {
            let key = requested.key
            if key.tag == .retrieveAETitle || key.tag == .specificCharacterSet { continue }
            if key.vr == .SQ {
                identifier.set(DataElement(tag: key.tag, vr: .SQ, value: .sequence(ItemSequence(items: []))))
                continue
            }
            var value: String
            if let keyLevel = key.level, keyLevel > level, key.isComputed {
                value = ""
            } else {
                value = entity.value(for: key.tag) ?? ""
            }
            if key.tag == .instanceAvailability, value.isEmpty { value = "ONLINE" }
            identifier.set(Self.element(key.tag, key.vr, value, encodeValue))
        }
        identifier.set(Self.element(.queryRetrieveLevel, .CS, level.canonicalValue, encodeValue))
        identifier.set(Self.element(.retrieveAETitle, .AE, retrieveAETitle, encodeValue))
        if let specificCharacterSet, !specificCharacterSet.isEmpty {
            identifier.set(Self.element(.specificCharacterSet, .CS, specificCharacterSet, encodeValue))
        }
        return identifier
    }

    /// `value` encoded for `vr`: text padded to even length with the VR's padding byte
    /// (PS3.5 §6.2), binary numbers from their decimal text (unreadable values left out).
    static func element(_ tag: Tag, _ vr: VR, _ value: String, _ encodeValue: (String, VR) -> [UInt8]) -> DataElement {
        var bytes: [UInt8]
        if vr.usesSpecificCharacterSet {
            bytes = encodeValue(value, vr)
        } else if vr.isString {
            bytes = Array(value.utf8)
        } else {
            bytes = binary(value, vr)
        }
        if bytes.count % 2 == 1 { bytes.append(vr.paddingByte) }
        return DataElement(tag: tag, vr: vr, bytes: bytes)
    }

    private static func binary(_ text: String, _ vr: VR) -> [UInt8] {
        var out: [UInt8] = []
        func append<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        for part in text.split(separator: "\\") {
            let s = QueryValueText.trimmed(part)
            switch vr {
            case .US: if let v = UInt16(s) { append(v) }
            case .SS: if let v = Int16(s) { append(v) }
            case .UL: if let v = UInt32(s) { append(v) }
            case .SL: if let v = Int32(s) { append(v) }
            case .FL: if let v = Float(s) { append(v.bitPattern) }
            case .FD: if let v = Double(s) { append(v.bitPattern) }
            default: break
            }
        }
        return out
    }
}

extension Tag {
    /// Instance Availability (0008,0056).
    package static let instanceAvailability = Tag(0x0008, 0x0056)
}
