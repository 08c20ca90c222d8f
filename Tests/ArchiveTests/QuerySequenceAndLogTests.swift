import Archive
import DICOM
import Synchronization
import Testing

/// A table with one sequence key (Procedure Code Sequence at STUDY level), as the
/// lead may add: an empty sequence is universal and comes back as an empty sequence.
@Test func emptySequenceKeysAreUniversal() throws {
    let procedureCodes = Tag(0x0008, 0x1032)
    let table = QueryKeyTable(QueryKeyTable.quarry.keys + [
        QueryKey(tag: procedureCodes, level: .study, type: .optional, matching: .sequence),
    ])
    var ds = identifier("STUDY", ["StudyDate=20200101"])
    ds.set(DataElement(tag: procedureCodes, vr: .SQ, value: .sequence(ItemSequence(items: [
        SequenceItem(dataSet: DataSet([DataElement(tag: Tag(0x0008, 0x0100), vr: .SH, bytes: [])])),
    ]))))
    let query = try Query(model: model(.studyRoot), identifier: ds, options: QueryOptions(keys: table))
    #expect(query.requestedKey(procedureCodes)?.hasSequenceItems == false)
    #expect(query.conditions.map(\.key.tag) == [.studyDate])
    let studies = walk(query, fixtureF1())
    #expect(studies.count == 1)
    let identifier = query.responseIdentifier(for: studies[0].view, retrieveAETitle: "STORE", specificCharacterSet: nil)
    #expect(identifier[procedureCodes]?.sequence == ItemSequence(items: []))
}

final class LogLines: Sendable {
    let lines = Mutex<[String]>([])
    var log: Log { Log(threshold: .debug) { _, text in self.lines.withLock { $0.append(text) } } }
}

@Test func failureLinesGoToTheLog() {
    let sink = LogLines()
    let failure = build(model(.patientRoot), identifier("STUDY", ["StudyDate"])).failure
    failure?.log(to: sink.log)
    #expect(sink.lines.withLock { $0 } == [
        "W: hierarchicalCompare : No UID Key found at level 0\n",
        "E: findSCP: Database: startFindRequest Failed (Failed: UnableToProcess):\n",
    ])
    #expect(failure?.errorComment == "Missing unique key PatientID (0010,0020) of level PATIENT")
}

/// Error Comment is LO: at most 64 characters.
@Test func errorCommentsFitLO() {
    let long = String(repeating: "X", count: 200)
    let failure = build(model(.studyRoot), identifier(long)).failure
    #expect(failure?.status == 0xC000)
    #expect((failure?.errorComment.count ?? 0) <= 64)
}
