import DICOM

/// User Identity Sub-Item of an A-ASSOCIATE-RQ (58H; PS3.7 §D.3.3.7.1, Table D.3-14).
package struct UserIdentityRequest: Equatable, Sendable {
    package static let subItemType: UInt8 = 0x58

    /// User-Identity-Type (Table D.3-14).
    package struct IdentityType: RawRepresentable, Hashable, Sendable {
        package var rawValue: UInt8
        package init(rawValue: UInt8) { self.rawValue = rawValue }
        package static let username = Self(rawValue: 1)
        package static let usernameAndPasscode = Self(rawValue: 2)
        package static let kerberosServiceTicket = Self(rawValue: 3)
        package static let samlAssertion = Self(rawValue: 4)
        package static let jsonWebToken = Self(rawValue: 5)
    }

    package var identityType: IdentityType
    package var positiveResponseRequested: Bool
    package var primaryField: [UInt8]
    package var secondaryField: [UInt8]

    package init(identityType: IdentityType, positiveResponseRequested: Bool, primaryField: [UInt8], secondaryField: [UInt8] = []) {
        (self.identityType, self.positiveResponseRequested, self.primaryField, self.secondaryField) =
            (identityType, positiveResponseRequested, primaryField, secondaryField)
    }

    init(value: inout ByteReader) throws(MalformedData) {
        identityType = IdentityType(rawValue: try value.uint8("User-Identity-Type"))
        positiveResponseRequested = try value.uint8("Positive-response-requested") != 0
        let primaryLength = Int(try value.uint16BE("Primary-field-length"))
        primaryField = Array(try value.read(primaryLength, "Primary-field"))
        let secondaryLength = Int(try value.uint16BE("Secondary-field-length"))
        secondaryField = Array(try value.read(secondaryLength, "Secondary-field"))
    }

    var encodedValue: [UInt8] {
        var v: [UInt8] = [identityType.rawValue, positiveResponseRequested ? 1 : 0]
        v.appendLengthPrefixed(primaryField)
        v.appendLengthPrefixed(secondaryField)
        return v
    }
}

/// User Identity Sub-Item of an A-ASSOCIATE-AC (59H; PS3.7 §D.3.3.7.2, Table D.3-15).
package struct UserIdentityResponse: Equatable, Sendable {
    package static let subItemType: UInt8 = 0x59

    package var serverResponse: [UInt8]

    package init(serverResponse: [UInt8]) { self.serverResponse = serverResponse }

    init(value: inout ByteReader) throws(MalformedData) {
        let length = Int(try value.uint16BE("Server-response-length"))
        serverResponse = Array(try value.read(length, "Server-response"))
    }

    var encodedValue: [UInt8] {
        var v: [UInt8] = []
        v.appendLengthPrefixed(serverResponse)
        return v
    }
}
