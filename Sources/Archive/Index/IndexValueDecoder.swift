import DICOM

/// Turns a raw attribute value into the index's text form: UTF-8, padding and
/// insignificant spaces removed (PS3.5 §6.2), binary numbers (US, SS, UL, SL, FL,
/// FD) as decimal strings, several values joined by `\` (PS3.5 §6.4).
///
/// `decodeText` decodes values of the VRs that use the Specific Character Set
/// (PS3.5 §6.1.2.3: SH, LO, ST, LT, UC, UT, PN) when they are not plain ASCII. The
/// default knows ISO_IR 192 (UTF-8) and reads every other repertoire as ISO 8859-1,
/// which keeps each byte (a later decoder may be plugged in: the journal holds what
/// the decoder produced, so records added before keep that form).
package struct IndexValueDecoder: Sendable {
    package var decodeText: @Sendable (_ value: [UInt8], _ vr: VR, _ specificCharacterSet: String) -> String

    package init(decodeText: @escaping @Sendable (_ value: [UInt8], _ vr: VR, _ specificCharacterSet: String) -> String) {
        self.decodeText = decodeText
    }

    package static let standard = IndexValueDecoder { value, _, specificCharacterSet in
        let terms = specificCharacterSet.split(separator: "\\", omittingEmptySubsequences: false)
        let first = terms.first.map { $0.trimmingSpaces } ?? ""
        if first == "ISO_IR 192" { return String(decoding: value, as: UTF8.self) }
        return String(String.UnicodeScalarView(value.map { Unicode.Scalar($0) }))
    }

    /// The index's text for `value` of `tag`, or "" for a VR the index does not keep.
    package func text(of value: [UInt8], tag: Tag, specificCharacterSet: String) -> String {
        text(of: value, vr: IndexedAttributes.vr(of: tag), specificCharacterSet: specificCharacterSet)
    }

    package func text(of value: [UInt8], vr: VR, specificCharacterSet: String) -> String {
        switch vr {
        case .US, .SS, .UL, .SL, .FL, .FD: return Self.binaryNumbers(value, vr: vr)
        default: break
        }
        guard vr.isString else { return "" }
        var end = value.count
        while end > 0, value[end - 1] == 0x20 || value[end - 1] == 0x00 { end -= 1 }
        var start = 0
        let keepsLeadingSpaces = vr == .LT || vr == .ST || vr == .UT || vr == .UC
        if !keepsLeadingSpaces { while start < end, value[start] == 0x20 { start += 1 } }
        let trimmed = Array(value[start..<end])
        let isASCII = trimmed.allSatisfy { $0 < 0x80 && $0 != 0x1B }
        if isASCII || !vr.usesSpecificCharacterSet { return String(decoding: trimmed, as: UTF8.self) }
        return decodeText(trimmed, vr, specificCharacterSet)
    }

    /// Little-endian binary values as decimal text (PS3.5 §6.2: US, SS, UL, SL, FL, FD).
    static func binaryNumbers(_ value: [UInt8], vr: VR) -> String {
        let size = vr.byteSwapUnit == 2 ? 2 : (vr == .FD ? 8 : 4)
        var texts: [String] = []
        var offset = 0
        while offset + size <= value.count {
            var raw: UInt64 = 0
            for k in 0..<size { raw |= UInt64(value[offset + k]) << (8 * k) }
            switch vr {
            case .US: texts.append(String(UInt16(truncatingIfNeeded: raw)))
            case .SS: texts.append(String(Int16(truncatingIfNeeded: raw)))
            case .UL: texts.append(String(UInt32(truncatingIfNeeded: raw)))
            case .SL: texts.append(String(Int32(truncatingIfNeeded: raw)))
            case .FL: texts.append(String(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
            default: texts.append(String(Double(bitPattern: raw)))
            }
            offset += size
        }
        return texts.joined(separator: "\\")
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
