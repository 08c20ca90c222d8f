import Archive
import Foundation
import QuarryTestSupport
import Testing

/// The sample configurations of the behaviour spec (`spec/examples/`), whose
/// first comment lines record what dcmqrscp 3.6.7 printed for them.
@Suite struct ConfigurationSampleTests {
    static let examples = TestEnvironment.specDirectory.appendingPathComponent("examples")
    static func path(_ name: String) -> String { examples.appendingPathComponent(name).path }

    static let accepted = ["accepted-01-minimal.cfg", "accepted-02-three-aes.cfg",
                           "accepted-03-syntax-variants.cfg", "accepted-04-interop-fixture.cfg"]
    static let rejected = ["rejected-01-unknown-keyword.cfg", "rejected-02-indented-comment.cfg",
                           "rejected-03-forward-reference.cfg", "rejected-04-missing-end.cfg",
                           "rejected-05-zero-quota.cfg", "rejected-06-whitespace-line-in-table.cfg",
                           "rejected-07-comment-after-peers.cfg", "rejected-08-bad-maxpdu.cfg",
                           "rejected-09-quota-without-parentheses.cfg"]

    @Test func everySampleIsListedHere() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter { $0.hasSuffix(".cfg") }
        #expect(Set(files) == Set(Self.accepted + Self.rejected))
    }

    @Test(arguments: accepted)
    func acceptedSampleParsesWithoutWarnings(_ name: String) throws {
        let configuration = try Configuration.load(contentsOf: Self.path(name))
        #expect(configuration.warnings.isEmpty, "\(configuration.warnings)")
        #expect(try DCMTKConfigOracle.verdict(forFileAt: Self.path(name)).accepted)
    }

    /// The lines the sample's header records (`<file>` replaced by the path).
    static func recordedOutput(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("#   CONFIG Error: ") || line.hasPrefix("#   F: ") else { return nil }
            return line.dropFirst(4).replacingOccurrences(of: "<file>", with: path(name))
        }
    }

    /// Quarry's lines in dcmqrscp's words, in dcmqrscp's order.
    static func dcmqrscpShapedOutput(_ error: ConfigurationError) -> [String] {
        var lines = error.errors.filter(\.isDCMTKMessage).map(\.configErrorLine)
        if case .invalidLines(let file, _, _) = error {
            lines.append("CONFIG Error: Reading configuration file \"\(file)\" with errors!")
        }
        return lines + ["F: " + error.fatalMessage]
    }

    @Test(arguments: rejected)
    func rejectedSamplePrintsWhatDcmqrscpPrinted(_ name: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try Configuration.load(contentsOf: Self.path(name)) }
        #expect(Self.dcmqrscpShapedOutput(error) == (try Self.recordedOutput(name)))
        #expect(error.errors.allSatisfy { $0.file == Self.path(name) && $0.line > 0 && $0.column > 0 })
        #expect(!(try DCMTKConfigOracle.verdict(forFileAt: Self.path(name)).accepted))
    }

    /// Where dcmqrscp prints no cause, Quarry names it.
    @Test(arguments: [
        ("rejected-05-zero-quota.cfg",
         "CONFIG Error: Quota of AE title \"ARCHIVE\" allows 0 studies in configuration file, line 6!",
         ":6:36: \"(0, 10mb)\": expected a number of studies of at least 1, e.g. (200, 1024mb)"),
        ("rejected-06-whitespace-line-in-table.cfg",
         "CONFIG Error: Line of only white space inside AETable in configuration file, line 7!",
         ":7:1: \"   \": expected an entry, an empty line or \"AETable END\": dcmqrscp reads a line of spaces or "
            + "tabs in a table as an entry with no value (make it empty)"),
    ])
    func silentRejectionIsNamed(_ name: String, _ message: String, _ location: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try Configuration.load(contentsOf: Self.path(name)) }
        #expect(error.errors.map(\.configErrorLine) == [message])
        #expect(error.errors.map(\.locationLine) == ["    " + Self.path(name) + location])
    }

    @Test func rejectedMaxPDUSizeIsATypedError() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try Configuration.load(contentsOf: Self.path("rejected-08-bad-maxpdu.cfg"))
        }
        guard case .invalidMaxPDUSize(let value, let diagnostic) = error else {
            Issue.record("expected invalidMaxPDUSize, got \(error)")
            return
        }
        #expect(value == 1024)
        #expect((diagnostic.line, diagnostic.column, diagnostic.text) == (4, 14, "1024"))
        #expect(error.diagnosticText == "    \(Self.path("rejected-08-bad-maxpdu.cfg")):4:14: \"1024\": "
                + "expected MaxPDUSize 0 (meaning 16384) or a size from 4096 to 131072\n")
    }

    // MARK: - What the accepted samples mean

    @Test func minimal() throws {
        let c = try Configuration.load(contentsOf: Self.path("accepted-01-minimal.cfg"))
        #expect((c.networkTCPPort, c.maxPDUSize, c.maxAssociations) == (11112, 16384, 16))
        #expect(c.aeTable == [AEEntry(aeTitle: "ARCHIVE", storageArea: "/var/lib/quarry/ARCHIVE", access: Access("RW"),
                                      quota: ConfiguredQuota(text: "200, 1024mb", maxStudies: 200, maxBytesPerStudy: 1 << 30),
                                      peers: .any, line: 8)])
    }

    @Test func threeAEs() throws {
        let c = try Configuration.load(contentsOf: Self.path("accepted-02-three-aes.cfg"))
        #expect((c.networkTCPPort, c.maxPDUSize, c.maxAssociations) == (11112, 65536, 20))
        #expect(c.specificCharacterSet?.terms == ["fallback"])
        #expect(c.specificCharacterSet?.characterSet == nil)
        #expect((c.userName, c.groupName) == ("", ""))
        let ct1 = Peer(aeTitle: "CT_SCANNER1", hostName: "ct1.example.org", port: 104)
        let ct2 = Peer(aeTitle: "CT_SCANNER2", hostName: "ct2.example.org", port: 104)
        let viewer = Peer(aeTitle: "VIEWER", hostName: "localhost", port: 11113)
        let ws1 = Peer(aeTitle: "WS1", hostName: "ws1.example.org", port: 11112)
        let ws2 = Peer(aeTitle: "WS2", hostName: "ws2.example.org", port: 11112)
        #expect(c.hostEntries.map(\.name) == ["ct1", "ct2", "viewer", "workstation", "scanners", "readers", "everybody"])
        #expect(c.hostTable["scanners"] == [ct1, ct2])
        #expect(c.hostTable["readers"] == [viewer, ws1, ws2])
        #expect(c.hostTable["everybody"] == [ct1, ct2, viewer, ws1, ws2])
        #expect(c.vendorTable == ["Acme CT": [ct1, ct2], "Reading Room": [viewer, ws1, ws2]])
        #expect(c.aeTable.map(\.aeTitle) == ["ARCHIVE", "PUBLIC", "INBOX"])
        #expect(c.aeTable.map(\.line) == [41, 42, 43])
        #expect(c.aeTable.map(\.storageArea) == ["/var/lib/quarry/ARCHIVE", "/var/lib/quarry/PUBLIC", "/var/lib/quarry/INBOX"])
        #expect(c.aeTable.map(\.quota.maxStudies) == [500, 100, 20])
        #expect(c.aeTable.map(\.quota.maxBytesPerStudy) == [1 << 30, 512 << 20, 200 << 20])
        #expect(c.aeTable.map(\.peers) == [.list([ct1, ct2, viewer, ws1, ws2]), .any,
                                          .list([ct1, ct2, Peer(aeTitle: "MOD9", hostName: "mod9.example.org", port: 104)])])
        #expect(c.aeTable.map(\.access.canWrite) == [true, false, true])
        #expect(c.aeTable.map(\.access.canRead) == [true, true, false])
    }

    @Test func syntaxVariants() throws {
        let c = try Configuration.load(contentsOf: Self.path("accepted-03-syntax-variants.cfg"))
        #expect((c.networkTCPPort, c.maxPDUSize, c.maxAssociations) == (11112, 16384, 8))
        #expect(c.specificCharacterSet?.terms == ["ISO_IR 192", "override", "discard", "transliterate"])
        #expect(c.specificCharacterSet?.characterSet == "ISO_IR 192")
        #expect(c.specificCharacterSet.map { ($0.override, $0.fallback, $0.discard, $0.transliterate) }
                ?? (false, false, false, false) == (true, false, true, true))
        let pacs = Peer(aeTitle: "PACS", hostName: "pacs.example.org", port: 104)
        let lab = [Peer(aeTitle: "LAB1", hostName: "lab1.example.org", port: 104),
                   Peer(aeTitle: "LAB2", hostName: "lab2.example.org", port: 104)]
        #expect(c.hostTable == ["pacs": [pacs], "lab group": lab, "all": [pacs] + lab])
        #expect(c.vendorTable == ["Lab Vendor": lab])
        #expect(c.aeTable == [
            AEEntry(aeTitle: "STORE", storageArea: "/var/lib/quarry/store area", access: Access("WR"),
                    quota: ConfiguredQuota(text: "50, 2GB", maxStudies: 50, maxBytesPerStudy: 2 << 30),
                    peers: .list([pacs] + lab), line: 28),
            AEEntry(aeTitle: "QUERY", storageArea: "/var/lib/quarry/query", access: Access("R"),
                    quota: ConfiguredQuota(text: "50,1024Mb", maxStudies: 50, maxBytesPerStudy: 1 << 30),
                    peers: .any, line: 29),
        ])
        #expect(c.aeTable[0].access.canWrite && c.aeTable[0].access.canRead)
    }

    @Test func interopFixture() throws {
        let c = try Configuration.load(contentsOf: Self.path("accepted-04-interop-fixture.cfg"))
        #expect((c.networkTCPPort, c.maxPDUSize, c.maxAssociations) == (11200, 16384, 16))
        let viewer1 = Peer(aeTitle: "VIEWER1", hostName: "localhost", port: 11201)
        let viewer2 = Peer(aeTitle: "VIEWER2", hostName: "127.0.0.1", port: 11202)
        let mod1 = Peer(aeTitle: "MOD1", hostName: "localhost", port: 11203)
        #expect(c.hostTable["everyone"] == [viewer1, viewer2, mod1])
        #expect(c.vendorTable == ["Viewer Vendor": [viewer1, viewer2]])
        #expect(c.aeTable.map(\.aeTitle) == ["STORE", "READONLY", "WRITEONLY", "ANYAE"])
        #expect(c.aeTable.map(\.access.token) == ["RW", "R", "W", "RW"])
        #expect(c.aeTable.map(\.peers) == [.list([viewer1, viewer2, mod1]), .any, .any, .any])
        #expect(c.aeTable.allSatisfy { $0.quota == ConfiguredQuota(text: "200, 1024mb", maxStudies: 200, maxBytesPerStudy: 1 << 30) })
        #expect(c.aeTable.map(\.storageArea) == ["STORE", "READONLY", "WRITEONLY", "ANYAE"].map { "/tmp/quarry-fixture/db/\($0)" })
    }
}
