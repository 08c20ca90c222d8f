import Archive
import DICOM
import DICOMNetwork
import Foundation
import QRServer
import QuarryTestSupport
import Testing

/// A C-ECHO provider that answers and logs what its association runs under:
/// the called AE's access token and storage area folder.
struct SnapshotProbe: DIMSEServiceProvider {
    var commandFields: Set<CommandField> { [.cEchoRQ] }
    var abstractSyntaxes: Set<String> { [SOPClass.verificationUID] }
    func handle(_ command: IncomingCommand, context: ServiceContext) throws {
        context.log.info("probe: \(context.calledAETitle) \(context.calledAE.access.token) \(context.storageArea.path)")
        guard case .cEchoRQ(let rq) = command.message else { return }
        try context.association.send(CEchoRSP(messageIDBeingRespondedTo: rq.messageID),
                                     presentationContextID: command.presentationContextID)
    }
}

/// A server in this process whose configuration is a file it can reload (SIGHUP's work, issue 8).
final class ReloadableServer: @unchecked Sendable {
    let directory: TemporaryDirectory
    let configPath: String
    let lines = LogLines()
    let server: QueryRetrieveServer
    private let thread: Thread

    /// `{dir}` in `aeTable` stands for the server's folder.
    init(_ aeTable: String = "STORE {dir}/STORE RW (10, 10mb) ANY", options: ServerOptions = ServerOptions()) throws {
        directory = try TemporaryDirectory("quarry-reload")
        configPath = try directory.write("dcmqrscp.cfg",
                                         Self.config(aeTable.replacingOccurrences(of: "{dir}", with: directory.path)))
        let configuration = try Configuration.load(contentsOf: configPath)
        var options = options
        options.acseTimeout = 5
        var registry = ServiceRegistry()
        registry.register(SnapshotProbe())
        let log = lines.log
        server = QueryRetrieveServer(listener: try TCPListener(port: 0), configuration: configuration, options: options,
                                     registry: registry, storageAreas: try ServerStorageAreas.open(configuration, log: log),
                                     configurationPath: configPath, log: log, stopGrace: .seconds(5))
        let server = self.server
        thread = Thread { _ = server.serve() }
        thread.start()
    }

    static func config(_ aeTable: String) -> String { "AETable BEGIN\n\(aeTable)\nAETable END\n" }

    /// `<folder>/<name>`.
    func area(_ name: String) -> String { directory.path + "/" + name }

    func rewrite(_ text: String) throws { _ = try directory.write("dcmqrscp.cfg", text) }

    func associate(called: String, calling: String = "TESTSCU") throws -> Association {
        let configuration = AssociationConfiguration(implementationClassUID: "1.2.3.4", acseTimeout: .seconds(5),
                                                     dimseTimeout: .seconds(5), connectTimeout: .seconds(5))
        return try AssociationRequestor(callingAETitle: calling, configuration: configuration).request(
            calledAETitle: called, host: "127.0.0.1", port: server.listener.port, presentationContexts: [
                ProposedPresentationContext(abstractSyntax: SOPClass.verificationUID, transferSyntaxes: ["1.2.840.10008.1.2"]),
            ])
    }

    /// Associates, echoes, releases; the probe's line, or the A-ASSOCIATE-RJ.
    func echo(_ called: String, calling: String = "TESTSCU") throws -> String {
        let association: Association
        do { association = try associate(called: called, calling: calling) } catch {
            return "\(error)"
        }
        let line = try echo(on: association)
        try association.release()
        return line
    }

    /// One C-ECHO on an open association; the probe's line for it.
    func echo(on association: Association) throws -> String {
        let id = association.nextMessageID()
        let before = lines.all.filter { $0.hasPrefix("I: probe: ") }.count
        try association.send(CEchoRQ(messageID: id), presentationContextID: 1)
        guard case .command(let rsp) = try association.receive(), case .cEchoRSP = rsp.message else {
            return "no C-ECHO-RSP"
        }
        return lines.all.filter { $0.hasPrefix("I: probe: ") }.dropFirst(before).first ?? "no probe line"
    }

    deinit { server.stop(reason: "test over") }
}

@Suite struct ReloadTests {
    static let rejected = "0006:0317 Association Rejected"

    @Test func addedAETitleAnswersRemovedOneRefuses() throws {
        let s = try ReloadableServer()
        let store = s.area("STORE"), added = s.area("ADDED")
        try s.rewrite(ReloadableServer.config("STORE \(store) RW (10, 10mb) ANY"))
        #expect(s.server.reload() == .reloaded(generation: 2))
        #expect(try s.echo("ADDED").contains("Rejected"))
        try s.rewrite(ReloadableServer.config("ADDED \(added) RW (10, 10mb) ANY"))
        #expect(s.server.reload() == .reloaded(generation: 3))
        #expect(try s.echo("ADDED") == "I: probe: ADDED RW \(added)")
        #expect(try s.echo("STORE").contains("Rejected"))
        #expect(FileManager.default.fileExists(atPath: added))   // opened (created) at reload
        #expect(s.lines.all.contains("I: SIGHUP: configuration reloaded from \(s.configPath): AE titles added: ADDED; "
                                     + "removed: STORE; 0 association(s) in progress keep the configuration they started with"))
    }

    @Test func peersApplyToNewAssociations() throws {
        let s = try ReloadableServer()
        let store = s.area("STORE")
        try s.rewrite(ReloadableServer.config("STORE \(store) RW (10, 10mb) (VIEWER1, localhost, 104)"))
        #expect(s.server.reload() == .reloaded(generation: 2))
        #expect(try s.echo("STORE", calling: "TESTSCU").contains("Rejected"))
        #expect(try s.echo("STORE", calling: "VIEWER1") == "I: probe: STORE RW \(store)")
        #expect(s.lines.all.contains {
            $0.hasPrefix("I: SIGHUP: configuration reloaded from \(s.configPath): changed: STORE;")
        })
    }

    /// The association in flight keeps its access and folder; a new one gets the new ones.
    @Test func associationInFlightKeepsItsConfiguration() throws {
        let s = try ReloadableServer("STORE {dir}/unused RW (10, 10mb) ANY")
        let first = s.area("first"), second = s.area("second")
        try s.rewrite(ReloadableServer.config("STORE \(first) RW (10, 10mb) ANY"))
        #expect(s.server.reload() == .reloaded(generation: 2))
        let held = try s.associate(called: "STORE")
        #expect(try s.echo(on: held) == "I: probe: STORE RW \(first)")
        try s.rewrite(ReloadableServer.config("STORE \(second) R (10, 10mb) ANY"))
        #expect(s.server.reload() == .reloaded(generation: 3))
        #expect(try s.echo("STORE") == "I: probe: STORE R \(second)")
        #expect(try s.echo(on: held) == "I: probe: STORE RW \(first)")
        try held.release()
        #expect(s.lines.all.contains("I: SIGHUP: STORE now stores into \(second) (was \(first)); "
                                     + "associations in progress finish in \(first)"))
        #expect(s.lines.all.contains {
            $0.hasSuffix("changed: STORE; 1 association(s) in progress keep the configuration they started with")
        })
    }

    @Test func anAreaStillOpenIsReusedNotOpenedTwice() throws {
        let s = try ReloadableServer("STORE {dir}/unused RW (10, 10mb) ANY")
        let store = s.area("STORE"), other = s.area("OTHER")
        try s.rewrite(ReloadableServer.config("STORE \(store) RW (10, 10mb) ANY"))
        s.server.reload()
        let area = try #require(s.server.storageAreas.area(forAETitle: "STORE"))
        // Same folder, other settings: the same area.
        try s.rewrite(ReloadableServer.config("STORE \(store) R (20, 20mb) ANY\nSECOND \(store) RW (1, 1mb) ANY"))
        s.server.reload()
        #expect(s.server.storageAreas.area(forAETitle: "STORE") === area)
        #expect(s.server.storageAreas.area(forAETitle: "SECOND") === area)
        // Removed while held (an association in flight), configured again: still the same area.
        try s.rewrite(ReloadableServer.config("OTHER \(other) RW (1, 1mb) ANY"))
        s.server.reload()
        try s.rewrite(ReloadableServer.config("STORE \(store) RW (1, 1mb) ANY"))
        s.server.reload()
        #expect(s.server.storageAreas.area(forAETitle: "STORE") === area)
    }

    @Test func invalidConfigurationIsRefusedWithItsLocationAndTheOldOneStays() throws {
        let s = try ReloadableServer("STORE {dir}/unused RW (10, 10mb) ANY")
        let store = s.area("STORE")
        try s.rewrite(ReloadableServer.config("STORE \(store) RW (10, 10mb) ANY"))
        s.server.reload()
        try s.rewrite("AETable BEGIN\nSTORE \(store) RW (10, 10mb) nosuchgroup\nNEW \(s.area("NEW")) RW (1, 1mb) ANY\nAETable END\n")
        #expect(s.server.reload() == .refused)
        #expect(s.server.snapshot.generation == 2)
        let lines = s.lines.all
        #expect(lines.contains("E: CONFIG Error: No symbolic names defined!"))
        #expect(lines.contains { $0.hasPrefix("E:     \(s.configPath):2:") })
        #expect(lines.contains("E: SIGHUP: bad config file: \(s.configPath): not reloaded, the configuration in force is unchanged"))
        #expect(try s.echo("STORE") == "I: probe: STORE RW \(store)")
        #expect(try s.echo("NEW").contains("Rejected"))
        #expect(!FileManager.default.fileExists(atPath: s.area("NEW")))
    }

    @Test func storageAreaThatCannotBeOpenedRefusesTheReload() throws {
        let s = try ReloadableServer("STORE {dir}/unused RW (10, 10mb) ANY")
        let store = s.area("STORE")
        try s.rewrite(ReloadableServer.config("STORE \(store) RW (10, 10mb) ANY"))
        s.server.reload()
        let file = try s.directory.write("not-a-folder", "x")
        try s.rewrite(ReloadableServer.config("STORE \(store) RW (10, 10mb) ANY\nBROKEN \(file) RW (1, 1mb) ANY"))
        #expect(s.server.reload() == .refused)
        #expect(s.lines.all.contains {
            $0.hasPrefix("E: SIGHUP: cannot open the storage area of AE title BROKEN (AETable line 3)")
                && $0.hasSuffix("\(s.configPath) not reloaded, the configuration in force is unchanged")
        })
        #expect(try s.echo("BROKEN").contains("Rejected"))
        #expect(try s.echo("STORE") == "I: probe: STORE RW \(store)")
    }

    @Test func settingsReadOnlyAtStartAreReported() throws {
        let s = try ReloadableServer("STORE {dir}/unused RW (10, 10mb) ANY")
        try s.rewrite("NetworkTCPPort = 11999\nMaxPDUSize = 32768\n" + ReloadableServer.config("STORE \(s.area("STORE")) RW (10, 10mb) ANY"))
        #expect(s.server.reload() == .reloaded(generation: 2))
        #expect(s.lines.all.contains("W: SIGHUP: NetworkTCPPort 11999 takes effect at the next start; still listening on \(s.server.listener.port)"))
        // MaxPDUSize applies to associations negotiated from now on.
        let association = try s.associate(called: "STORE")
        #expect(association.peerMaximumLength == 32768)
        try association.release()
    }
}
