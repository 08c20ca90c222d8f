import DICOM

/// A record of an `IndexSnapshot` — a patient, study, series or instance — as the
/// query engine reads it (`QueryHierarchyRecord`): its own values are the index's
/// text (Unicode, decoded from the Specific Character Set of the instance that
/// created the record, see `IndexValueDecoder`), its parent the record one level
/// up, its first child the first record stored one level down.
package struct IndexRecord: QueryHierarchyRecord {
    package let snapshot: IndexSnapshot
    package let entity: IndexEntity

    package init(_ entity: IndexEntity, in snapshot: IndexSnapshot) { (self.entity, self.snapshot) = (entity, snapshot) }

    package var recordLevel: QueryRetrieveLevel { entity.level }

    /// The value the index holds (or computes) for `tag` at this record; nil when it
    /// holds none there.
    package func ownValue(for tag: Tag) -> String? { snapshot.string(tag, of: entity) }

    package var parentRecord: IndexRecord? { snapshot.parent(of: entity).map { IndexRecord($0, in: snapshot) } }

    package var firstChildRecord: IndexRecord? { snapshot.firstChild(of: entity).map { IndexRecord($0, in: snapshot) } }

    /// The record as a query entity: higher-level tags from the ancestors, lower-level
    /// ones from the first descendant (spec §6.4, §6.5).
    package func view(keys: QueryKeyTable) -> QueryRecordView<IndexRecord> { QueryRecordView(self, keys: keys) }

    /// The Specific Character Set (0008,0005) of the instance that created the record; "" for ASCII.
    package var specificCharacterSet: String { snapshot.specificCharacterSet(of: entity) }
}
