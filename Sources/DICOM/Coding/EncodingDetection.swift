/// Recognising how a data set is encoded from its first element, for data
/// that does not say (no File Meta Information, or none naming the transfer
/// syntax) or says wrong — what DCMTK and pydicom do in those cases.
enum EncodingDetection {
    /// The encoding the first element's bytes show, or nil when they fit none:
    /// explicit VR when bytes 4–5 are a VR (PS3.5 §7.1.2), big endian when the
    /// tag read big endian has the smaller group (data sets start at low groups),
    /// Implicit VR Little Endian otherwise.
    static func detect(_ first: [UInt8]) -> ElementEncoding? {
        guard first.count >= 8 else { return nil }
        let littleGroup = UInt16(first[0]) | UInt16(first[1]) << 8
        let bigGroup = UInt16(first[0]) << 8 | UInt16(first[1])
        if VR(bytes: first[4], first[5]) != nil {
            return bigGroup < littleGroup ? .explicitVRBigEndian : .explicitVRLittleEndian
        }
        guard littleGroup != 0xFFFE, littleGroup <= bigGroup else { return nil }
        return .implicitVRLittleEndian
    }

    /// The encoding to read with when a file declares `declared`: the declared
    /// one unless the first element plainly contradicts it (explicit VR declared,
    /// no VR in the bytes; implicit declared, bytes 4–5 spelling the very VR the
    /// dictionary gives that tag), as pydicom does.
    static func check(declared: ElementEncoding, first: [UInt8]) -> ElementEncoding {
        guard first.count >= 8, !declared.isBigEndian else { return declared }
        let tag = ElementEncoding.implicitVRLittleEndian.tag(first)
        let vr = VR(bytes: first[4], first[5])
        if declared.isExplicitVR, vr == nil, detect(first) == .implicitVRLittleEndian { return .implicitVRLittleEndian }
        if !declared.isExplicitVR, let vr, let entry = DataDictionary.entry(for: tag), entry.vrs.contains(vr) {
            return .explicitVRLittleEndian
        }
        return declared
    }
}
