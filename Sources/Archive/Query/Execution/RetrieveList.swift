import DICOM

/// What a C-MOVE or C-GET sends (spec §7.1, §8): every live instance under the
/// entities the query matches at its level, each once, in order of storage — taken
/// from one snapshot, so stores may go on while the sub-operations run. The files
/// are described lazily (`subscript`): the list itself costs a few bytes per instance.
package struct RetrieveList: RandomAccessCollection, Sendable {
    package let snapshot: IndexSnapshot
    /// The instances, by record number (order of storage).
    package let instances: [IndexEntity]

    package init(query: Query, snapshot: IndexSnapshot) {
        self.snapshot = snapshot
        var records: [Int32] = []
        for entity in snapshot.matches(of: query) {
            records += snapshot.instances(under: entity).map(\.record)
        }
        records.sort()
        var unique: [IndexEntity] = []
        unique.reserveCapacity(records.count)
        for record in records where unique.last?.record != record { unique.append(IndexEntity(level: .image, record: record)) }
        instances = unique
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { instances.count }

    /// The file, SOP class and instance and stored transfer syntax of the `position`th instance.
    package subscript(position: Int) -> IndexedInstanceFile {
        snapshot.instanceFile(instances[position]) ?? IndexedInstanceFile(
            fileName: "", fileSize: 0, sopClassUID: "", sopInstanceUID: "", transferSyntaxUID: "", patientID: "",
            studyInstanceUID: "", seriesInstanceUID: "", sequence: 0)
    }

    /// The SOP classes of the instances, each with its stored transfer syntaxes, in
    /// order of first appearance and with their counts: what a C-MOVE sub-association
    /// proposes (`StoragePresentationContextProposal`).
    package var storedSyntaxes: [StoredSyntaxes] {
        var order: [String] = []
        var byClass: [String: StoredSyntaxes] = [:]
        for file in self {
            if byClass[file.sopClassUID] == nil {
                order.append(file.sopClassUID)
                byClass[file.sopClassUID] = StoredSyntaxes(sopClassUID: file.sopClassUID, transferSyntaxUIDs: [])
            }
            byClass[file.sopClassUID]?.add(file.transferSyntaxUID)
        }
        return order.compactMap { byClass[$0] }
    }
}

/// The transfer syntaxes the instances of one SOP class are stored in, in order of
/// first appearance, with how many instances each.
package struct StoredSyntaxes: Sendable, Equatable {
    package var sopClassUID: String
    package var transferSyntaxUIDs: [String]
    package var counts: [Int] = []

    package init(sopClassUID: String, transferSyntaxUIDs: [String], counts: [Int]? = nil) {
        self.sopClassUID = sopClassUID
        self.transferSyntaxUIDs = transferSyntaxUIDs
        self.counts = counts ?? transferSyntaxUIDs.map { _ in 1 }
    }

    mutating func add(_ transferSyntaxUID: String) {
        if let k = transferSyntaxUIDs.firstIndex(of: transferSyntaxUID) {
            counts[k] += 1
        } else {
            transferSyntaxUIDs.append(transferSyntaxUID)
            counts.append(1)
        }
    }
}

extension IndexSnapshot {
    /// The instances a C-MOVE or C-GET with `query` sends (see `RetrieveList`).
    package func retrieveList(for query: Query) -> RetrieveList { RetrieveList(query: query, snapshot: self) }
}
