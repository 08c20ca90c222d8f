import DICOM

/// What a query reads from a record: the decoded value of an attribute (Unicode,
/// already converted from the record's Specific Character Set; multiple values
/// separated by `\`; binary numbers as decimal text), nil when unknown.
package protocol QueryableEntity {
    func value(for tag: Tag) -> String?
}

/// Attribute values by tag — for tests and simple adapters.
extension Dictionary: QueryableEntity where Key == Tag, Value == String {
    package func value(for tag: Tag) -> String? { self[tag] }
}

/// An entity given by a lookup closure.
package struct QueryAttributes: QueryableEntity {
    private let lookup: (Tag) -> String?
    package init(_ lookup: @escaping (Tag) -> String?) { self.lookup = lookup }
    package func value(for tag: Tag) -> String? { lookup(tag) }
}

/// A record of the index's tree, for `QueryRecordView`.
package protocol QueryHierarchyRecord {
    /// The level of this record.
    var recordLevel: QueryRetrieveLevel { get }
    /// The values this record holds for its own level (the computed ones included).
    func ownValue(for tag: Tag) -> String?
    /// The record one level up, nil for a patient.
    var parentRecord: Self? { get }
    /// The first record one level down in the index's order, nil for an instance.
    var firstChildRecord: Self? { get }
}

/// A record of the tree seen as a query entity: a tag of a higher level is read
/// from the ancestor of that level, a tag of a lower level from the first
/// descendant (the first instance's value, as dcmqrscp returns it), a tag of no
/// level (or unknown to the key table) from the record itself.
package struct QueryRecordView<Record: QueryHierarchyRecord>: QueryableEntity {
    package let record: Record
    package let keys: QueryKeyTable

    package init(_ record: Record, keys: QueryKeyTable = .quarry) { (self.record, self.keys) = (record, keys) }

    package func value(for tag: Tag) -> String? {
        guard let level = keys.key(for: tag)?.level else { return record.ownValue(for: tag) }
        var r = record
        while r.recordLevel > level {
            guard let parent = r.parentRecord else { return nil }
            r = parent
        }
        while r.recordLevel < level {
            guard let child = r.firstChildRecord else { return nil }
            r = child
        }
        return r.ownValue(for: tag)
    }
}
