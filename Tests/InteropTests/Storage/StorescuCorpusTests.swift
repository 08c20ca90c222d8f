import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// DCMTK's storescu sends pydicom's test files (issue 5): every storage object
/// is stored in the called AE's area only, its data set exactly as it came
/// over the wire — as DCMTK's own storescp `+B` (bit-preserving) receives it
/// — behind the Part 10 meta header Quarry builds. Objects without usable
/// Study, Series or SOP Instance UIDs are refused and leave nothing.
@Suite struct StorescuCorpusTests {
    @Test func uncompressedCorpusIsStoredAsSent() throws {
        let objects = CorpusObject.all.filter { CorpusObject.uncompressedSyntaxes.contains($0.transferSyntaxUID) }
        try #require(objects.count > 50, "pydicom's corpus: \(objects.count) files")
        let compared = try sendAndCompare([(objects, [])], quarryOptions: [])
        #expect(compared > 80)
    }

    /// storescu's option proposing each compressed syntax (with the uncompressed ones).
    static let proposalOptions: [String: String] = [
        "1.2.840.10008.1.2.4.50": "-xy", "1.2.840.10008.1.2.4.51": "-xx", "1.2.840.10008.1.2.4.70": "-xs",
        "1.2.840.10008.1.2.4.80": "-xt", "1.2.840.10008.1.2.4.81": "-xu", "1.2.840.10008.1.2.4.90": "-xv",
        "1.2.840.10008.1.2.4.91": "-xw", "1.2.840.10008.1.2.5": "-xr", "1.2.840.10008.1.2.1.99": "-xd",
    ]

    /// With `+xa`, compressed objects are accepted in their own syntax and stored as received.
    @Test func compressedCorpusIsStoredAsReceivedWithAcceptAll() throws {
        let objects = CorpusObject.all.filter { Self.proposalOptions[$0.transferSyntaxUID] != nil }
        try #require(objects.count > 25, "pydicom's corpus: \(objects.count) files")
        let groups = Dictionary(grouping: objects, by: \.transferSyntaxUID).sorted { $0.key < $1.key }
            .map { ($0.value, [Self.proposalOptions[$0.key] ?? ""]) }
        let compared = try sendAndCompare(groups, quarryOptions: ["+xa"])
        #expect(compared > 25)
    }

    /// Sends each group (in batches without repeated SOP Instance UIDs, each to an AE
    /// of its own) to an oracle storescp and to Quarry; returns how many objects were compared.
    private func sendAndCompare(_ groups: [([CorpusObject], [String])], quarryOptions: [String]) throws -> Int {
        let batches = groups.flatMap { objects, options in CorpusObject.batches(objects).map { ($0, options) } }
        let quarry = try StorageServer(areas: batches.count, quarryOptions)
        var compared = 0
        for (k, (batch, storescuOptions)) in batches.enumerated() {
            let ae = "A\(k + 1)"
            let oracle = quarry.directory.path + "/oracle\(k + 1)"
            try FileManager.default.createDirectory(atPath: oracle, withIntermediateDirectories: true)
            let oraclePort = freeTCPPort()
            let storescp = try ServerProcess(TestEnvironment.dcmtk("storescp"), ["+B", "+xa", "-od", oracle, String(oraclePort)],
                                             port: oraclePort, in: quarry.directory, label: "storescp\(k + 1)")
            _ = try runStorescu(storescuOptions + ["-aec", "ORACLE", "127.0.0.1", String(oraclePort)] + batch.map(\.path))
            storescp.stop(grace: 0.1)   // storescu has released: every file is written
            let sent = try quarry.storescu(ae, batch.map(\.path), storescuOptions)
            #expect(!sent.timedOut)

            let received = try storedObjects(in: oracle)
            let stored = try storedObjects(in: quarry.area(ae))
            for object in batch {
                guard let wire = received[object.sopInstanceUID] else {
                    // storescu could not send it at all (no context for its class and syntax).
                    #expect(stored[object.sopInstanceUID] == nil, "\(object)")
                    continue
                }
                guard object.isStorable else {
                    #expect(stored[object.sopInstanceUID] == nil, "\(object) has unusable UIDs: refused")
                    continue
                }
                guard let mine = stored[object.sopInstanceUID] else {
                    Issue.record("\(object) not stored: \(sent.output)")
                    continue
                }
                compared += 1
                #expect(mine.dataSetBytes == wire.dataSetBytes, "\(object)")
                let meta = try #require(mine.meta)
                #expect(meta.mediaStorageSOPClassUID == object.sopClassUID, "\(object)")
                #expect(meta.mediaStorageSOPInstanceUID == object.sopInstanceUID, "\(object)")
                #expect(meta.transferSyntaxUID == wire.meta?.transferSyntaxUID, "\(object)")
                #expect(meta.implementationClassUID == QuarryIdentity.implementationClassUID)
                #expect(meta.implementationVersionName == QuarryIdentity.implementationVersionName)
                #expect(meta.sourceApplicationEntityTitle == "STORESCU")
                #expect(URL(fileURLWithPath: mine.path).lastPathComponent.wholeMatch(of: /[A-Za-z0-9]+_[0-9a-f]{16}\.dcm/) != nil)
            }
            #expect(Set(stored.keys).isSubset(of: Set(batch.map(\.sopInstanceUID))))
            // The index agrees with the files.
            let check = try runProcess(TestEnvironment.binary("quarryidx"), ["--check", quarry.area(ae)])
            #expect(check.status == 0, "\(check.output)")
        }
        #expect(try storedObjects(in: quarry.area("OTHER")).isEmpty)
        return compared
    }
}
