/// One data element (PS3.5 §7.1). Binary values are held in **little-endian**
/// byte order whatever the transfer syntax they came in; readers and writers
/// of Explicit VR Big Endian swap by `VR.byteSwapUnit`.
package struct DataElement: Sendable, Equatable {
    package var tag: Tag
    package var vr: VR
    package var value: Value

    package init(tag: Tag, vr: VR, value: Value) { (self.tag, self.vr, self.value) = (tag, vr, value) }
    package init(tag: Tag, vr: VR, bytes: [UInt8]) { self.init(tag: tag, vr: vr, value: .bytes(bytes)) }

    package enum Value: Sendable, Equatable {
        /// The value field exactly as encoded (string padding included), little-endian.
        case bytes([UInt8])
        /// A sequence of items (PS3.5 §7.5).
        case sequence(ItemSequence)
        /// Encapsulated pixel data (PS3.5 §A.4): basic offset table and fragments.
        case encapsulated(EncapsulatedPixelData)
    }

    /// The raw value bytes; empty for sequences and encapsulated data.
    package var bytes: [UInt8] {
        if case .bytes(let b) = value { return b }
        return []
    }

    package var sequence: ItemSequence? {
        if case .sequence(let s) = value { return s }
        return nil
    }
}

/// SQ value: items, and whether it was encoded with undefined length.
package struct ItemSequence: Sendable, Equatable {
    package var items: [SequenceItem]
    package var hasUndefinedLength: Bool
    package init(items: [SequenceItem], hasUndefinedLength: Bool = false) {
        (self.items, self.hasUndefinedLength) = (items, hasUndefinedLength)
    }
}

/// One item of a sequence: a nested data set, and whether it had undefined length.
package struct SequenceItem: Sendable, Equatable {
    package var dataSet: DataSet
    package var hasUndefinedLength: Bool
    package init(dataSet: DataSet, hasUndefinedLength: Bool = false) {
        (self.dataSet, self.hasUndefinedLength) = (dataSet, hasUndefinedLength)
    }
}

/// Encapsulated pixel data (PS3.5 §A.4): the Basic Offset Table item's value and
/// the fragments' values, kept opaque.
package struct EncapsulatedPixelData: Sendable, Equatable {
    package var basicOffsetTable: [UInt8]
    package var fragments: [[UInt8]]
    package init(basicOffsetTable: [UInt8], fragments: [[UInt8]]) {
        (self.basicOffsetTable, self.fragments) = (basicOffsetTable, fragments)
    }
}
