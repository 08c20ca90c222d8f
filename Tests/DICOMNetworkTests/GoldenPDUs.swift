/// Golden PDUs written by hand from the tables of PS3.8 §9.3 and PS3.7 Annex D.3.3
/// (PS3.8 2024 edition tables cited per line). Every length byte below was counted from
/// the tables, not produced by the encoder under test.

func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

/// 16-byte AE title field, space padded (PS3.8 Table 9-11).
func aeField(_ s: String) -> [UInt8] { ascii(s) + [UInt8](repeating: 0x20, count: 16 - s.utf8.count) }

enum Golden {
    // MARK: A-ASSOCIATE-RQ (Table 9-11) with every item and sub-item it may carry

    static let applicationContextItem: [UInt8] =
        [0x10, 0x00, 0x00, 0x15] + ascii("1.2.840.10008.3.1.1.1")               // Table 9-12, 21 bytes

    static let presentationContextRQItem: [UInt8] =
        [0x20, 0x00, 0x00, 0x45,                                                 // Table 9-13, length 69
         0x01, 0x00, 0x00, 0x00]                                                 // ID 1, reserved ×3
        + [0x30, 0x00, 0x00, 0x11] + ascii("1.2.840.10008.1.1")                 // Table 9-14 (17)
        + [0x40, 0x00, 0x00, 0x11] + ascii("1.2.840.10008.1.2")                 // Table 9-15 (17)
        + [0x40, 0x00, 0x00, 0x13] + ascii("1.2.840.10008.1.2.1")               // (19)

    static let maximumLengthSubItem: [UInt8] = [0x51, 0x00, 0x00, 0x04, 0x00, 0x00, 0x40, 0x00]  // PS3.8 D.1: 16384
    static let implementationClassUIDSubItem: [UInt8] = [0x52, 0x00, 0x00, 0x09] + ascii("1.2.3.4.5")  // PS3.7 D.3-1
    static let asynchronousOperationsWindowSubItem: [UInt8] =
        [0x53, 0x00, 0x00, 0x04, 0x00, 0x05, 0x00, 0x03]                        // D.3-7: invoked 5, performed 3
    static let roleSelectionSubItem: [UInt8] =
        [0x54, 0x00, 0x00, 0x1D, 0x00, 0x19] + ascii("1.2.840.10008.5.1.4.1.1.2") + [0x01, 0x01]  // D.3-9: 25 + 4
    static let implementationVersionNameSubItem: [UInt8] = [0x55, 0x00, 0x00, 0x0B] + ascii("QUARRY_TEST")  // D.3-3
    static let extendedNegotiationSubItem: [UInt8] =
        [0x56, 0x00, 0x00, 0x20, 0x00, 0x1B] + ascii("1.2.840.10008.5.1.4.1.2.2.1") + [0x01, 0x01, 0x01]  // D.3-11
    static let commonExtendedNegotiationSubItem: [UInt8] =
        [0x57, 0x00, 0x00, 0x4D,                                                 // D.3-12, length 77
         0x00, 0x19] + ascii("1.2.840.10008.5.1.4.1.1.2")                        // SOP class (25)
        + [0x00, 0x11] + ascii("1.2.840.10008.4.2")                              // service class (17)
        + [0x00, 0x1D, 0x00, 0x1B] + ascii("1.2.840.10008.5.1.4.1.1.2.1")        // related: 29 = 2 + 27
    static let userIdentityRQSubItem: [UInt8] =
        [0x58, 0x00, 0x00, 0x0E, 0x02, 0x01, 0x00, 0x04] + ascii("user") + [0x00, 0x04] + ascii("pass")  // D.3-14

    static let userInformationRQItem: [UInt8] =
        [0x50, 0x00, 0x00, 0xD4]                                                 // 212 = 8+13+8+33+15+36+81+18
        + maximumLengthSubItem + implementationClassUIDSubItem + asynchronousOperationsWindowSubItem
        + roleSelectionSubItem + implementationVersionNameSubItem + extendedNegotiationSubItem
        + commonExtendedNegotiationSubItem + userIdentityRQSubItem

    static let associateRQ: [UInt8] =
        [0x01, 0x00, 0x00, 0x00, 0x01, 0x7E,                                     // type 1, length 382 = 68+25+73+216
         0x00, 0x01, 0x00, 0x00]                                                 // protocol version 1, reserved
        + aeField("ANY-SCP") + aeField("ECHOSCU") + [UInt8](repeating: 0, count: 32)
        + applicationContextItem + presentationContextRQItem + userInformationRQItem

    // MARK: A-ASSOCIATE-AC (Table 9-17)

    static let presentationContextACAccepted: [UInt8] =
        [0x21, 0x00, 0x00, 0x19, 0x01, 0x00, 0x00, 0x00]                        // Table 9-18: ID 1, result 0, length 25
        + [0x40, 0x00, 0x00, 0x11] + ascii("1.2.840.10008.1.2")
    static let presentationContextACRejected: [UInt8] =
        [0x21, 0x00, 0x00, 0x19, 0x03, 0x00, 0x03, 0x00]                        // ID 3, abstract-syntax-not-supported
        + [0x40, 0x00, 0x00, 0x11] + ascii("1.2.840.10008.1.2")
    static let userIdentityACSubItem: [UInt8] = [0x59, 0x00, 0x00, 0x04, 0x00, 0x02, 0x6F, 0x6B]  // D.3-15: "ok"
    static let userInformationACItem: [UInt8] =
        [0x50, 0x00, 0x00, 0x55]                                                 // 85 = 8+13+8+33+15+8
        + maximumLengthSubItem + implementationClassUIDSubItem + asynchronousOperationsWindowSubItem
        + roleSelectionSubItem + implementationVersionNameSubItem + userIdentityACSubItem

    static let associateAC: [UInt8] =
        [0x02, 0x00, 0x00, 0x00, 0x00, 0xF0,                                     // length 240 = 68+25+29+29+89
         0x00, 0x01, 0x00, 0x00]
        + aeField("ANY-SCP") + aeField("ECHOSCU") + [UInt8](repeating: 0, count: 32)
        + applicationContextItem + presentationContextACAccepted + presentationContextACRejected + userInformationACItem

    // MARK: the fixed-size PDUs

    /// Rejected-permanent, service-user, called-AE-title-not-recognized (Table 9-21).
    static let associateRJ: [UInt8] = [0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01, 0x07]
    static let releaseRQ: [UInt8] = [0x05, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00]  // Table 9-24
    static let releaseRP: [UInt8] = [0x06, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00]  // Table 9-25
    /// Service-provider, unexpected-PDU (Table 9-26).
    static let abort: [UInt8] = [0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, 0x02]

    /// P-DATA-TF (Table 9-22) with a last command fragment and a non-last data fragment (Annex E).
    static let pDataTF: [UInt8] =
        [0x04, 0x00, 0x00, 0x00, 0x00, 0x12,                                     // length 18 = 4+2+3 + 4+2+3
         0x00, 0x00, 0x00, 0x05, 0x01, 0x03, 0xAA, 0xBB, 0xCC,                  // PDV: ctx 1, command+last
         0x00, 0x00, 0x00, 0x05, 0x01, 0x00, 0x01, 0x02, 0x03]                  // PDV: ctx 1, data, not last
}
