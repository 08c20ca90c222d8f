import DICOM

/// A-ASSOCIATE-AC PDU (PS3.8 §9.3.3, Table 9-17). The AE title fields are
/// reserved in the AC (sent as received in the RQ, not tested); `init(body:)`
/// reads what follows the 6-byte PDU header; `encoded` is the whole PDU.
package struct AAssociateAC: Equatable, Sendable {
    package static let pduType: UInt8 = 0x02

    package var protocolVersion: UInt16
    package var calledAETitle: String
    package var callingAETitle: String
    package var applicationContextName: String
    package var presentationContexts: [PresentationContextACItem]
    package var userInformation: UserInformation

    package init(protocolVersion: UInt16 = 1, calledAETitle: String, callingAETitle: String,
                 applicationContextName: String = dicomApplicationContextName,
                 presentationContexts: [PresentationContextACItem], userInformation: UserInformation) {
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
            let (header, itemValue) = try ItemHeader.read(&body, "A-ASSOCIATE-AC")
            var value = itemValue
            switch header.type {
            case applicationContextItemType: applicationContextName = itemText(value.remainingBytes)
            case PresentationContextACItem.itemType: presentationContexts.append(try PresentationContextACItem(value: &value))
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
