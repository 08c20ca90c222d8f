import DICOM

/// Writes the index's text (Unicode) back in the Specific Character Set of the
/// record it came from, so a response starts from what the instance held and the
/// response policy converts it as dcmqrscp converts a stored record (spec §6.6).
///
/// When a value cannot be written in that set (a value of an ancestor record with
/// another character set, or bytes that were not valid in their set), the whole
/// response is written in UTF-8 and labelled `ISO_IR 192` instead: correct text,
/// correctly declared. A set Quarry does not know gets its values back byte for
/// byte (`IndexValueDecoder.specificCharacterSet` reads them so), still labelled
/// with its own term.
struct RecordTextEncoding {
    /// The (0008,0005) value the encoded bytes are in (normalised; "" for ASCII).
    let characterSet: String
    private let set: SpecificCharacterSet?

    init(characterSet: String) {
        self.characterSet = ResponseCharacterSetPolicy.normalized(characterSet)
        set = try? SpecificCharacterSet(self.characterSet)
    }

    static let utf8 = RecordTextEncoding(characterSet: "ISO_IR 192")

    /// The bytes of `text` for a value of `vr`; nil when this set cannot hold it.
    func encode(_ text: String, vr: VR) -> [UInt8]? {
        if let set { return try? set.encode(text, vr: vr) }
        guard text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else { return nil }
        return text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }
}
