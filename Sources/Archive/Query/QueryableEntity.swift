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
