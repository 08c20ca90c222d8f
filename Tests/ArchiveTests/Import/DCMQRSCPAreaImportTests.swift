import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// The migration case itself: an area the real dcmqrscp stored into
/// (`<area>/<prefix>_<hex>.dcm`, recorded as the area was configured).
@Suite struct DCMQRSCPAreaImportTests {
    @Test func importsAnAreaWrittenByDcmqrscp() throws {
        let fixture = try DCMQRIndexFixture()
        let root = fixture.folder.path
        try fixture.write((1...3).map { DCMTKIndexFileTests.instance($0, path: "send/s\($0).dcm", study: 9) })
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
        let sent = try runProcess(TestEnvironment.dcmtk("storescu"), ["-aec", "STORE", "127.0.0.1", "\(port)", "send/s1.dcm", "send/s2.dcm", "send/s3.dcm"],
                                  currentDirectory: root)
        server.stop(grace: 0.5)   // the index is written before each C-STORE-RSP
        #expect(sent.status == 0, "\(sent.output)")

        let result = try DCMTKIndexImport.load(area: root + "/STORE", workingDirectory: root, log: .silent)
        #expect(result.missing.isEmpty)
        #expect(result.files.map(\.record.sopInstanceUID) == (1...3).map { "\(DCMTKIndexFileTests.root).3.\($0)" })
        for file in result.files {
            let name = try #require(file.nameInArea)
            #expect(name.wholeMatch(of: /MR_[0-9a-f]{16}\.dcm|CT_[0-9a-f]{16}\.dcm/) != nil)
            #expect(file.record.filename == "STORE/" + name)
            #expect(file.path == root + "/STORE/" + name)
            #expect(file.record.isNew)
        }
        let stored = try entriesOfFolder(root + "/STORE").filter { $0.hasSuffix(".dcm") }
        #expect(Set(result.files.compactMap(\.nameInArea)) == Set(stored))
        #expect(result.index.studies.map(\.numberOfImages) == [3])
    }
}
