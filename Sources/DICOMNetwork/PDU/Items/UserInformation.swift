import DICOM

/// User Information Item (50H; PS3.8 §9.3.2.3 and §9.3.3.3, Annex D; PS3.7 Annex D.3.3)
/// with its sub-items. Sub-items of unknown types are skipped (PS3.8 §9.3.1).
package struct UserInformation: Equatable, Sendable {
    package static let itemType: UInt8 = 0x50
    /// Maximum Length Sub-Item (PS3.8 §D.1, Table D.1-1).
    package static let maximumLengthSubItemType: UInt8 = 0x51
    /// Implementation Class UID Sub-Item (PS3.7 §D.3.3.2, Table D.3-1).
    package static let implementationClassUIDSubItemType: UInt8 = 0x52
    /// Implementation Version Name Sub-Item (PS3.7 §D.3.3.2, Table D.3-3).
    package static let implementationVersionNameSubItemType: UInt8 = 0x55

    /// The largest P-DATA-TF variable field its sender will receive; 0 means no limit.
    package var maximumLength: UInt32?
    package var implementationClassUID: String?
    package var implementationVersionName: String?
    package var asynchronousOperationsWindow: AsynchronousOperationsWindow?
    package var roleSelections: [RoleSelection]
    package var extendedNegotiations: [SOPClassExtendedNegotiation]
    package var commonExtendedNegotiations: [SOPClassCommonExtendedNegotiation]
    package var userIdentityRequest: UserIdentityRequest?
    package var userIdentityResponse: UserIdentityResponse?

    package init(maximumLength: UInt32? = nil, implementationClassUID: String? = nil,
                 implementationVersionName: String? = nil,
                 asynchronousOperationsWindow: AsynchronousOperationsWindow? = nil,
                 roleSelections: [RoleSelection] = [],
                 extendedNegotiations: [SOPClassExtendedNegotiation] = [],
                 commonExtendedNegotiations: [SOPClassCommonExtendedNegotiation] = [],
                 userIdentityRequest: UserIdentityRequest? = nil,
                 userIdentityResponse: UserIdentityResponse? = nil) {
        self.maximumLength = maximumLength
        self.implementationClassUID = implementationClassUID
        self.implementationVersionName = implementationVersionName
        self.asynchronousOperationsWindow = asynchronousOperationsWindow
        self.roleSelections = roleSelections
        self.extendedNegotiations = extendedNegotiations
        self.commonExtendedNegotiations = commonExtendedNegotiations
        self.userIdentityRequest = userIdentityRequest
        self.userIdentityResponse = userIdentityResponse
    }

    /// Decodes the item's value (what follows its 4-byte header).
    package init(value: inout ByteReader) throws(MalformedData) {
        self.init()
        while !value.isAtEnd {
            let (header, subValue) = try ItemHeader.read(&value, "User Information Sub-Item")
            var sub = subValue
            switch header.type {
            case Self.maximumLengthSubItemType:
                maximumLength = try sub.uint32BE("Maximum-length-received")
            case Self.implementationClassUIDSubItemType:
                implementationClassUID = itemText(sub.remainingBytes)
            case Self.implementationVersionNameSubItemType:
                implementationVersionName = itemText(sub.remainingBytes)
            case AsynchronousOperationsWindow.subItemType:
                asynchronousOperationsWindow = try AsynchronousOperationsWindow(value: &sub)
            case RoleSelection.subItemType:
                roleSelections.append(try RoleSelection(value: &sub))
            case SOPClassExtendedNegotiation.subItemType:
                extendedNegotiations.append(try SOPClassExtendedNegotiation(value: &sub))
            case SOPClassCommonExtendedNegotiation.subItemType:
                commonExtendedNegotiations.append(try SOPClassCommonExtendedNegotiation(value: &sub))
            case UserIdentityRequest.subItemType:
                userIdentityRequest = try UserIdentityRequest(value: &sub)
            case UserIdentityResponse.subItemType:
                userIdentityResponse = try UserIdentityResponse(value: &sub)
            default:
                continue
            }
        }
    }

    /// The whole item, header included; sub-items in ascending type order.
    package var encoded: [UInt8] {
        var value: [UInt8] = []
        if let maximumLength {
            var v: [UInt8] = []
            v.appendBE(maximumLength)
            value.appendItem(Self.maximumLengthSubItemType, v)
        }
        if let implementationClassUID {
            value.appendItem(Self.implementationClassUIDSubItemType, Array(implementationClassUID.utf8))
        }
        if let asynchronousOperationsWindow {
            value.appendItem(AsynchronousOperationsWindow.subItemType, asynchronousOperationsWindow.encodedValue)
        }
        for role in roleSelections { value.appendItem(RoleSelection.subItemType, role.encodedValue) }
        if let implementationVersionName {
            value.appendItem(Self.implementationVersionNameSubItemType, Array(implementationVersionName.utf8))
        }
        for n in extendedNegotiations { value.appendItem(SOPClassExtendedNegotiation.subItemType, n.encodedValue) }
        for n in commonExtendedNegotiations {
            value.appendItem(SOPClassCommonExtendedNegotiation.subItemType, n.encodedValue)
        }
        if let userIdentityRequest { value.appendItem(UserIdentityRequest.subItemType, userIdentityRequest.encodedValue) }
        if let userIdentityResponse {
            value.appendItem(UserIdentityResponse.subItemType, userIdentityResponse.encodedValue)
        }
        var out: [UInt8] = []
        out.appendItem(Self.itemType, value)
        return out
    }

    /// The role selection proposed or answered for a SOP Class, if any.
    package func roleSelection(for sopClassUID: String) -> RoleSelection? {
        roleSelections.first { $0.sopClassUID == sopClassUID }
    }
}
