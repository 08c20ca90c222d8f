@testable import Archive
import DICOM
import Testing

/// The index walk (`QueryMatches`) finds what the reference tree walk of the query
/// module finds on the same data (`walk` in QueryFixture.swift), in the same order.
@Suite struct QueryMatchesTests {
    static let rows: [(QueryRetrieveInformationModel.Root, String, [String])] = [
        (.patientRoot, "PATIENT", []),
        (.patientRoot, "PATIENT", ["PatientName=Doe*"]),
        (.patientRoot, "PATIENT", ["PatientID=P001"]),                     // hash lookup
        (.patientRoot, "PATIENT", ["PatientID=P00?"]),                     // wild card: scan
        (.patientRoot, "PATIENT", ["PatientName=M*ller*"]),                // both Müller records
        (.patientRoot, "STUDY", ["PatientID=P001", "StudyDate=20200101-"]),
        (.patientRoot, "STUDY", ["PatientID", "StudyDate=-20201231"]),
        (.patientRoot, "STUDY", ["PatientID=P002", "StudyInstanceUID=\(uid).1"]),   // no such pair
        (.studyRoot, "STUDY", ["StudyInstanceUID=\(uid).3\\\(uid).1\\\(uid).3"]), // list, storage order
        (.studyRoot, "STUDY", ["PatientName=Doe*"]),                      // patient keys matched in Study Root
        (.studyRoot, "STUDY", ["ModalitiesInStudy=MR"]),
        (.studyRoot, "STUDY", ["AccessionNumber=ACC0?", "StudyDescription=*Head*"]),
        (.studyRoot, "SERIES", ["StudyInstanceUID=\(uid).1"]),
        (.studyRoot, "SERIES", ["StudyInstanceUID", "Modality=CT"]),
        (.studyRoot, "IMAGE", ["StudyInstanceUID=\(uid).1", "SeriesInstanceUID=\(uid).1.2"]),
        (.studyRoot, "IMAGE", ["StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID=\(uid).1.1.2\\\(uid).6.1.1"]),
        (.studyRoot, "IMAGE", ["StudyInstanceUID", "SeriesInstanceUID", "InstanceNumber=2"]),
        (.patientRoot, "IMAGE", ["PatientID=P001", "StudyInstanceUID", "SeriesInstanceUID=\(uid).2.1"]),
        (.patientStudyOnly, "SERIES", ["PatientID=P001", "StudyInstanceUID=\(uid).1"]),
        (.studyRoot, "STUDY", ["StudyInstanceUID=1.2.3.4"]),                        // nothing
        (.studyRoot, "STUDY", ["StudyDate=20221231", "StudyTime=235959"]),
    ]

    @Test(arguments: rows.indices)
    func indexWalkAgreesWithTheReferenceWalk(row: Int) throws {
        let (root, level, keys) = Self.rows[row]
        let f1 = try IndexedF1()
        let snapshot = try f1.snapshot()
        let query = try Query.decodingText(model: model(root), identifier: identifier(level, keys))
        let found = Array(snapshot.matches(of: query))
        let expected = walk(query, f1.tree).map(\.uniqueKey)
        #expect(snapshot.uniqueKeys(found) == expected, "\(root) \(level) \(keys)")
        #expect(found.allSatisfy { $0.level == query.level })
    }

    /// A unique key given as single values starts the walk from the index's hash.
    @Test(arguments: [
        (QueryRetrieveInformationModel.Root.patientRoot, "PATIENT", ["PatientID=P001"], QueryRetrieveLevel.patient, ["P001"]),
        (.patientRoot, "PATIENT", ["PatientID=P00*"], nil, []),
        (.patientRoot, "STUDY", ["PatientID=P001", "StudyInstanceUID"], .patient, ["P001"]),
        (.patientRoot, "STUDY", ["PatientID=P001", "StudyInstanceUID= 1.2 \\1.3\\1.2"], .study, ["1.2", "1.3"]),
        (.studyRoot, "IMAGE", ["StudyInstanceUID=1.2", "SeriesInstanceUID", "SOPInstanceUID=1.2.3"], .image, ["1.2.3"]),
        (.studyRoot, "IMAGE", ["StudyInstanceUID=1.2", "SeriesInstanceUID=1.2.1", "SOPInstanceUID"], .series, ["1.2.1"]),
        (.studyRoot, "STUDY", ["StudyInstanceUID", "PatientID=P1"], .patient, ["P1"]),
        (.studyRoot, "STUDY", ["StudyInstanceUID", "AccessionNumber=A1"], nil, []),
        // lower-level keys are not in force: no lookup from them
        (.studyRoot, "STUDY", ["StudyInstanceUID", "SOPInstanceUID=1.2.3"], nil, []),
    ] as [(QueryRetrieveInformationModel.Root, String, [String], QueryRetrieveLevel?, [String])])
    func uniqueKeyLookup(root: QueryRetrieveInformationModel.Root, level: String, keys: [String],
                         lookupLevel: QueryRetrieveLevel?, values: [String]) throws {
        let query = try Query.decodingText(model: model(root), identifier: identifier(level, keys))
        let lookup = UniqueKeyLookup(query)
        #expect(lookup?.level == lookupLevel)
        #expect(lookup?.values ?? [] == values)
    }

    @Test func retrieveWithoutHigherUniqueKeysFindsNothing() throws {
        let f1 = try IndexedF1()
        let query = try Query.decodingText(model: model(.studyRoot, .move),
                                           identifier: identifier("IMAGE", ["SOPInstanceUID=\(uid).1.1.1"]))
        #expect(query.matchesNothing)
        #expect(Array(try f1.snapshot().matches(of: query)).isEmpty)
    }
}
