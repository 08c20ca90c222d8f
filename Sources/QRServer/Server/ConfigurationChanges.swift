import Archive

/// What a reload changes in the AETable, for the log: AE titles added,
/// removed, and changed (storage area, access, quota or peers — the entry
/// an AE title's area, access and quota come from is its first line, spec
/// §2.5; its peers are those of every line with that title).
struct ConfigurationChanges: Equatable {
    var added: [String] = []
    var removed: [String] = []
    var changed: [String] = []
    /// AE titles whose storage area folder changed: (title, old, new).
    var movedAreas: [(aeTitle: String, old: String, new: String)] = []

    init(from old: Configuration, to new: Configuration) {
        let oldTitles = Self.titles(old), newTitles = Self.titles(new)
        added = newTitles.filter { !oldTitles.contains($0) }
        removed = oldTitles.filter { !newTitles.contains($0) }
        for title in newTitles where oldTitles.contains(title) {
            guard let before = old.aeEntry(for: title), let after = new.aeEntry(for: title) else { continue }
            if before.storageArea != after.storageArea {
                movedAreas.append((title, before.storageArea, after.storageArea))
            }
            let peersBefore = old.aeTable.filter { $0.aeTitle == title }.map(\.peers)
            let peersAfter = new.aeTable.filter { $0.aeTitle == title }.map(\.peers)
            if before.storageArea != after.storageArea || before.access != after.access || before.quota != after.quota
                || peersBefore != peersAfter {
                changed.append(title)
            }
        }
    }

    static func == (a: Self, b: Self) -> Bool {
        a.added == b.added && a.removed == b.removed && a.changed == b.changed
            && a.movedAreas.map { [$0.aeTitle, $0.old, $0.new] } == b.movedAreas.map { [$0.aeTitle, $0.old, $0.new] }
    }

    /// AE titles in file order, each once.
    static func titles(_ configuration: Configuration) -> [String] {
        var seen = Set<String>()
        return configuration.aeTable.map(\.aeTitle).filter { seen.insert($0).inserted }
    }

    /// `AE titles added: A; removed: B; changed: C`, or `no AETable change`.
    var summary: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("AE titles added: \(added.joined(separator: ", "))") }
        if !removed.isEmpty { parts.append("removed: \(removed.joined(separator: ", "))") }
        if !changed.isEmpty { parts.append("changed: \(changed.joined(separator: ", "))") }
        return parts.isEmpty ? "no AETable change" : parts.joined(separator: "; ")
    }

    /// One line per AE whose storage area folder changed.
    var areaChanges: [String] {
        movedAreas.map { "\($0.aeTitle) now stores into \($0.new) (was \($0.old)); "
            + "associations in progress finish in \($0.old)" }
    }
}
