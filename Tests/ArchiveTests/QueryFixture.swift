import Archive
import DICOM

/// A node of an in-memory patient → study → series → instance tree, standing in
/// for the index in these tests.
final class FixtureNode: QueryHierarchyRecord {
    let recordLevel: QueryRetrieveLevel
    var values: [Tag: String]
    var parent: FixtureNode?  // strong: the tests let go of the patients array
    var children: [FixtureNode] = []

    init(_ level: QueryRetrieveLevel, _ values: [String: String]) {
        recordLevel = level
        self.values = record(values)
    }

    @discardableResult
    func add(_ child: FixtureNode) -> FixtureNode {
        child.parent = self
        children.append(child)
        return child
    }

    var parentRecord: FixtureNode? { parent }
    var firstChildRecord: FixtureNode? { children.first }
    func ownValue(for tag: Tag) -> String? { values[tag] }

    var instances: [FixtureNode] { recordLevel == .image ? [self] : children.flatMap(\.instances) }
    var view: QueryRecordView<FixtureNode> { QueryRecordView(self) }
    func value(_ keyword: String) -> String? { view.value(for: tag(forKeyword: keyword)) }
}

/// The spec's fixture F1 (9 instances, 5 patients, 6 studies), with the computed
/// values an index keeps (counts, modalities and SOP classes in study).
func fixtureF1() -> [FixtureNode] {
    let ct = "1.2.840.10008.5.1.4.1.1.2", mr = "1.2.840.10008.5.1.4.1.1.4"
    var patients: [FixtureNode] = []
    func patient(_ name: String, _ id: String) -> FixtureNode {
        if let p = patients.first(where: { $0.values[.patientID] == id && $0.values[.patientName] == name }) { return p }
        let p = FixtureNode(.patient, ["PatientName": name, "PatientID": id, "PatientBirthDate": "19700101"])
        patients.append(p)
        return p
    }
    func add(_ name: String, _ id: String, study: String, date: String, time: String, accession: String,
             description: String, series: [(String, String, [String])]) {
        let s = patient(name, id).add(FixtureNode(.study, [
            "StudyInstanceUID": "\(uid).\(study)", "StudyDate": date, "StudyTime": time, "AccessionNumber": accession,
            "StudyDescription": description, "StudyID": "SID" + accession.suffix(2), "ReferringPhysicianName": "Ref^Doc",
        ]))
        for (number, (modality, seriesUID, instances)) in series.enumerated() {
            let se = s.add(FixtureNode(.series, ["SeriesInstanceUID": "\(uid).\(seriesUID)", "Modality": modality,
                                                 "SeriesNumber": String(number + 1)]))
            for (i, instance) in instances.enumerated() {
                se.add(FixtureNode(.image, ["SOPInstanceUID": "\(uid).\(instance)", "InstanceNumber": String(i + 1),
                                            "SOPClassUID": modality == "MR" ? mr : ct, "Rows": "512", "Columns": "512"]))
            }
        }
    }
    add("Doe^John", "P001", study: "1", date: "20200101", time: "101010", accession: "ACC01", description: "CT Chest",
        series: [("CT", "1.1", ["1.1.1", "1.1.2"]), ("CT", "1.2", ["1.2.1", "1.2.2"])])
    add("Doe^John", "P001", study: "2", date: "20210615", time: "153000", accession: "ACC02", description: "MR Head",
        series: [("MR", "2.1", ["2.1.1"])])
    add("Smith^Jane", "P002", study: "3", date: "20221231", time: "235959", accession: "ACC03", description: "CT Abdomen",
        series: [("CT", "3.1", ["3.1.1"])])
    add("doe^jane", "P003", study: "4", date: "20190310", time: "080000", accession: "ACC04", description: "ct head",
        series: [("CT", "4.1", ["4.1.1"])])
    add("Müller^Jürgen", "P004", study: "5", date: "20230505", time: "120000", accession: "ACC05", description: "Größe",
        series: [("CT", "5.1", ["5.1.1"])])
    add("Müller^Jörg", "P005", study: "6", date: "20230506", time: "120000", accession: "ACC06", description: "Latin1",
        series: [("CT", "6.1", ["6.1.1"])])
    for p in patients {
        p.values[Tag(0x0020, 0x1200)] = String(p.children.count)
        p.values[Tag(0x0020, 0x1204)] = String(p.instances.count)
        for s in p.children {
            var modalities: [String] = []
            for m in s.children.compactMap({ $0.values[.modality] }) where !modalities.contains(m) { modalities.append(m) }
            s.values[Tag(0x0008, 0x0061)] = modalities.joined(separator: "\\")
            s.values[Tag(0x0020, 0x1206)] = String(s.children.count)
            s.values[Tag(0x0020, 0x1208)] = String(s.instances.count)
            for se in s.children { se.values[Tag(0x0020, 0x1209)] = String(se.children.count) }
        }
    }
    return patients
}

/// What an index does with a query: walk the tree down to the query level,
/// testing each record at its level.
func walk(_ query: Query, _ patients: [FixtureNode]) -> [FixtureNode] {
    guard !query.matchesNothing else { return [] }
    var found: [FixtureNode] = []
    func visit(_ node: FixtureNode) {
        guard query.matches(node.view, at: node.recordLevel) else { return }
        if node.recordLevel == query.level { found.append(node) } else { node.children.forEach(visit) }
    }
    patients.forEach(visit)
    return found
}

func findQuery(_ root: QueryRetrieveInformationModel.Root, _ level: String, _ keys: [String],
               _ options: QueryOptions = QueryOptions()) throws -> Query {
    try Query(model: model(root), identifier: identifier(level, keys), options: options)
}
