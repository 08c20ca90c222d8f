import DICOM

/// Where a query can start from the index's hash of unique keys instead of
/// scanning: the lowest level (down to the query level) whose unique key — Patient
/// ID, Study, Series or SOP Instance UID — is matched against single values (PS3.4
/// §C.2.2.2.1 single value without wild cards, §C.2.2.2.2 list of UIDs). Only
/// records holding one of `values` can match; the query's conditions still decide.
struct UniqueKeyLookup: Equatable {
    var level: QueryRetrieveLevel
    /// The values sought, each trimmed, in the order of the identifier, without repeats.
    var values: [String]

    init?(_ query: Query) {
        for level in QueryRetrieveLevel.allCases.filter({ $0 <= query.level }).reversed() {
            guard let unique = query.keys.uniqueKey(at: level),
                  query.conditions(at: level).contains(where: { $0.key.tag == unique.tag }),
                  let requested = query.requestedKey(unique.tag),
                  let values = Self.values(requested.value, matching: unique.matching) else { continue }
            self.level = level
            self.values = values
            return
        }
        return nil
    }

    /// The single values of a key, nil when it holds a wild card (or matches otherwise).
    static func values(_ value: String, matching: QueryMatchKind) -> [String]? {
        let key = QueryValueText.trimmed(value[...])
        switch matching {
        case .uidList:
            var seen: [String] = []
            for part in key.split(separator: "\\") {
                let uid = String(QueryValueText.trimmed(part))
                if !uid.isEmpty, !seen.contains(uid) { seen.append(uid) }
            }
            return seen.isEmpty ? nil : seen
        case .wildcard, .exact:
            if key.isEmpty || key.contains("*") || key.contains("?") { return nil }
            return [String(key)]
        default:
            return nil
        }
    }

    /// The live entities at `level` holding one of the values, in order of storage.
    func candidates(in snapshot: IndexSnapshot) -> [IndexEntity] {
        var found = Set<IndexEntity>()
        for value in values { found.formUnion(snapshot.entities(withUniqueKey: value, at: level)) }
        return found.sorted()
    }
}
