/// The 34 value representations of PS3.5 §6.2 (Table 6.2-1).
package enum VR: String, CaseIterable, Sendable, Hashable {
    case AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH
    case SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV

    /// From the two bytes of an explicit VR header; nil when they name no VR.
    package init?(bytes a: UInt8, _ b: UInt8) {
        guard (0x41...0x5A).contains(a), (0x41...0x5A).contains(b),
              let vr = VR(rawValue: String(decoding: [a, b], as: UTF8.self)) else { return nil }
        self = vr
    }

    package var bytes: (UInt8, UInt8) {
        let u = Array(rawValue.utf8)
        return (u[0], u[1])
    }

    /// VRs whose explicit VR header has 2 reserved bytes and a 32-bit length
    /// (PS3.5 §7.1.2, Table 7.1-1).
    package var hasLongExplicitLength: Bool {
        switch self {
        case .OB, .OD, .OF, .OL, .OV, .OW, .SQ, .UC, .UN, .UR, .UT, .SV, .UV: true
        default: false
        }
    }

    /// Character-string VRs, padded with a space (PS3.5 §6.2); UI pads with NUL.
    package var isString: Bool {
        switch self {
        case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UI, .UR, .UT: true
        default: false
        }
    }

    /// Strings whose value is decoded through the Specific Character Set (PS3.5 §6.1.2.3).
    package var usesSpecificCharacterSet: Bool {
        switch self {
        case .LO, .LT, .PN, .SH, .ST, .UC, .UT: true
        default: false
        }
    }

    /// The byte used to pad a value to even length.
    package var paddingByte: UInt8 { self == .UI ? 0x00 : (isString ? 0x20 : 0x00) }

    /// The size of one binary value, for byte swapping (PS3.5 §7.3); 1 where no swap applies.
    package var byteSwapUnit: Int {
        switch self {
        case .US, .SS, .OW, .AT: 2
        case .UL, .SL, .FL, .OF, .OL: 4
        case .FD, .OD, .SV, .UV, .OV: 8
        default: 1
        }
    }

    /// VRs that may carry an undefined length (PS3.5 §7.1.1–7.1.3): SQ, and
    /// OB/OW/UN for encapsulated pixel data or UN of unknown contents.
    package var mayHaveUndefinedLength: Bool {
        switch self {
        case .SQ, .OB, .OW, .UN: true
        default: false
        }
    }
}
