/// The PS3.6 data dictionary: keyword, name, VR, VM and retired flag of every
/// standard data element, with lookup by tag and by keyword. Repeating groups
/// (PS3.5 §7.6: 50xx, 60xx, …) match by mask.
package enum DataDictionary {
    package struct Entry: Sendable, Equatable {
        package var tag: Tag
        /// The VRs PS3.6 allows; the first is the one implicit VR decoding uses
        /// when nothing else decides ("OB or OW" → OB, "US or SS" → US).
        package var vrs: [VR]
        package var vm: String
        package var name: String
        package var keyword: String
        package var isRetired: Bool

        package var vr: VR { vrs.first ?? .UN }
    }

    private struct Tables: Sendable {
        var byTag: [UInt32: Entry] = [:]
        var byKeyword: [String: Entry] = [:]
        /// (mask of fixed bits, fixed bits' value, entry) for repeating groups.
        var repeating: [(mask: UInt32, value: UInt32, entry: Entry)] = []
    }

    private static let tables: Tables = {
        var t = Tables()
        for line in standardEntries.split(separator: "\n") {
            guard let (entry, _, _) = parse(line) else { continue }
            t.byTag[entry.tag.raw] = entry
            if !entry.keyword.isEmpty, t.byKeyword[entry.keyword] == nil { t.byKeyword[entry.keyword] = entry }
        }
        for line in repeatingEntries.split(separator: "\n") {
            guard let (entry, mask, value) = parse(line) else { continue }
            t.repeating.append((mask, value, entry))
            if !entry.keyword.isEmpty, t.byKeyword[entry.keyword] == nil { t.byKeyword[entry.keyword] = entry }
        }
        return t
    }()

    private static func parse(_ line: Substring) -> (Entry, mask: UInt32, value: UInt32)? {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard f.count == 6, f[0].count == 8 else { return nil }
        var mask: UInt32 = 0, value: UInt32 = 0
        for ch in f[0] {
            mask <<= 4; value <<= 4
            if ch != "x", let digit = ch.hexDigitValue { mask |= 0xF; value |= UInt32(digit) }
        }
        let vrs = f[1].split(separator: " ").compactMap { VR(rawValue: String($0)) }
        let entry = Entry(tag: Tag(raw: value), vrs: vrs, vm: String(f[2]), name: String(f[3]),
                          keyword: String(f[5]), isRetired: f[4] == "R")
        return (entry, mask, value)
    }

    /// The entry for a tag: a standard entry, a repeating-group entry, or the
    /// generic ones every group has (group length → UL; private creator → LO).
    package static func entry(for tag: Tag) -> Entry? {
        let t = tables
        if let e = t.byTag[tag.raw] { return e }
        if tag.isGroupLength {
            return Entry(tag: tag, vrs: [.UL], vm: "1", name: "Group Length", keyword: "", isRetired: false)
        }
        if tag.isPrivateCreator {
            return Entry(tag: tag, vrs: [.LO], vm: "1", name: "Private Creator", keyword: "", isRetired: false)
        }
        if tag.isPrivate { return nil }
        for r in t.repeating where tag.raw & r.mask == r.value {
            var e = r.entry
            e.tag = tag
            return e
        }
        return nil
    }

    /// The entry with this keyword (PS3.6 "Keyword" column), e.g. `PatientName`.
    package static func entry(forKeyword keyword: String) -> Entry? { tables.byKeyword[keyword] }

    /// The VR implicit VR Little Endian decoding uses for `tag`: the dictionary's,
    /// UN for tags it does not know (PS3.5 §A.1, §6.2.2).
    package static func vr(for tag: Tag) -> VR { entry(for: tag)?.vr ?? .UN }

    /// The keyword of a tag, or its `(gggg,eeee)` spelling when it has none.
    package static func keyword(for tag: Tag) -> String {
        if let k = entry(for: tag)?.keyword, !k.isEmpty { return k }
        return tag.description
    }

    /// Number of standard (non-repeating) entries.
    package static var standardEntryCount: Int { tables.byTag.count }
}
