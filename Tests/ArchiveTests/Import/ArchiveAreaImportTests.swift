import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// A dcmqrscp site switches by changing the binary name (issue 5): on its first
/// start on an area holding `index.dat` and no Quarry index, the area's index
/// is built from `index.dat`'s file list and the files' own attributes.
@Suite struct ArchiveAreaImportTests {
    /// The real dcmqrscp stores three instances; one file is then lost.
    @Test func firstOpenImportsAnAreaWrittenByDcmqrscp() throws {
        let fixture = try DCMQRIndexFixture()
        let root = fixture.folder.path
        let names = ["Müller^Jürgen", "Doe^Jane", "Smith^Ann"]
        try fixture.write((1...3).map { DCMTKIndexFileTests.instance($0, path: "send/s\($0).dcm", study: 6 + $0, name: names[$0 - 1]) })
        try FileManager.default.createDirectory(atPath: root + "/STORE", withIntermediateDirectories: true)
        let port = freeTCPPort()
        try fixture.folder.write("dcmqrscp.cfg", """
            NetworkTCPPort = \(port)
            MaxPDUSize = 16384
            MaxAssociations = 4
            HostTable BEGIN
            HostTable END
            VendorTable BEGIN
            VendorTable END
            AETable BEGIN
            STORE  STORE  RW (10, 100mb) ANY
            AETable END
            """ + "\n")
        let server = try ServerProcess(TestEnvironment.dcmtk("dcmqrscp"), ["-c", "dcmqrscp.cfg", "\(port)"], port: port,
                                       in: fixture.folder, label: "dcmqrscp", currentDirectory: root)
        let sent = try runProcess(TestEnvironment.dcmtk("storescu"),
                                  ["-aec", "STORE", "127.0.0.1", "\(port)", "send/s1.dcm", "send/s2.dcm", "send/s3.dcm"],
                                  currentDirectory: root)
        server.stop(grace: 0.5)
        #expect(sent.status == 0, "\(sent.output)")
        let stored = try objectFiles(root + "/STORE")
        try #require(stored.count == 3)
        let indexBefore = try contentsOfFile(root + "/STORE/index.dat")
        // One object is lost before the switch.
        let lost = try #require(stored.first)
        try FileManager.default.removeItem(atPath: root + "/STORE/" + lost)

        let log = StorageTestLog()
        let area = try ArchiveArea.open(atPath: root + "/STORE", workingDirectory: root, log: log.log)
        let snapshot = try area.index.snapshot()
        #expect(snapshot.count(at: .image) == 2)
        #expect(log.text.contains("W: \(root)/STORE/index.dat: file of record"))
        #expect(log.text.contains("not found: STORE/\(lost)"))
        #expect(log.text.contains("W: Imported \(root)/STORE/index.dat into \(root)/STORE/quarry.index: 2 instances, 1 files missing, 0 unreadable"))
        for entity in snapshot.entities(at: .image) {
            let file = try #require(snapshot.instanceFile(entity))
            #expect(stored.contains(file.fileName))
            #expect(file.fileName != lost)
            // Attributes come from the file, in full: names decoded from ISO_IR 100.
            let n = Int(file.sopInstanceUID.split(separator: ".").last ?? "") ?? 0
            #expect(snapshot.string(.patientName, of: entity) == names[n - 1])
            #expect(snapshot.string(.studyInstanceUID, of: entity) == "\(DCMTKIndexFileTests.root).1.\(6 + n)")
        }
        #expect(try contentsOfFile(root + "/STORE/index.dat") == indexBefore)
        #expect(!FileManager.default.fileExists(atPath: root + "/STORE/.quarry-build"))

        // A second start reads Quarry's index; index.dat is not imported again.
        let again = StorageTestLog()
        let reopened = try ArchiveArea.open(atPath: root + "/STORE", workingDirectory: root, log: again.log)
        #expect(try reopened.index.snapshot().count(at: .image) == 2)
        #expect(!again.text.contains("Imported"))
    }

    /// An import interrupted half way (here: by a stale build folder) leaves no index; the next start imports.
    @Test func staleBuildFolderIsRemovedAndTheImportRedone() throws {
        let (fixture, _) = try DCMTKIndexFileTests.buildArea()
        let root = fixture.folder.path
        try FileManager.default.createDirectory(atPath: root + "/STORE/.quarry-build", withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: URL(fileURLWithPath: root + "/STORE/.quarry-build/quarry.index"))
        let area = try ArchiveArea.open(atPath: root + "/STORE", workingDirectory: root, log: .silent)
        let snapshot = try area.index.snapshot()
        #expect(snapshot.count(at: .image) == 5)
        // Files dcmqridx registered outside the area are indexed where they lie.
        let names = Set(snapshot.entities(at: .image).compactMap { snapshot.instanceFile($0)?.fileName })
        #expect(names == ["CT_6b03b78a61fb6218.dcm", "MR_6b03b791d5633560.dcm", root + "/incoming/a3.dcm",
                          root + "/incoming/a4.dcm", root + "/elsewhere/e5.dcm"])
        #expect(!FileManager.default.fileExists(atPath: root + "/STORE/.quarry-build"))
    }
}
