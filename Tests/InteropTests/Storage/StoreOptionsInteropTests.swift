import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// quarryscp's output options and quota policy reach the store (spec §1.2,
/// issue 5), seen by storescu and in the area.
@Suite struct StoreOptionsInteropTests {
    /// Two small CT objects of two studies (argv: folder).
    static func twoStudies(_ quarry: StorageServer) throws -> [String] {
        let folder = quarry.directory.path + "/send"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let written = try runPython(ConcurrentStoreTests.writer, [folder, "2", "20"], timeout: 60)
        try #require(written.status == 0, "\(written.output)")
        return [folder + "/f0000.dcm", folder + "/f0001.dcm"]
    }

    @Test func ignoreAnswersSuccessAndStoresNothing() throws {
        let quarry = try StorageServer(["--ignore"])
        let sent = try quarry.storescu("A1", try Self.twoStudies(quarry))
        #expect(sent.status == 0, "\(sent.output)")
        #expect(try storedObjects(in: quarry.area("A1")).isEmpty)
    }

    @Test(arguments: [("+ti", TransferSyntax.implicitVRLittleEndian.uid), ("+tb", TransferSyntax.explicitVRBigEndian.uid)])
    func writeTransferSyntaxOption(option: String, expected: String) throws {
        let quarry = try StorageServer([option])
        let sent = try quarry.storescu("A1", try Self.twoStudies(quarry))
        #expect(sent.status == 0, "\(sent.output)")
        let stored = try storedObjects(in: quarry.area("A1"))
        #expect(stored.count == 2)
        #expect(stored.values.allSatisfy { $0.meta?.transferSyntaxUID == expected })
    }

    @Test func withoutMetaInformationTheFileHoldsTheDataSetOnly() throws {
        let quarry = try StorageServer(["-F"])
        let files = try Self.twoStudies(quarry)
        let sent = try quarry.storescu("A1", files)
        #expect(sent.status == 0, "\(sent.output)")
        let names = try FileManager.default.contentsOfDirectory(atPath: quarry.area("A1")).filter { $0.hasSuffix(".dcm") }
        #expect(names.count == 2)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: quarry.area("A1") + "/" + name)))
            #expect(bytes.count < 132 || Array(bytes[128..<132]) != Array("DICM".utf8))
            #expect(Array(bytes.prefix(4)) == [0x08, 0x00, 0x05, 0x00] || Array(bytes.prefix(2)) == [0x08, 0x00])
        }
        let check = try runProcess(TestEnvironment.binary("quarryidx"), ["--check", quarry.area("A1")])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func rejectPolicyRefusesTheNewStudyWithA700() throws {
        let quarry = try StorageServer(quota: "(1, 10mb)", ["--quota-policy", "reject"])
        let files = try Self.twoStudies(quarry)
        let sent = try quarry.storescu("A1", files, ["-d"])
        #expect(sent.stderr.contains("D: DIMSE Status                  : 0x0000: Success"))
        #expect(sent.stderr.contains("D: DIMSE Status                  : 0xa700: Refused: Out of resources"), "\(sent.stderr)")
        // The Error Comment names the quota; storescu's dump of the response shows it.
        #expect(sent.stderr.contains("Quota: storage area holds maxStudies 1"), "\(sent.stderr)")
        #expect(try storedObjects(in: quarry.area("A1")).count == 1)
        #expect(quarry.server.log.contains("W: NOTICE: StoreSCP:"))
        #expect(quarry.server.log.contains("E: storeSCP: Database: storeRequest Failed (Refused: OutOfResources): "
                                           + "\(quarry.area("A1")): storage area holds 1 studies, the quota is 1 studies"))
    }

    @Test func deletePolicyEvictsTheOldestStudyWithWarnings() throws {
        let quarry = try StorageServer(quota: "(1, 10mb)")
        let files = try Self.twoStudies(quarry)
        let sent = try quarry.storescu("A1", files)
        #expect(sent.status == 0, "\(sent.output)")
        let stored = try storedObjects(in: quarry.area("A1"))
        #expect(Array(stored.keys) == ["1.2.826.0.1.3680043.8.498.5557.3.21.1"])
        let log = quarry.server.log
        #expect(log.contains("W: Quota of 1 studies in \(quarry.area("A1")): removing study 1.2.826.0.1.3680043.8.498.5557.1.20 of patient \"P20\" (1 instance, "))
        #expect(log.contains("W: Deleting file: \(quarry.area("A1"))/CT_"))
    }
}
