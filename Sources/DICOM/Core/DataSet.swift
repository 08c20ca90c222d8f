/// A data set (PS3.5 §7): data elements in ascending tag order.
package struct DataSet: Sendable, Equatable {
    package private(set) var elements: [DataElement]

    package init() { elements = [] }

    /// Elements in any order; later duplicates replace earlier ones.
    package init(_ elements: [DataElement]) {
        self.init()
        for e in elements { self.set(e) }
    }

    package var isEmpty: Bool { elements.isEmpty }
    package var count: Int { elements.count }
    package var tags: [Tag] { elements.map(\.tag) }

    private func index(of tag: Tag) -> (found: Bool, at: Int) {
        var lo = 0, hi = elements.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if elements[mid].tag < tag { lo = mid + 1 } else { hi = mid }
        }
        return (lo < elements.count && elements[lo].tag == tag, lo)
    }

    package subscript(tag: Tag) -> DataElement? {
        let i = index(of: tag)
        return i.found ? elements[i.at] : nil
    }

    package func contains(_ tag: Tag) -> Bool { index(of: tag).found }

    /// Inserts or replaces the element with the same tag.
    package mutating func set(_ element: DataElement) {
        let i = index(of: element.tag)
        if i.found { elements[i.at] = element } else { elements.insert(element, at: i.at) }
    }

    /// Appends an element known to sort after every present one (fast path for readers);
    /// falls back to `set` otherwise.
    package mutating func append(_ element: DataElement) {
        if let last = elements.last, last.tag >= element.tag { set(element) } else { elements.append(element) }
    }

    @discardableResult
    package mutating func remove(_ tag: Tag) -> DataElement? {
        let i = index(of: tag)
        guard i.found else { return nil }
        return elements.remove(at: i.at)
    }

    /// A string value with its padding (trailing spaces, NULs) removed; bytes
    /// decoded as ISO-IR 6/UTF-8 — callers that need the Specific Character Set
    /// decode `DataElement.bytes` themselves.
    package func string(_ tag: Tag) -> String? {
        guard let e = self[tag], case .bytes(let b) = e.value else { return nil }
        var end = b.count
        while end > 0, b[end - 1] == 0x20 || b[end - 1] == 0x00 { end -= 1 }
        return String(decoding: b[0..<end], as: UTF8.self)
    }

    /// Sets a string value, padding it to even length with the VR's padding byte.
    package mutating func setString(_ tag: Tag, _ vr: VR, _ value: String) {
        var b = Array(value.utf8)
        if b.count % 2 == 1 { b.append(vr.paddingByte) }
        set(DataElement(tag: tag, vr: vr, bytes: b))
    }

    /// A US value (little-endian).
    package func uint16(_ tag: Tag) -> UInt16? {
        guard let b = self[tag]?.bytes, b.count >= 2 else { return nil }
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }

    package mutating func setUInt16(_ tag: Tag, _ value: UInt16) {
        set(DataElement(tag: tag, vr: .US, bytes: [UInt8(value & 0xFF), UInt8(value >> 8)]))
    }

    /// A UL value (little-endian).
    package func uint32(_ tag: Tag) -> UInt32? {
        guard let b = self[tag]?.bytes, b.count >= 4 else { return nil }
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }

    package mutating func setUInt32(_ tag: Tag, _ value: UInt32) {
        var b: [UInt8] = []
        b.appendLE(value)
        set(DataElement(tag: tag, vr: .UL, bytes: b))
    }
}
