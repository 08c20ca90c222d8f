import DICOM

extension IndexValueDecoder {
    /// Decodes text values with the instance's Specific Character Set
    /// (PS3.5 §6.1: ISO 8859 parts, ISO 2022 code extensions, UTF-8, GB18030…,
    /// through `SpecificCharacterSet`); a byte the set does not define becomes
    /// U+FFFD. A value whose (0008,0005) names no known set falls back to
    /// `standard` (UTF-8 for ISO_IR 192, else each byte as ISO 8859-1), so no
    /// byte is lost. What the storage path uses.
    package static let specificCharacterSet = IndexValueDecoder { value, vr, specificCharacterSet in
        guard let characterSet = try? SpecificCharacterSet(specificCharacterSet) else {
            return standard.decodeText(value, vr, specificCharacterSet)
        }
        return characterSet.decodeLossy(value, vr: vr)
    }
}
