import Foundation
import QuarryTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// quarryscp's start-up sequence, exit codes and messages (spec §1.3, §2.8),
/// side by side with dcmqrscp where dcmqrscp does the same.
@Suite struct ServerStartupTests {
    static let quarryscp = TestEnvironment.binary("quarryscp")
    static let dcmqrscp = TestEnvironment.dcmtk("dcmqrscp")

    func run(_ tool: String, _ arguments: [String], currentDirectory: String? = nil) throws -> ProcessResult {
        try runProcess(tool, arguments, currentDirectory: currentDirectory, timeout: 30)
    }

    func fatalLines(_ r: ProcessResult) -> [String] {
        r.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("F: ") }
    }

    @Test func missingConfigFile() throws {
        let args = ["-c", "/nonexistent/dcmqrscp.cfg", String(freeTCPPort())]
        let quarry = try run(Self.quarryscp, args)
        #expect(quarry.status == 10)
        #expect(quarry.stderr == "F: cannot access /nonexistent/dcmqrscp.cfg: No such file or directory\n")
        let dcmtk = try run(Self.dcmqrscp, args)
        #expect(dcmtk.status == 10)
        #expect(quarry.stderr == dcmtk.stderr)
    }

    static var noDefaultConfigExists: Bool {
        !["/usr//etc/dcmtk/dcmqrscp.cfg", "/usr/local/etc/dcmtk/dcmqrscp.cfg", "/usr/local/etc/quarry/dcmqrscp.cfg"]
            .contains { FileManager.default.fileExists(atPath: $0) }
    }

    /// Without `-c`: dcmqrscp's compiled-in default is looked at first, and named when nothing is found.
    @Test(.enabled(if: noDefaultConfigExists, "a default config is installed on this machine"))
    func noConfigOptionNamesDcmqrscpsDefault() throws {
        let quarry = try run(Self.quarryscp, [String(freeTCPPort())])
        #expect(quarry.status == 10)
        #expect(quarry.stderr == "F: cannot access /usr//etc/dcmtk/dcmqrscp.cfg: No such file or directory\n")
    }

    static let rejectedSamples = (try? FileManager.default.contentsOfDirectory(
        atPath: TestEnvironment.specDirectory.appendingPathComponent("examples").path))?
        .filter { $0.hasPrefix("rejected-") }.sorted() ?? []

    @Test(arguments: rejectedSamples) func invalidConfigStopsLikeDcmqrscp(_ name: String) throws {
        let dir = try TemporaryDirectory()
        let path = dir.file(name).path
        try FileManager.default.copyItem(atPath: TestEnvironment.specDirectory.appendingPathComponent("examples/\(name)").path,
                                         toPath: path)
        let port = String(freeTCPPort())
        let quarry = try run(Self.quarryscp, ["-c", path, port])
        let dcmtk = try run(Self.dcmqrscp, ["-c", path, port])
        #expect(dcmtk.status == 10)
        #expect(quarry.status == 10)
        #expect(fatalLines(quarry) == fatalLines(dcmtk))
        let theirs = dcmtk.stderr.split(separator: "\n").filter { $0.hasPrefix("CONFIG Error: ") }
        let ours = quarry.stderr.split(separator: "\n").filter { $0.hasPrefix("CONFIG Error: ") }
        #expect(Set(theirs).isSubset(of: Set(ours)), "\(quarry.stderr)")
    }

    @Test func invalidMaxPDUSize() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.cfg", "MaxPDUSize = 200000\nAETable BEGIN\nA \(dir.path)/A RW (1, 1mb) ANY\nAETable END\n")
        let quarry = try run(Self.quarryscp, ["-c", path, String(freeTCPPort())])
        #expect(quarry.status == 10)
        #expect(fatalLines(quarry) == ["F: invalid MaxPDUSize in config file"])
    }

    @Test func portInUse() throws {
        let fixture = try QuarryServerFixture()
        let second = try run(Self.quarryscp, ["-c", fixture.configPath, String(fixture.port)])
        #expect(second.status == 10)
        #expect(second.stderr.hasSuffix(
            "F: cannot initialize network: 0006:031c TCP Initialization Error: Address already in use\n"))
        #expect(fixture.server.isRunning)
    }

    @Test func privilegedPortNeedsRoot() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("a.cfg", "AETable BEGIN\nA \(dir.path)/A RW (1, 1mb) ANY\nAETable END\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let result = geteuid() == 0
            ? try run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Self.quarryscp, "-c", path, "104"])
            : try run(Self.quarryscp, ["-c", path, "104"])
        #expect(result.status == 10)
        #expect(result.stderr == "F: cannot listen on port 104, insufficient privileges\n")
    }

    @Test(arguments: [("UserName = nosuchuser", "F: bad user name nosuchuser"),
                      ("GroupName = nosuchgroup", "F: bad group name nosuchgroup"),
                      ("GroupName = nosuchgroup\nUserName = nosuchuser", "F: bad group name nosuchgroup")])
    func unknownUserOrGroup(_ line: String, _ message: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("a.cfg", "\(line)\nAETable BEGIN\nA \(dir.path)/A RW (1, 1mb) ANY\nAETable END\n")
        let quarry = try run(Self.quarryscp, ["-c", path, String(freeTCPPort())])
        #expect(quarry.status == 10)
        #expect(fatalLines(quarry) == [message])
        let dcmtk = try run(Self.dcmqrscp, ["-c", path, String(freeTCPPort())])
        #expect(fatalLines(dcmtk) == [message])
    }

    /// Started as root with UserName/GroupName: after binding, the server runs as that user.
    @Test(.enabled(if: geteuid() == 0, "needs root to switch users"))
    func dropsPrivilegesToUserName() throws {
        let dir = try TemporaryDirectory()
        let area = dir.file("A").path
        try FileManager.default.createDirectory(atPath: area, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o777])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let path = try dir.write("a.cfg", "UserName = nobody\nGroupName = nogroup\nAETable BEGIN\nA \(area) RW (1, 1mb) ANY\nAETable END\n")
        let port = freeTCPPort()
        let server = try ServerProcess(Self.quarryscp, ["-c", path, String(port)], port: port, in: dir)
        // The port accepts once bound; the switch follows the bind (spec §1.3): wait for it.
        var status = ""
        let deadline = Date().addingTimeInterval(10)
        repeat {
            status = try String(contentsOfFile: "/proc/\(server.pid)/status", encoding: .utf8)
            if status.contains("\nUid:\t65534\t") { break }
            Thread.sleep(forTimeInterval: 0.01)
        } while Date() < deadline
        #expect(status.contains("\nUid:\t65534\t65534\t65534\t65534\n"))
        #expect(status.contains("\nGid:\t65534\t65534\t65534\t65534\n"))
        let echo = try runProcess(QuarryServerFixture.echoscu, ["-aet", "X", "-aec", "A", "localhost", String(port)], timeout: 30)
        #expect(echo.status == 0)
    }

    @Test func storageAreasAreCreatedAtStart() throws {
        let fixture = try QuarryServerFixture()
        // The port is bound before the areas are opened (spec §1.3's order): wait for the last one.
        #expect(fixture.server.waitForLog("areas/READONLY did not exist: created it"))
        for ae in ["STORE", "ANYAE", "READONLY"] {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: "\(fixture.directory.path)/areas/\(ae)", isDirectory: &isDirectory))
            #expect(isDirectory.boolValue)
            #expect(logLines(fixture.server).contains("W: storage area \(fixture.directory.path)/areas/\(ae) did not exist: created it"))
        }
    }

    @Test func relativeStorageAreasAreRelativeToTheWorkingDirectory() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("a.cfg", "AETable BEGIN\nA storage/A RW (1, 1mb) ANY\nAETable END\n")
        let port = freeTCPPort()
        let server = try ServerProcess(Self.quarryscp, ["-c", path, String(port)], port: port, in: dir)
        #expect(server.waitForLog("W: storage area storage/A did not exist: created it"))
        #expect(FileManager.default.fileExists(atPath: dir.file("storage/A").path))
        #expect(server.isRunning)
    }

    @Test func storageAreaThatCannotBeCreatedStopsTheStart() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("plainfile", "not a folder")
        let path = try dir.write("a.cfg", """
            AETable BEGIN
            GOOD \(dir.path)/good RW (1, 1mb) ANY
            BAD  \(file)/BAD RW (1, 1mb) ANY
            AETable END

            """)
        let quarry = try run(Self.quarryscp, ["-c", path, String(freeTCPPort())])
        #expect(quarry.status == 10)
        #expect(fatalLines(quarry).count == 1)
        #expect(fatalLines(quarry).first?.contains("AE title BAD (AETable line 3)") == true, "\(quarry.stderr)")
        #expect(fatalLines(quarry).first?.contains("\(file)/BAD") == true)
    }

    @Test func checkConfigPrintsASummaryAndChangesNothing() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("dcmqrscp.cfg", QuarryServerFixture.configText(dir))
        let result = try run(Self.quarryscp, ["--check-config", "-c", path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("\(path): 3 AE titles, 3 HostTable names, 0 VendorTable entries\n"))
        #expect(result.stdout.contains("\nSTORE (line 9)\n"))
        #expect(result.stdout.contains("(VIEWER2, 127.0.0.1, 11202)"))
        #expect(result.stdout.contains("does not exist: quarryscp creates it"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("areas").path))
    }

    @Test func checkConfigFailsOnAnInvalidFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.cfg", "MaxPduSize = 16384\n")
        let result = try run(Self.quarryscp, ["--check-config", "-c", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("CONFIG Error: Unknown mnemonic \"MaxPduSize\" in configuration file, line 1!"))
        #expect(fatalLines(result) == ["F: bad config file: \(path)"])
    }

    @Test func checkConfigFailsWhenTheServerWouldNotStart() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("plainfile", "x")
        let path = try dir.write("a.cfg", "UserName = nosuchuser\nAETable BEGIN\nA \(file) RW (1, 1mb) ANY\nAETable END\n")
        let result = try run(Self.quarryscp, ["--check-config", "-c", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("E: storage area of A (line 3) is not a folder: \(file)"))
        #expect(result.stderr.contains("E: bad user name nosuchuser"))
    }

    /// `-xf` problems are reported as dcmqrscp reports them, exit 1, before the config is read.
    @Test(arguments: [["/nonexistent/assoc.cfg", "Default", "Default"], ["/etc/dcmtk/storescp.cfg", "Nope", "Default"],
                      ["/etc/dcmtk/storescu.cfg", "Default", "Default"]])
    func associationProfileErrors(_ xf: [String]) throws {
        let args = ["-c", "/nonexistent/dcmqrscp.cfg", "-xf"] + xf + [String(freeTCPPort())]
        let quarry = try run(Self.quarryscp, args)
        let dcmtk = try run(Self.dcmqrscp, args)
        #expect(quarry.status == 1)
        #expect(dcmtk.status == 1)
        #expect(quarry.stderr == dcmtk.stderr)
    }

    @Test func associationProfileInUse() throws {
        let dir = try TemporaryDirectory()
        let profiles = try dir.write("assoc.cfg", """
            [[TransferSyntaxes]]
            [Implicit]
            TransferSyntax1 = LittleEndianImplicit
            [[PresentationContexts]]
            [In]
            PresentationContext1 = VerificationSOPClass\\Implicit
            [[Profiles]]
            [P]
            PresentationContexts = In

            """)
        let fixture = try QuarryServerFixture(["-xf", profiles, "P", "P"])
        #expect(try fixture.echoscu().status == 0)
    }
}
