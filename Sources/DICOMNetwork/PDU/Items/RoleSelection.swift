import DICOM

/// SCP/SCU Role Selection Sub-Item (54H; PS3.7 §D.3.3.4, Tables D.3-9 and D.3-10).
/// In an A-ASSOCIATE-RQ the roles are the requestor's proposal; in an
/// A-ASSOCIATE-AC, 1 accepts and 0 turns down the proposed role.
package struct RoleSelection: Equatable, Hashable, Sendable {
    package static let subItemType: UInt8 = 0x54

    package var sopClassUID: String
    package var scuRole: Bool
    package var scpRole: Bool

    package init(sopClassUID: String, scuRole: Bool, scpRole: Bool) {
        (self.sopClassUID, self.scuRole, self.scpRole) = (sopClassUID, scuRole, scpRole)
    }

    init(value: inout ByteReader) throws(MalformedData) {
        let length = Int(try value.uint16BE("UID-length"))
        sopClassUID = itemText(try value.read(length, "SOP-class-uid"))
        scuRole = try value.uint8("SCU-role") != 0
        scpRole = try value.uint8("SCP-role") != 0
    }

    var encodedValue: [UInt8] {
        var v: [UInt8] = []
        v.appendLengthPrefixed(Array(sopClassUID.utf8))
        v.append(scuRole ? 1 : 0)
        v.append(scpRole ? 1 : 0)
        return v
    }
}
