/// Matching records against a query.
extension Query {
    /// Whether a record of `level` meets the conditions held at that level (the
    /// attribute's level): the index tests each record on its way down from the
    /// patient to the query level, skipping a branch at the first miss. Levels
    /// without conditions always match.
    package func matches(_ record: some QueryableEntity, at level: QueryRetrieveLevel) -> Bool {
        if matchesNothing { return false }
        return conditions(at: level).allSatisfy { $0.matcher.matches(record.value(for: $0.key.tag)) }
    }

    /// Whether one entity answering every level's attributes (a flattened instance
    /// record, as dcmqrscp's index rows) meets all conditions.
    package func matches(_ entity: some QueryableEntity) -> Bool {
        if matchesNothing { return false }
        return conditions.allSatisfy { $0.matcher.matches(entity.value(for: $0.key.tag)) }
    }
}
