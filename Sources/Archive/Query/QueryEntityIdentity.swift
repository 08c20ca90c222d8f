import DICOM

/// The identity of an entity at a query level (spec §6.5): the unique keys from
/// PATIENT down to that level — PATIENT: PatientID; STUDY: PatientID +
/// StudyInstanceUID; SERIES: + SeriesInstanceUID; IMAGE: + SOPInstanceUID — in
/// every model (dcmqrscp keys Study Root responses by PatientID too). One pending
/// response per identity; the first matching record gives the values.
///
/// On the index's tree (patient → study → series → instance): one node at the
/// query level is one identity when the tree is keyed by these values along its
/// path (a patient by PatientID, a study by StudyInstanceUID within its patient…),
/// so walking the tree needs no deduplication. An index that keys studies by
/// StudyInstanceUID alone answers one response where dcmqrscp gives one per
/// (PatientID, StudyInstanceUID) — the two differ only for a study whose instances
/// carry different Patient IDs. A flat scan of instance records (as dcmqrscp's
/// index.dat) deduplicates with a `Set<QueryEntityIdentity>`, see `Query.distinctMatches`.
package struct QueryEntityIdentity: Hashable, Sendable {
    package let level: QueryRetrieveLevel
    /// Trimmed values of the unique keys, PATIENT first; "" for an unknown one.
    package let uniqueValues: [String]

    package init(level: QueryRetrieveLevel, of entity: some QueryableEntity, keys: QueryKeyTable = .quarry) {
        self.level = level
        uniqueValues = QueryRetrieveLevel.allCases.filter { $0 <= level }.map { l in
            guard let tag = keys.uniqueKey(at: l)?.tag, let value = entity.value(for: tag) else { return "" }
            return String(QueryValueText.trimmed(value[...]))
        }
    }
}

extension Query {
    /// The identity of `entity` at this query's level.
    package func identity(of entity: some QueryableEntity) -> QueryEntityIdentity {
        QueryEntityIdentity(level: level, of: entity, keys: keys)
    }

    /// dcmqrscp's algorithm over flattened instance records in index order: each
    /// record that matches and whose identity was not answered yet — lazily, so the
    /// caller can stop (C-CANCEL) between responses.
    package func distinctMatches<S: Sequence>(in records: S) -> DistinctMatches<S> where S.Element: QueryableEntity {
        DistinctMatches(query: self, records: records)
    }
}

/// See `Query.distinctMatches(in:)`.
package struct DistinctMatches<Records: Sequence>: Sequence where Records.Element: QueryableEntity {
    let query: Query
    let records: Records

    package struct Iterator: IteratorProtocol {
        let query: Query
        var records: Records.Iterator
        var answered: Set<QueryEntityIdentity> = []

        package mutating func next() -> Records.Element? {
            while let record = records.next() {
                guard query.matches(record) else { continue }
                if answered.insert(query.identity(of: record)).inserted { return record }
            }
            return nil
        }
    }

    package func makeIterator() -> Iterator { Iterator(query: query, records: records.makeIterator()) }
}
