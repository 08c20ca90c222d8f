import Archive
import DICOM
import QuarryTestSupport
import Testing

/// A query over thousands of instances (behaviour only; timings belong to `make bench`):
/// 40 patients × 3 studies × 4 series × 12 instances = 5760 instances.
@Suite struct QueryScaleTests {
    static let (patients, studies, series, instances) = (40, 3, 4, 12)

    static func makeIndex(_ directory: TemporaryDirectory) throws -> JournalIndex {
        let index = try JournalIndex(directory: directory.path)
        var records: [InstanceRecord] = []
        for p in 0..<patients {
            for s in 0..<studies {
                let study = p * studies + s
                for se in 0..<series {
                    for i in 0..<instances {
                        var r = makeInstance("2.25.\(study).\(se).\(i)", study: study, series: se, patient: p,
                                             modality: se == 0 ? "MR" : "CT",
                                             extra: [Tag(0x0020, 0x0013): String(i + 1),
                                                     Tag(0x0008, 0x0020): String(20200101 + s)])
                        if se == 0 { r.sopClassUID = "1.2.840.10008.5.1.4.1.1.4" }
                        records.append(r)
                    }
                }
            }
        }
        let results = try index.add(records, quota: .unlimited)
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        return index
    }

    @Test func thousandsOfInstances() throws {
        let directory = try TemporaryDirectory()
        let index = try Self.makeIndex(directory)
        let snapshot = try index.snapshot()
        let total = Self.patients * Self.studies * Self.series * Self.instances
        #expect(snapshot.count(at: .image) == total)

        func find(_ root: QueryRetrieveInformationModel.Root, _ level: String, _ keys: [String]) throws -> [FindResponse] {
            let query = try Query.decodingText(model: model(root), identifier: identifier(level, keys))
            return Array(FindResponses(query: query, snapshot: snapshot, retrieveAETitle: "STORE"))
        }
        // every instance, in order of storage within each series
        let all = try find(.studyRoot, "IMAGE", ["StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"])
        #expect(all.count == total)
        #expect(all.prefix(2).map { $0.identifier.string(.sopInstanceUID) } == ["2.25.0.0.0", "2.25.0.0.1"])
        // a study by its UID: one response, with its counts
        let one = try find(.studyRoot, "STUDY", ["StudyInstanceUID=1.2.61", "NumberOfStudyRelatedInstances",
                                                 "ModalitiesInStudy", "PatientID"])
        #expect(one.count == 1)
        #expect(one.first?.identifier.string(Tag(0x0020, 0x1208)) == String(Self.series * Self.instances))
        #expect(one.first?.identifier.string(Tag(0x0008, 0x0061)) == "MR\\CT")
        #expect(one.first?.identifier.string(.patientID) == "P20")
        // one instance by the UIDs of its levels
        let image = try find(.patientRoot, "IMAGE", ["PatientID=P7", "StudyInstanceUID=1.2.22",
                                                      "SeriesInstanceUID=1.2.22.3", "SOPInstanceUID=2.25.22.3.11"])
        #expect(image.map { $0.identifier.string(.sopInstanceUID) } == ["2.25.22.3.11"])
        // non-unique keys: the first study of each patient, then the MR series of those studies
        #expect(try find(.studyRoot, "STUDY", ["StudyDate=20200101"]).count == Self.patients)
        #expect(try find(.studyRoot, "SERIES", ["StudyInstanceUID", "Modality=MR"]).count == Self.patients * Self.studies)
        #expect(try find(.studyRoot, "IMAGE", ["StudyInstanceUID", "SeriesInstanceUID", "InstanceNumber=12"]).count
                == total / Self.instances)
        #expect(try find(.patientRoot, "PATIENT", ["PatientName=Doe^P1*"]).count == 11)   // P1, P10…P19
        // retrieve of a patient: all its instances
        let move = try Query.decodingText(model: model(.patientRoot, .move), identifier: identifier("PATIENT", ["PatientID=P3"]))
        let list = snapshot.retrieveList(for: move)
        #expect(list.count == Self.studies * Self.series * Self.instances)
        #expect(Set(list.map(\.patientID)) == ["P3"])
    }
}
