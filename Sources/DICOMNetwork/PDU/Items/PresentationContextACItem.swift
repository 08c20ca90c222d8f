import DICOM

/// Presentation Context Item of an A-ASSOCIATE-AC (PS3.8 §9.3.3.2, Table 9-18):
/// the context ID, the Result/Reason and one Transfer Syntax Sub-Item, which is
/// not significant unless the result is acceptance.
package struct PresentationContextACItem: Equatable, Sendable {
    package static let itemType: UInt8 = 0x21

    package var id: UInt8
    package var result: PresentationContextResult
    /// The accepted transfer syntax; nil when the sub-item was absent.
    package var transferSyntax: String?

    package init(id: UInt8, result: PresentationContextResult, transferSyntax: String?) {
        (self.id, self.result, self.transferSyntax) = (id, result, transferSyntax)
    }

    /// Decodes the item's value (what follows its 4-byte header).
    package init(value: inout ByteReader) throws(MalformedData) {
        id = try value.uint8("Presentation-context-ID")
        try value.skip(1, "Presentation Context Item Reserved")
        result = PresentationContextResult(rawValue: try value.uint8("Result/Reason"))
        try value.skip(1, "Presentation Context Item Reserved")
        transferSyntax = nil
        while !value.isAtEnd {
            let (header, sub) = try ItemHeader.read(&value, "Presentation Context Sub-Item")
            if header.type == PresentationContextRQItem.transferSyntaxSubItemType, transferSyntax == nil {
                transferSyntax = itemText(sub.remainingBytes)
            }
        }
    }

    package var encoded: [UInt8] {
        var value: [UInt8] = [id, 0, result.rawValue, 0]
        if let transferSyntax {
            value.appendItem(PresentationContextRQItem.transferSyntaxSubItemType, Array(transferSyntax.utf8))
        }
        var out: [UInt8] = []
        out.appendItem(Self.itemType, value)
        return out
    }
}
