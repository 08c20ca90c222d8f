import DICOM

/// Converts the values of a response that Specific Character Set governs (SH,
/// LO, ST, LT, UC, UT, PN: PS3.5 §6.1.2.3), in sequences too, from one
/// character set to another. All or nothing: when one value cannot be
/// converted, none is (dcmqrscp converts element by element and leaves the
/// ones before the failing element converted, labelled with the old character
/// set — measured: a UTF-8 record with StudyDescription `Größe` and a Cyrillic
/// PatientName, asked for in Latin-1, came back with `Größe` in Latin-1 bytes
/// under `ISO_IR 192`).
struct ResponseTextConversion {
    var source: SpecificCharacterSet
    var destination: SpecificCharacterSet
    var transliterates: Bool
    var discardsIllegalCharacters: Bool

    func convert(_ elements: [DataElement]) throws(CharacterSetError) -> [DataElement] {
        var converted: [DataElement] = []
        converted.reserveCapacity(elements.count)
        for element in elements {
            converted.append(try convert(element))
        }
        return converted
    }

    private func convert(_ element: DataElement) throws(CharacterSetError) -> DataElement {
        switch element.value {
        case .bytes(let bytes) where element.vr.usesSpecificCharacterSet:
            let text = try source.decode(CharacterSetPolicySupport.unpadded(bytes), vr: element.vr)
            let encoded = try encode(text, vr: element.vr)
            return DataElement(tag: element.tag, vr: element.vr, bytes: CharacterSetPolicySupport.padded(encoded))
        case .sequence(let sequence):
            var items: [SequenceItem] = []
            for item in sequence.items {
                let elements = try convert(item.dataSet.elements)
                items.append(SequenceItem(dataSet: DataSet(elements), hasUndefinedLength: item.hasUndefinedLength))
            }
            let converted = ItemSequence(items: items, hasUndefinedLength: sequence.hasUndefinedLength)
            return DataElement(tag: element.tag, vr: element.vr, value: .sequence(converted))
        default:
            return element
        }
    }

    /// The text in the destination set; with `transliterates` or
    /// `discardsIllegalCharacters`, characters it cannot represent are
    /// approximated (else `?`) or left out, like iconv's `//TRANSLIT` and `//IGNORE`.
    private func encode(_ text: String, vr: VR) throws(CharacterSetError) -> [UInt8] {
        do {
            return try destination.encode(text, vr: vr)
        } catch {
            guard transliterates || discardsIllegalCharacters else { throw error }
        }
        var adapted = ""
        for character in text {
            let single = String(character)
            if destination.canEncode(single) {
                adapted += single
            } else if transliterates, let similar = Transliteration.approximation(of: character),
                      destination.canEncode(similar) {
                adapted += similar
            } else if discardsIllegalCharacters {
                continue
            } else {
                adapted += "?"
            }
        }
        return try destination.encode(adapted, vr: vr)
    }
}
