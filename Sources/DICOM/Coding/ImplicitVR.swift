/// What an Implicit VR decoder knows while reading a data set, to settle the
/// VRs PS3.6 gives as alternatives ("US or SS", "OB or OW", "US or OW").
struct ImplicitVRContext {
    /// Pixel Representation (0028,0103) of this data set or the nearest
    /// enclosing one that has it: 1 makes "US or SS" elements SS.
    var pixelRepresentation: UInt16?
    /// The first value of LUT Descriptor (0028,3002) in this data set.
    var lutDescriptorEntries: UInt16?

    static let pixelRepresentationTag = Tag(0x0028, 0x0103)
    static let lutDescriptorTag = Tag(0x0028, 0x3002)
    static let lutDataTag = Tag(0x0028, 0x3006)

    /// The context a nested item starts with: Pixel Representation is inherited.
    var forItem: ImplicitVRContext { ImplicitVRContext(pixelRepresentation: pixelRepresentation) }

    mutating func note(_ element: DataElement) {
        guard case .bytes(let b) = element.value, b.count >= 2 else { return }
        let first = UInt16(b[0]) | UInt16(b[1]) << 8
        if element.tag == Self.pixelRepresentationTag { pixelRepresentation = first }
        if element.tag == Self.lutDescriptorTag { lutDescriptorEntries = first }
    }

    /// The VR of `tag` in Implicit VR Little Endian: the data dictionary's, UN
    /// for tags it does not know (PS3.5 §6.2.2), and where PS3.6 allows more
    /// than one VR:
    /// - "OB or OW" (Pixel Data, Overlay Data, Waveform Data…): OW (PS3.5 §A.1, §8.1.2, §8.2);
    /// - "US or SS": SS when Pixel Representation is 1, US otherwise (PS3.3 §C.7.6.3.1);
    /// - "US or OW" (LUT Data): US when the LUT Descriptor gives one entry, OW otherwise (PS3.3 §C.11.1.1.1).
    func vr(for tag: Tag) -> VR {
        guard let entry = DataDictionary.entry(for: tag) else { return .UN }
        let choices = entry.vrs
        guard choices.count > 1 else { return entry.vr }
        if choices.contains(.OB), choices.contains(.OW) { return .OW }
        if choices.contains(.SS) { return pixelRepresentation == 1 ? .SS : .US }
        if tag == Self.lutDataTag { return lutDescriptorEntries == 1 ? .US : .OW }
        return entry.vr
    }
}
