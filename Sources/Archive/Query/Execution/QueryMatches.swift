import DICOM

/// The entities at a query's level that match it, found in an `IndexSnapshot` one at
/// a time (a C-FIND streams each as found and checks C-CANCEL in between).
///
/// The walk goes down the tree from the patients, testing each record with the
/// conditions of its own level (`Query.matches(_:at:)`) and leaving a branch at its
/// first miss; children are visited in order of storage. When the identifier gives
/// a level's unique key as single values (a Patient ID, a UID or a list of UIDs), the
/// walk starts from the records the index's hash finds for them, their ancestors
/// tested first (`UniqueKeyLookup`): a study of a million-instance archive is found
/// without a scan.
///
/// One match per entity at the query level: the index's tree is keyed by the unique
/// keys along its path, so each is one identity of spec §6.5 (`QueryEntityIdentity`).
package struct QueryMatches: Sequence {
    package let query: Query
    package let snapshot: IndexSnapshot

    package init(query: Query, snapshot: IndexSnapshot) { (self.query, self.snapshot) = (query, snapshot) }

    package func makeIterator() -> Iterator { Iterator(query: query, snapshot: snapshot) }

    package struct Iterator: IteratorProtocol {
        private enum Roots {
            case patients(IndexSnapshot.Entities.Iterator)
            case candidates([IndexEntity], next: Int)
            case none
        }

        private let snapshot: IndexSnapshot
        private let level: QueryRetrieveLevel
        private var conditions: IndexConditions
        private var roots: Roots
        /// Children still to visit, one frame per level below the current root.
        private var stack: [(entities: [IndexEntity], next: Int)] = []

        init(query: Query, snapshot: IndexSnapshot) {
            self.snapshot = snapshot
            level = query.level
            conditions = IndexConditions(query)
            if query.matchesNothing {
                roots = .none
            } else if let lookup = UniqueKeyLookup(query) {
                roots = .candidates(lookup.candidates(in: snapshot), next: 0)
            } else {
                roots = .patients(snapshot.entities(at: .patient).makeIterator())
            }
        }

        package mutating func next() -> IndexEntity? {
            while true {
                if var frame = stack.popLast() {
                    guard frame.next < frame.entities.count else { continue }
                    let entity = frame.entities[frame.next]
                    frame.next += 1
                    stack.append(frame)
                    if let found = visit(entity) { return found }
                    continue
                }
                guard let root = nextRoot() else { return nil }
                if let found = visit(root) { return found }
            }
        }

        /// `entity` if it matches at the query level; otherwise its children queued when it matches above it.
        private mutating func visit(_ entity: IndexEntity) -> IndexEntity? {
            guard conditions.matches(entity, in: snapshot) else { return nil }
            if entity.level >= level { return entity }
            stack.append((snapshot.children(of: entity), 0))
            return nil
        }

        private mutating func nextRoot() -> IndexEntity? {
            switch roots {
            case .none:
                return nil
            case .patients(var patients):
                let next = patients.next()
                roots = .patients(patients)
                return next
            case .candidates(let candidates, var next):
                while next < candidates.count {
                    let candidate = candidates[next]
                    next += 1
                    if conditions.ancestorsMatch(candidate, in: snapshot) {
                        roots = .candidates(candidates, next: next)
                        return candidate
                    }
                }
                roots = .none
                return nil
            }
        }
    }
}

extension IndexSnapshot {
    /// The entities at `query`'s level that match it, lazily (see `QueryMatches`).
    package func matches(of query: Query) -> QueryMatches { QueryMatches(query: query, snapshot: self) }
}
