import DICOM

/// A supported key present in the identifier.
package struct RequestedKey: Sendable {
    package var key: QueryKey
    /// The decoded value, padding included (the matchers trim); "" for a
    /// zero-length element and for sequences.
    package var value: String
    /// The element had a zero-length value (or was an empty sequence): the strict
    /// checks' "empty" (dcmqrscp tests the value length, not the trimmed value).
    package var isZeroLength: Bool
    /// A sequence key whose items carry values (not matched; see `QueryMatchKind.sequence`).
    package var hasSequenceItems: Bool

    package init(key: QueryKey, value: String, isZeroLength: Bool, hasSequenceItems: Bool = false) {
        (self.key, self.value, self.isZeroLength, self.hasSequenceItems) = (key, value, isZeroLength, hasSequenceItems)
    }
}

/// Decoding of identifier values into the strings the matchers compare.
enum IdentifierValue {
    /// The text of `element` for `key`. Text VRs affected by the Specific Character
    /// Set go through `decodeText`; other strings are ASCII (decoded as UTF-8); binary
    /// numbers become decimal strings separated by `\`.
    static func decode(_ element: DataElement, key: QueryKey, decodeText: ([UInt8]) -> String) -> RequestedKey {
        switch element.value {
        case .sequence(let sequence):
            let hasValues = sequence.items.contains { item in
                item.dataSet.elements.contains { !isEmpty($0) }
            }
            return RequestedKey(key: key, value: "", isZeroLength: sequence.items.isEmpty, hasSequenceItems: hasValues)
        case .encapsulated:
            return RequestedKey(key: key, value: "", isZeroLength: false)
        case .bytes(let bytes):
            let vr = element.vr == .UN ? key.vr : element.vr
            let text: String
            if vr.usesSpecificCharacterSet {
                text = decodeText(bytes)
            } else if vr.isString || vr == .UN {
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                text = numbers(bytes, vr)
            }
            return RequestedKey(key: key, value: text, isZeroLength: bytes.isEmpty)
        }
    }

    private static func isEmpty(_ element: DataElement) -> Bool {
        switch element.value {
        case .bytes(let b): b.allSatisfy { $0 == 0x20 || $0 == 0 }
        case .sequence(let s): s.items.isEmpty
        case .encapsulated: false
        }
    }

    /// Little-endian binary values as decimal text (US, SS, UL, SL, FL, FD; others "").
    static func numbers(_ bytes: [UInt8], _ vr: VR) -> String {
        func words(_ size: Int) -> [UInt64] {
            stride(from: 0, to: bytes.count - size + 1, by: size).map { start in
                (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[start + $1]) << (8 * UInt64($1)) }
            }
        }
        let values: [String]
        switch vr {
        case .US: values = words(2).map { String(UInt16(truncatingIfNeeded: $0)) }
        case .SS: values = words(2).map { String(Int16(truncatingIfNeeded: $0)) }
        case .UL: values = words(4).map { String(UInt32(truncatingIfNeeded: $0)) }
        case .SL: values = words(4).map { String(Int32(truncatingIfNeeded: $0)) }
        case .FL: values = words(4).map { String(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) }
        case .FD: values = words(8).map { String(Double(bitPattern: $0)) }
        default: values = []
        }
        return values.joined(separator: "\\")
    }
}
