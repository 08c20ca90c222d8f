import DICOM

/// P-DATA-TF PDU (PS3.8 §9.3.5, Table 9-22): one or more Presentation Data Value items.
package struct PDataTF: Equatable, Sendable {
    package static let pduType: UInt8 = 0x04

    package var values: [PresentationDataValue]

    package init(values: [PresentationDataValue]) { self.values = values }

    package init(body: inout ByteReader) throws(MalformedData) {
        values = []
        while !body.isAtEnd {
            let length = Int(try body.uint32BE("PDV Item-length"))
            guard length >= 2 else {
                throw MalformedData(field: "PDV Item-length", offset: body.baseOffset + body.offset - 4,
                                    reason: "\(length) is less than the 2 bytes of context ID and message control header")
            }
            var item = try body.item(length, "Presentation-data-value (length \(length))")
            let id = try item.uint8("Presentation-context-ID")
            let header = MessageControlHeader(rawValue: try item.uint8("Message Control Header"))
            values.append(PresentationDataValue(presentationContextID: id, header: header, value: item.rest()))
        }
        if values.isEmpty {
            throw MalformedData(field: "P-DATA-TF", offset: body.baseOffset, reason: "no Presentation Data Value item")
        }
    }

    package var encoded: [UInt8] {
        var body: [UInt8] = []
        for pdv in values { pdv.append(to: &body) }
        return pduBytes(Self.pduType, body)
    }
}

/// One Presentation Data Value item (PS3.8 §9.3.5.1, Table 9-23; Annex E):
/// a fragment of a DIMSE command or data set.
package struct PresentationDataValue: Equatable, Sendable {
    package var presentationContextID: UInt8
    package var header: MessageControlHeader
    package var value: ArraySlice<UInt8>

    package init(presentationContextID: UInt8, header: MessageControlHeader, value: ArraySlice<UInt8>) {
        (self.presentationContextID, self.header, self.value) = (presentationContextID, header, value)
    }

    package var isCommand: Bool { header.isCommand }
    package var isLast: Bool { header.isLast }

    func append(to out: inout [UInt8]) {
        out.appendBE(UInt32(truncatingIfNeeded: value.count + 2))
        out.append(presentationContextID)
        out.append(header.rawValue)
        out.append(contentsOf: value)
    }

    package static func == (a: Self, b: Self) -> Bool {
        a.presentationContextID == b.presentationContextID && a.header == b.header && a.value.elementsEqual(b.value)
    }
}

/// Message Control Header of a PDV (PS3.8 Annex E.2): bit 0 set for a command
/// fragment (clear for data set), bit 1 set for the last fragment.
package struct MessageControlHeader: RawRepresentable, Hashable, Sendable {
    package var rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }
    package init(isCommand: Bool, isLast: Bool) { rawValue = (isCommand ? 1 : 0) | (isLast ? 2 : 0) }

    package var isCommand: Bool { rawValue & 1 != 0 }
    package var isLast: Bool { rawValue & 2 != 0 }
}
