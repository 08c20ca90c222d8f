import DICOM

/// A query's conditions bound to the index: each condition's attribute resolved
/// once (`IndexedAttributes.attribute`), grouped by the level whose record holds it,
/// and each verdict remembered per interned value — values repeated across records
/// (dates, modalities, names) are matched once.
struct IndexConditions {
    struct Condition {
        let attribute: IndexedAttribute?
        let matcher: AttributeMatcher
        /// Verdicts by value id; bounded, as unique values (SOP Instance UIDs) are not worth keeping.
        var verdicts: [StringID: Bool] = [:]
    }

    /// Remembered verdicts per condition, at most.
    static let verdictLimit = 1 << 14

    private var byLevel: [[Condition]]

    init(_ query: Query) {
        byLevel = QueryRetrieveLevel.allCases.map { level in
            query.conditions(at: level).map { Condition(attribute: IndexedAttributes.attribute($0.key.tag), matcher: $0.matcher) }
        }
    }

    /// Whether `entity` meets the conditions held at its own level (levels without
    /// conditions always do): `Query.matches(_:at:)` on the index.
    mutating func matches(_ entity: IndexEntity, in snapshot: IndexSnapshot) -> Bool {
        let level = entity.level.rawValue
        for k in byLevel[level].indices where !Self.matches(&byLevel[level][k], entity, snapshot) { return false }
        return true
    }

    /// Whether the ancestors of `entity` meet the conditions of their levels.
    mutating func ancestorsMatch(_ entity: IndexEntity, in snapshot: IndexSnapshot) -> Bool {
        var current = snapshot.parent(of: entity)
        while let ancestor = current {
            guard matches(ancestor, in: snapshot) else { return false }
            current = snapshot.parent(of: ancestor)
        }
        return true
    }

    private static func matches(_ condition: inout Condition, _ entity: IndexEntity, _ snapshot: IndexSnapshot) -> Bool {
        guard let attribute = condition.attribute else { return condition.matcher.matches(nil) }
        guard let id = snapshot.valueID(attribute, of: entity) else {
            // Computed values (counts, ModalitiesInStudy, SOPClassesInStudy) and Specific Character Set.
            return condition.matcher.matches(snapshot.string(attribute, of: entity))
        }
        if let verdict = condition.verdicts[id] { return verdict }
        let verdict = condition.matcher.matches(snapshot.string(id))
        if condition.verdicts.count < verdictLimit { condition.verdicts[id] = verdict }
        return verdict
    }
}
