import Archive
import Foundation
import QuarryTestSupport
import Testing

/// `quarryscp --check-config`'s summary.
@Suite struct ConfigurationSummaryTests {
    @Test func summaryResolvesPeersAndWarnsAboutMissingStorageAreas() throws {
        let directory = try TemporaryDirectory("quarry-config")
        let existing = directory.file("STORE").path
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: true)
        let notAFolder = try directory.write("file", "x")
        let missing = directory.file("missing/INBOX").path
        let text = """
            NetworkTCPPort 11112
            MaxPDUSize 65536
            SpecificCharacterSet "ISO_IR 192", override
            HostTable BEGIN
            viewer = (VIEWER, localhost, 11113)
            scanners = (CT1, ct1.example.org, 104), (CT2, ct2.example.org, 104)
            HostTable END
            AETable BEGIN
            STORE \(existing) RW (500, 1024mb) viewer, scanners
            INBOX \(missing) W (20, 200) ANY
            ODD \(notAFolder) rw (10, 1tb) (MOD9, mod9.example.org, 104)
            AETable END

            """
        let path = try directory.write("summary.cfg", text)
        let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let summary = try Configuration.load(contentsOf: path).checkConfigSummary()
        #expect(summary == """
            \(path): 3 AE titles, 2 HostTable names, 0 VendorTable entries
              port 11112, MaxPDUSize 65536, MaxAssociations 16
              SpecificCharacterSet ISO_IR 192, override

            STORE (line 9)
              storage area  \(existing)
              access        RW: read and write (C-STORE, C-FIND, C-MOVE, C-GET)
              quota         (500, 1024mb): 500 studies, 1 GiB per study
              peers         (VIEWER, localhost, 11113)
                            (CT1, ct1.example.org, 104)
                            (CT2, ct2.example.org, 104)

            INBOX (line 10)
              storage area  \(missing)  (see warnings)
              access        W: write only (C-STORE; queries and retrieves refused)
              quota         (20, 200): 20 studies, no size per study (dcmqrscp: 1 GiB)
              peers         ANY

            ODD (line 11)
              storage area  \(notAFolder)  (see warnings)
              access        rw: read only (C-FIND, C-MOVE, C-GET; storage refused)
              quota         (10, 1tb): 10 studies, 1 byte per study
              peers         (MOD9, mod9.example.org, 104)

            5 warnings:
              \(path):10:\(10 + missing.utf8.count): "(20, 200)": maxBytesPerStudy "200" does not end in "b": dcmqrscp reads no size and applies its upper limit, 1 GiB per study; write e.g. 200mb
              \(path):11:\(6 + notAFolder.utf8.count): "rw": access "rw" is not R, RW, WR or W: dcmqrscp reads any other word as read-only (did you mean "RW"? access is case-sensitive)
              \(path):11:\(9 + notAFolder.utf8.count): "(10, 1tb)": "1tb" is read as 1 byte: only kb, mb and gb are units, dcmqrscp counts anything else as bytes
              \(path):10:1: "\(missing)": storage area of "INBOX" does not exist: quarryscp creates it, parents included, when it starts (dcmqrscp would abort every association to it)
              \(path):11:1: "\(notAFolder)": storage area of "ODD" exists but is not a folder: quarryscp will refuse to start

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before)
    }

    @Test func storageAreaWarningsComeFromTheGivenState() throws {
        let configuration = try Configuration(parsing: "AETable BEGIN\nA /a RW (1, 1mb) ANY\nB /b RW (1, 1mb) ANY\nAETable END\n",
                                              fileName: "s.cfg")
        let warnings = configuration.storageAreaWarnings { $0 == "/a" ? .directory : .missing }
        #expect(warnings.map(\.location) == ["s.cfg:3:1"])
        #expect(warnings.map(\.text) == ["/b"])
    }
}
