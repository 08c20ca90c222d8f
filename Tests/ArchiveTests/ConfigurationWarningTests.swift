import Archive
import Foundation
import QuarryTestSupport
import Testing

/// A configuration dcmqrscp accepts and the warnings Quarry gives about it.
struct Warned: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var warnings: [String]

    init(_ name: String, _ text: String, _ warnings: String...) {
        (self.name, self.text, self.warnings) = (name, text, warnings)
    }

    var testDescription: String { name }
}

let warnedConfigurations: [Warned] = [
    Warned("size without b",
           "AETable BEGIN\nARCHIVE /data RW (20, 200) ANY\nAETable END\n",
           "etc/w.cfg:2:18: \"(20, 200)\": maxBytesPerStudy \"200\" does not end in \"b\": dcmqrscp reads no size and applies its upper limit, 1 GiB per study; write e.g. 200mb"),
    Warned("space before the unit",
           "AETable BEGIN\nARCHIVE /data RW (20, 200 mb) ANY\nAETable END\n",
           "etc/w.cfg:2:18: \"(20, 200 mb)\": maxBytesPerStudy \"200\" does not end in \"b\": dcmqrscp reads no size and applies its upper limit, 1 GiB per study; write e.g. 200mb (no space before the unit)"),
    Warned("1tb",
           "AETable BEGIN\nARCHIVE /data RW (20, 1tb) ANY\nAETable END\n",
           "etc/w.cfg:2:18: \"(20, 1tb)\": \"1tb\" is read as 1 byte: only kb, mb and gb are units, dcmqrscp counts anything else as bytes"),
    Warned("1.5gb",
           "AETable BEGIN\nARCHIVE /data RW (20, 1.5gb) ANY\nAETable END\n",
           "etc/w.cfg:2:18: \"(20, 1.5gb)\": \"1.5gb\" is read as 1 GiB: dcmqrscp reads only the whole number at its start"),
    Warned("negative maxStudies",
           "AETable BEGIN\nARCHIVE /data RW (-1, 10mb) ANY\nAETable END\n",
           "etc/w.cfg:2:18: \"(-1, 10mb)\": negative maxStudies -1: dcmqrscp silently treats it as its maximum, 500 studies"),
    Warned("(10)",
           "AETable BEGIN\nARCHIVE /data RW (10) ANY\nAETable END\n",
           "etc/w.cfg:2:18: \"(10)\": no maxBytesPerStudy after the number of studies: dcmqrscp leaves maxBytesPerStudy undefined (DCMTK 3.6.8 rejects this); write e.g. (10, 1024mb)"),
    Warned("(abc, 10mb)",
           "AETable BEGIN\nARCHIVE /data RW (abc, 10mb) ANY\nAETable END\n",
           "etc/w.cfg:2:18: \"(abc, 10mb)\": maxStudies \"abc\" is not a number: dcmqrscp leaves both quota values undefined (DCMTK 3.6.8 rejects this); write e.g. (200, 1024mb)"),
    Warned("(10 10mb)",
           "AETable BEGIN\nARCHIVE /data RW (10 10mb) ANY\nAETable END\n",
           "etc/w.cfg:2:18: \"(10 10mb)\": a comma must follow the number of studies: dcmqrscp leaves maxBytesPerStudy undefined (DCMTK 3.6.8 rejects this); write e.g. (10, 1024mb)"),
    Warned("negative size",
           "AETable BEGIN\nARCHIVE /data RW (10, -5mb) ANY\nAETable END\n",
           "etc/w.cfg:2:18: \"(10, -5mb)\": negative maxBytesPerStudy -5242880: no object can be stored"),
    Warned("access rw",
           "AETable BEGIN\nARCHIVE /data rw (10, 10mb) ANY\nAETable END\n",
           "etc/w.cfg:2:15: \"rw\": access \"rw\" is not R, RW, WR or W: dcmqrscp reads any other word as read-only (did you mean \"RW\"? access is case-sensitive)"),
    Warned("access X",
           "AETable BEGIN\nARCHIVE /data X (10, 10mb) ANY\nAETable END\n",
           "etc/w.cfg:2:15: \"X\": access \"X\" is not R, RW, WR or W: dcmqrscp reads any other word as read-only"),
    Warned("second AETable",
           "AETable BEGIN\nFIRST /data RW (10, 10mb) ANY\nAETable END\nAETable BEGIN\nSECOND /data2 RW (10, 10mb) ANY\nAETable END\n",
           "etc/w.cfg:4:1: \"AETable BEGIN\": a second AETable replaces the first (line 1): dcmqrscp drops the 1 entry read there"),
    Warned("shared storage area",
           "AETable BEGIN\nONE /data RW (10, 10mb) ANY\nTWO /data/ R (10, 10mb) ANY\nAETable END\n",
           "etc/w.cfg:3:1: \"/data/\": AE titles \"ONE\" (line 2) and \"TWO\" share one storage area: they share one index, and each one's quota deletes the other's studies"),
    Warned("duplicate AE title",
           "AETable BEGIN\nSTORE /data RW (10, 10mb) ANY\nSTORE /other R (5, 1mb) ANY\nAETable END\n",
           "etc/w.cfg:3:1: \"STORE\": AE title \"STORE\" is already defined on line 2: its storage area, access and quota come from line 2 only, and the peers of both lines are admitted"),
    Warned("AE title of 23 characters",
           "AETable BEGIN\nARCHIVE_OF_THE_HOSPITAL /data RW (10, 10mb) ANY\nAETable END\n",
           "etc/w.cfg:2:1: \"ARCHIVE_OF_THE_HOSPITAL\": AE title of 23 characters: an AE title has at most 16 (PS3.5 §6.2, AE), so no association can ever call it"),
    Warned("triple without port or host",
           "HostTable BEGIN\na = (A, localhost, )\nb = (B, localhost)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) a, b\nAETable END\n",
           "etc/w.cfg:2:5: \"(A, localhost, )\": peer has no port number: dcmqrscp reads port 0, so C-MOVE to A cannot connect; write (AETitle, HostName, Port)",
           "etc/w.cfg:3:5: \"(B, localhost)\": peer (B, , 0) has no host name: dcmqrscp reads the host only when a comma and the port follow it; write (AETitle, HostName, Port)"),
    Warned("duplicate symbolic name",
           "HostTable BEGIN\na = (A, h1, 104)\na = (B, h2, 104)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) a\nAETable END\n",
           "etc/w.cfg:3:1: \"a\": symbolic name \"a\" is already defined on line 2: dcmqrscp uses the first definition and ignores this one"),
    Warned("MaxAssociations 0",
           "MaxAssociations 0\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable END\n",
           "etc/w.cfg:1:17: \"0\": MaxAssociations 0 admits no association: every association will be refused"),
    Warned("numbers that are not",
           "NetworkTCPPort abc\nMaxPDUSize x\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable END\n",
           "etc/w.cfg:1:16: \"abc\": NetworkTCPPort has no number: dcmqrscp keeps the previous value (default 104)",
           "etc/w.cfg:2:12: \"x\": MaxPDUSize has no number: dcmqrscp reads 0, which means the default, 16384"),
    Warned("unterminated quote after a peer",
           "HostTable BEGIN\na = (A, h, 1), (B, h, 2\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) a\nAETable END\n",
           "etc/w.cfg:2:16: \"(B, h, 2\": unterminated quote: dcmqrscp silently ignores the rest of the line, peers included"),
    Warned("mismatched quotes",
           "HostTable BEGIN\n\"lab group' = (A, h, 1)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) 'lab group'\nAETable END\n",
           "etc/w.cfg:2:1: \"\"lab group'\": value opened with \" ends at ': dcmqrscp ends a quoted value at the next \" ' ( or ), so it reads \"lab group\""),
    Warned("empty file",
           "",
           "etc/w.cfg:1:1: no AETable entries: every association will be refused"),
    Warned("table keyword without BEGIN",
           "AETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable END\nHostTable\nHostTable END\n",
           "etc/w.cfg:4:1: \"HostTable\": HostTable without BEGIN or END: dcmqrscp reuses the word of the previous table line, \"BEGIN\""),
]

@Suite struct ConfigurationWarningTests {
    @Test(arguments: warnedConfigurations)
    func acceptedWithWarnings(_ warned: Warned) throws {
        let configuration = try Configuration(parsing: warned.text, fileName: "etc/w.cfg")
        #expect(configuration.warnings.map(\.rendered) == warned.warnings)
        #expect(configuration.warnings.allSatisfy { $0.severity == .warning })
    }

    /// Each is a configuration the real dcmqrscp starts with, silently.
    @Test(arguments: warnedConfigurations)
    func dcmqrscpAcceptsItSilently(_ warned: Warned) throws {
        let verdict = try DCMTKConfigOracle.verdict(for: warned.text, in: TemporaryDirectory("quarry-config"))
        #expect(verdict.accepted)
        #expect(verdict.configErrorLines.isEmpty)
    }

    /// A 679-character line: dcmqrscp keeps AE000-AE017 in "big" and reads
    /// the rest, from column 512, as a HostTable entry named "11018)".
    @Test func lineCutAt511Characters() throws {
        let triples = (0..<25).map { "(AE\(String(format: "%03d", $0)), localhost, \(11000 + $0))" }
        let line = "big = " + triples.joined(separator: ", ")
        let text = "HostTable BEGIN\n\(line)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) big\nAETable END\n"
        let configuration = try Configuration(parsing: text, fileName: "etc/w.cfg")
        #expect(line.utf8.count == 679)
        #expect(configuration.hostTable["big"]?.map(\.aeTitle) == (0..<18).map { "AE" + String(format: "%03d", $0) })
        #expect(configuration.hostTable["11018)"]?.map(\.aeTitle) == (19..<25).map { "AE" + String(format: "%03d", $0) })
        #expect(configuration.aeTable.first?.peers.triples.count == 18)
        #expect(configuration.warnings.map(\.rendered) == [
            "etc/w.cfg:2:493: \"(AE018, localhost, \": unterminated quote: dcmqrscp silently ignores the rest of the line, peers included",
            "etc/w.cfg:2:512: line of 679 characters: dcmqrscp reads at most 511 at a time, so it reads the text from column 512 on as a separate line, and loses a value cut in two there; split the entry (HostTable groups can list other groups)",
        ])
        #expect(try DCMTKConfigOracle.verdict(for: text, in: TemporaryDirectory("quarry-config")).accepted)
    }

    /// A comment of exactly 511 characters is cut before its newline, which
    /// dcmqrscp then reads as an empty line: nothing to warn about.
    @Test func commentOf511CharactersIsHarmless() throws {
        let text = "#" + String(repeating: "x", count: 510) + "\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable END\n"
        #expect(try Configuration(parsing: text, fileName: "etc/w.cfg").warnings.isEmpty)
    }

    /// An entry line of exactly 511 characters loses its last value (no
    /// separator follows it in the piece dcmqrscp reads).
    @Test func entryOf511CharactersLosesItsLastValue() throws {
        let area = "/" + String(repeating: "a", count: 511 - "ARCHIVE / RW (10, 10mb) ANY".utf8.count)
        let text = "AETable BEGIN\nARCHIVE \(area) RW (10, 10mb) ANY\nAETable END\n"
        let error = try #require(throws: ConfigurationError.self) { try Configuration(parsing: text, fileName: "etc/w.cfg") }
        #expect(error.errors.map(\.configErrorLine) == ["CONFIG Error: No peers for AE title \"ARCHIVE\" in configuration file, line 2!"])
        guard case .invalidLines(_, _, let warnings) = error else { return }
        #expect(warnings.map(\.message).contains { $0.hasPrefix("line of 511 characters") && $0.contains("loses the last value") })
        #expect(!(try DCMTKConfigOracle.verdict(for: text, in: TemporaryDirectory("quarry-config")).accepted))
    }
}
