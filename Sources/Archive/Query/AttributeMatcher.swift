/// One key compiled for matching (PS3.4 §C.2.2.2 as dcmqrscp applies it, spec §6.3):
/// built once per query, then asked about every stored value. Values are decoded
/// Unicode strings (the caller decodes with the Specific Character Set); a
/// missing stored value is an empty one.
package struct AttributeMatcher: Sendable {
    private enum Rule: Sendable {
        case universal
        case wildcard(WildcardPattern)
        case foldedWildcard(WildcardPattern)
        case date(RangeMatcher<Int>)
        case time(RangeMatcher<Int>)
        case dateTime(RangeMatcher<Int64>)
        case uids([Substring])
        case exact(Substring)
        case anyValueWildcard([WildcardPattern])
        case anyValueUIDs([Substring])
    }

    private let rule: Rule

    /// - Parameters:
    ///   - kind: the key's matching kind (its dictionary VR, spec §6.3).
    ///   - value: the key's value as sent (decoded; untrimmed).
    package init(kind: QueryMatchKind, value: String, personNameMatching: PersonNameMatching = .exact) {
        let key = QueryValueText.trimmed(value[...])
        // Empty (or all spaces) → universal match (§C.2.2.2.3).
        if key.isEmpty {
            rule = .universal
            return
        }
        switch kind {
        case .returnOnly, .sequence:
            rule = .universal
        case .wildcard:
            rule = .wildcard(WildcardPattern(key))
        case .personName:
            switch personNameMatching {
            case .exact: rule = .wildcard(WildcardPattern(key))
            case .insensitive: rule = .foldedWildcard(WildcardPattern(PersonNameFolding.fold(key)[...]))
            }
        case .date:
            rule = .date(RangeMatcher(key, parse: MatchingDateTime.date))
        case .time:
            rule = .time(RangeMatcher(key, parse: MatchingDateTime.time))
        case .dateTime:
            rule = .dateTime(RangeMatcher(key, splitDash: RangeMatcher.dateTimeDash, parse: MatchingDateTime.dateTime))
        case .uidList:
            rule = .uids(key.unicodeScalars.split(separator: "\\").map { Substring($0) })
        case .exact:
            rule = .exact(key)
        case .anyValueWildcard:
            let patterns = QueryValueText.values(key).filter { !$0.isEmpty }.map(WildcardPattern.init)
            rule = patterns.isEmpty ? .universal : .anyValueWildcard(patterns)
        case .anyValueUIDList:
            rule = .anyValueUIDs(QueryValueText.values(key).filter { !$0.isEmpty })
        }
    }

    /// True when the key matches every value (empty key, or a kind never matched).
    package var isUniversal: Bool {
        if case .universal = rule { return true }
        return false
    }

    /// Whether a stored value matches. A stored empty value matches only a
    /// universal key — and a key of only `*` (measured: dcmqrscp does the same).
    package func matches(_ stored: String?) -> Bool {
        if case .universal = rule { return true }
        let value = QueryValueText.trimmed((stored ?? "")[...])
        switch rule {
        case .universal:
            return true
        case .wildcard(let pattern):
            return pattern.matches(value.unicodeScalars)
        case .foldedWildcard(let pattern):
            return pattern.matches(PersonNameFolding.fold(value).unicodeScalars)
        case .date(let m):
            return m.matches(value)
        case .time(let m):
            return m.matches(value)
        case .dateTime(let m):
            return m.matches(value)
        case .uids(let uids):
            return uids.contains { $0.unicodeScalars.elementsEqual(value.unicodeScalars) }
        case .exact(let key):
            return key.unicodeScalars.elementsEqual(value.unicodeScalars)
        case .anyValueWildcard(let patterns):
            let stored = QueryValueText.values(value).filter { !$0.isEmpty }
            return stored.contains { s in patterns.contains { $0.matches(s.unicodeScalars) } }
        case .anyValueUIDs(let uids):
            let stored = QueryValueText.values(value)
            return stored.contains { s in uids.contains { $0.unicodeScalars.elementsEqual(s.unicodeScalars) } }
        }
    }
}
