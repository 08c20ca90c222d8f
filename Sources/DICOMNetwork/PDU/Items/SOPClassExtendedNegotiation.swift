import DICOM

/// SOP Class Extended Negotiation Sub-Item (56H; PS3.7 §D.3.3.5, Table D.3-11):
/// a SOP Class UID and the service-class-application-information, opaque here.
package struct SOPClassExtendedNegotiation: Equatable, Sendable {
    package static let subItemType: UInt8 = 0x56

    package var sopClassUID: String
    package var serviceClassApplicationInformation: [UInt8]

    package init(sopClassUID: String, serviceClassApplicationInformation: [UInt8]) {
        (self.sopClassUID, self.serviceClassApplicationInformation) = (sopClassUID, serviceClassApplicationInformation)
    }

    init(value: inout ByteReader) throws(MalformedData) {
        let length = Int(try value.uint16BE("SOP-class-uid-length"))
        sopClassUID = itemText(try value.read(length, "SOP-class-uid"))
        serviceClassApplicationInformation = Array(value.rest())
    }

    var encodedValue: [UInt8] {
        var v: [UInt8] = []
        v.appendLengthPrefixed(Array(sopClassUID.utf8))
        v.append(contentsOf: serviceClassApplicationInformation)
        return v
    }
}

/// SOP Class Common Extended Negotiation Sub-Item (57H; PS3.7 §D.3.3.6, Table D.3-12):
/// the SOP Class, its Service Class and the related general SOP Classes. Only
/// in an A-ASSOCIATE-RQ.
package struct SOPClassCommonExtendedNegotiation: Equatable, Sendable {
    package static let subItemType: UInt8 = 0x57

    package var sopClassUID: String
    package var serviceClassUID: String
    package var relatedGeneralSOPClassUIDs: [String]

    package init(sopClassUID: String, serviceClassUID: String, relatedGeneralSOPClassUIDs: [String] = []) {
        (self.sopClassUID, self.serviceClassUID, self.relatedGeneralSOPClassUIDs) =
            (sopClassUID, serviceClassUID, relatedGeneralSOPClassUIDs)
    }

    init(value: inout ByteReader) throws(MalformedData) {
        let classLength = Int(try value.uint16BE("SOP-class-uid-length"))
        sopClassUID = itemText(try value.read(classLength, "SOP-class-uid"))
        let serviceLength = Int(try value.uint16BE("Service-class-uid-length"))
        serviceClassUID = itemText(try value.read(serviceLength, "Service-class-uid"))
        let relatedLength = Int(try value.uint16BE("Related-general-sop-class-identification-length"))
        var related = try value.item(relatedLength, "Related-general-sop-class-identification")
        relatedGeneralSOPClassUIDs = []
        while !related.isAtEnd {
            let length = Int(try related.uint16BE("Related-general-sop-class-uid-length"))
            relatedGeneralSOPClassUIDs.append(itemText(try related.read(length, "Related-general-sop-class-uid")))
        }
    }

    var encodedValue: [UInt8] {
        var v: [UInt8] = []
        v.appendLengthPrefixed(Array(sopClassUID.utf8))
        v.appendLengthPrefixed(Array(serviceClassUID.utf8))
        var related: [UInt8] = []
        for uid in relatedGeneralSOPClassUIDs { related.appendLengthPrefixed(Array(uid.utf8)) }
        v.appendLengthPrefixed(related)
        return v
    }
}
