import DICOM

/// Asynchronous Operations Window Sub-Item (53H; PS3.7 §D.3.3.3, Tables D.3-7 and D.3-8).
/// 0 means unlimited; the default without the sub-item is (1, 1).
package struct AsynchronousOperationsWindow: Equatable, Sendable {
    package static let subItemType: UInt8 = 0x53

    package var maximumNumberOperationsInvoked: UInt16
    package var maximumNumberOperationsPerformed: UInt16

    package init(maximumNumberOperationsInvoked: UInt16, maximumNumberOperationsPerformed: UInt16) {
        (self.maximumNumberOperationsInvoked, self.maximumNumberOperationsPerformed) =
            (maximumNumberOperationsInvoked, maximumNumberOperationsPerformed)
    }

    init(value: inout ByteReader) throws(MalformedData) {
        maximumNumberOperationsInvoked = try value.uint16BE("Maximum-number-operations-invoked")
        maximumNumberOperationsPerformed = try value.uint16BE("Maximum-number-operations-performed")
    }

    var encodedValue: [UInt8] {
        var v: [UInt8] = []
        v.appendBE(maximumNumberOperationsInvoked)
        v.appendBE(maximumNumberOperationsPerformed)
        return v
    }
}
