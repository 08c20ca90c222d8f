import DICOM

/// Presentation Context Item of an A-ASSOCIATE-RQ (PS3.8 §9.3.2.2, Table 9-13):
/// an odd context ID, one Abstract Syntax Sub-Item (30H, Table 9-14) and one or
/// more Transfer Syntax Sub-Items (40H, Table 9-15).
package struct PresentationContextRQItem: Equatable, Sendable {
    package static let itemType: UInt8 = 0x20
    package static let abstractSyntaxSubItemType: UInt8 = 0x30
    package static let transferSyntaxSubItemType: UInt8 = 0x40

    package var id: UInt8
    package var abstractSyntax: String
    package var transferSyntaxes: [String]

    package init(id: UInt8, abstractSyntax: String, transferSyntaxes: [String]) {
        (self.id, self.abstractSyntax, self.transferSyntaxes) = (id, abstractSyntax, transferSyntaxes)
    }

    /// Decodes the item's value (what follows its 4-byte header). Sub-items of
    /// unknown types are skipped (PS3.8 §9.3.1).
    package init(value: inout ByteReader) throws(MalformedData) {
        id = try value.uint8("Presentation-context-ID")
        try value.skip(3, "Presentation Context Item Reserved")
        abstractSyntax = ""
        transferSyntaxes = []
        while !value.isAtEnd {
            let (header, sub) = try ItemHeader.read(&value, "Presentation Context Sub-Item")
            switch header.type {
            case Self.abstractSyntaxSubItemType: abstractSyntax = itemText(sub.remainingBytes)
            case Self.transferSyntaxSubItemType: transferSyntaxes.append(itemText(sub.remainingBytes))
            default: continue
            }
        }
    }

    package var encoded: [UInt8] {
        var value: [UInt8] = [id, 0, 0, 0]
        value.appendItem(Self.abstractSyntaxSubItemType, Array(abstractSyntax.utf8))
        for ts in transferSyntaxes { value.appendItem(Self.transferSyntaxSubItemType, Array(ts.utf8)) }
        var out: [UInt8] = []
        out.appendItem(Self.itemType, value)
        return out
    }
}
