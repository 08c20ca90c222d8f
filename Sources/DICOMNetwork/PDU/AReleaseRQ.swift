import DICOM

/// A-RELEASE-RQ PDU (PS3.8 §9.3.6, Table 9-24): 4 reserved bytes.
package struct AReleaseRQ: Equatable, Sendable {
    package static let pduType: UInt8 = 0x05
    package init() {}
    package init(body: inout ByteReader) throws(MalformedData) { try body.skip(4, "Reserved") }
    package var encoded: [UInt8] { [Self.pduType, 0, 0, 0, 0, 4, 0, 0, 0, 0] }
}

/// A-RELEASE-RP PDU (PS3.8 §9.3.7, Table 9-25): 4 reserved bytes.
package struct AReleaseRP: Equatable, Sendable {
    package static let pduType: UInt8 = 0x06
    package init() {}
    package init(body: inout ByteReader) throws(MalformedData) { try body.skip(4, "Reserved") }
    package var encoded: [UInt8] { [Self.pduType, 0, 0, 0, 0, 4, 0, 0, 0, 0] }
}
