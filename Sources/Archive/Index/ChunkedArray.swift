/// An array stored as fixed-size chunks, each a copy-on-write array of its own.
///
/// Copying one is cheap (the outer array of chunk references), and a write after a
/// copy duplicates only the chunk it touches: this is what lets a query keep a
/// snapshot of a million-instance index while stores go on, at the cost of a few
/// chunk copies per store.
struct ChunkedArray<Element: Sendable>: Sendable {
    private(set) var chunks: [[Element]] = []
    private(set) var count = 0
    private let shift: Int

    /// `shift`: log2 of the chunk length.
    init(shift: Int = 12) { self.shift = shift }

    private var mask: Int { (1 << shift) - 1 }

    subscript(index: Int) -> Element {
        get { chunks[index >> shift][index & mask] }
        set { chunks[index >> shift][index & mask] = newValue }
        _modify { yield &chunks[index >> shift][index & mask] }
    }

    mutating func append(_ element: Element) {
        if count & mask == 0 {
            var chunk: [Element] = []
            // The first chunk grows as needed (a small area stays small); later ones
            // are allocated whole, so they are never copied while they fill.
            if !chunks.isEmpty { chunk.reserveCapacity(1 << shift) }
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    /// An array of `count` copies of `element`.
    init(repeating element: Element, count: Int, shift: Int = 12) {
        self.shift = shift
        var remaining = count
        while remaining > 0 {
            let n = min(remaining, 1 << shift)
            chunks.append([Element](repeating: element, count: n))
            remaining -= n
        }
        self.count = count
    }

    /// Bytes allocated for the elements and the chunk table (capacities, not counts).
    var allocatedBytes: Int {
        chunks.reduce(0) { $0 + $1.capacity * MemoryLayout<Element>.stride + Self.arrayOverhead }
            + chunks.capacity * MemoryLayout<[Element]>.stride + Self.arrayOverhead
    }

    /// Swift's array header (32 bytes) and a malloc header.
    static var arrayOverhead: Int { 48 }
}
