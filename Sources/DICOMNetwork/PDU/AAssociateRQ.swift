import DICOM

/// A-ASSOCIATE-RQ PDU (PS3.8 §9.3.2, Table 9-11). `init(body:)` reads what
/// follows the 6-byte PDU header; `encoded` is the whole PDU.
package struct AAssociateRQ: Equatable, Sendable {
    package static let pduType: UInt8 = 0x01

    /// Bit 0 set: protocol version 1, the only one defined.
    package var protocolVersion: UInt16
    package var calledAETitle: String
    package var callingAETitle: String
    /// Application Context Item (10H, Table 9-12); DICOM's is `dicomApplicationContextName`.
    package var applicationContextName: String
    package var presentationContexts: [PresentationContextRQItem]
    package var userInformation: UserInformation

    package init(protocolVersion: UInt16 = 1, calledAETitle: String, callingAETitle: String,
                 applicationContextName: String = dicomApplicationContextName,
                 presentationContexts: [PresentationContextRQItem], userInformation: UserInformation) {
        self.protocolVersion = protocolVersion
        self.calledAETitle = calledAETitle
        self.callingAETitle = callingAETitle
        self.applicationContextName = applicationContextName
        self.presentationContexts = presentationContexts
        self.userInformation = userInformation
    }

    package init(body: inout ByteReader) throws(MalformedData) {
        let fixed = try AssociateFixedFields(body: &body)
        (protocolVersion, calledAETitle, callingAETitle) = (fixed.protocolVersion, fixed.calledAETitle, fixed.callingAETitle)
        applicationContextName = ""
        presentationContexts = []
        userInformation = UserInformation()
        while !body.isAtEnd {
            let (header, itemValue) = try ItemHeader.read(&body, "A-ASSOCIATE-RQ")
            var value = itemValue
            switch header.type {
            case applicationContextItemType: applicationContextName = itemText(value.remainingBytes)
            case PresentationContextRQItem.itemType: presentationContexts.append(try PresentationContextRQItem(value: &value))
            case UserInformation.itemType: userInformation = try UserInformation(value: &value)
            default: continue
            }
        }
    }

    package var encoded: [UInt8] {
        var body = AssociateFixedFields(protocolVersion: protocolVersion, calledAETitle: calledAETitle,
                                        callingAETitle: callingAETitle).encoded
        body.appendItem(applicationContextItemType, Array(applicationContextName.utf8))
        for pc in presentationContexts { body.append(contentsOf: pc.encoded) }
        body.append(contentsOf: userInformation.encoded)
        return pduBytes(Self.pduType, body)
    }
}

/// The DICOM Application Context Name (PS3.7 Annex A.2.1).
package let dicomApplicationContextName = "1.2.840.10008.3.1.1.1"

/// Application Context Item type (PS3.8 Table 9-12).
let applicationContextItemType: UInt8 = 0x10

/// The fixed part shared by A-ASSOCIATE-RQ and -AC (Tables 9-11 and 9-17):
/// protocol version, reserved, called and calling AE titles, 32 reserved bytes.
struct AssociateFixedFields {
    var protocolVersion: UInt16
    var calledAETitle: String
    var callingAETitle: String

    init(protocolVersion: UInt16, calledAETitle: String, callingAETitle: String) {
        (self.protocolVersion, self.calledAETitle, self.callingAETitle) = (protocolVersion, calledAETitle, callingAETitle)
    }

    init(body: inout ByteReader) throws(MalformedData) {
        protocolVersion = try body.uint16BE("Protocol-version")
        try body.skip(2, "Reserved")
        calledAETitle = aeTitleText(try body.read(16, "Called-AE-title"))
        callingAETitle = aeTitleText(try body.read(16, "Calling-AE-title"))
        try body.skip(32, "Reserved")
    }

    var encoded: [UInt8] {
        var out: [UInt8] = []
        out.appendBE(protocolVersion)
        out.append(contentsOf: [0, 0])
        out.append(contentsOf: aeTitleField(calledAETitle))
        out.append(contentsOf: aeTitleField(callingAETitle))
        out.append(contentsOf: [UInt8](repeating: 0, count: 32))
        return out
    }
}

/// A PDU: type, reserved 00H, 32-bit big-endian length, body (PS3.8 §9.3.1).
func pduBytes(_ type: UInt8, _ body: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [type, 0]
    out.reserveCapacity(body.count + 6)
    out.appendBE(UInt32(truncatingIfNeeded: body.count))
    out.append(contentsOf: body)
    return out
}
