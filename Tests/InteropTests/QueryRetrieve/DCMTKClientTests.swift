import Foundation
import QuarryTestSupport
import Testing

/// DCMTK's own Q/R clients — findscu, movescu, getscu — against dcmqrscp and
/// quarryscp alike, across every information model and level (issue 6 "Tests"),
/// on the spec's F1 data: exit status, number of responses, objects received.
@Suite("DCMTK Q/R clients", .timeLimit(.minutes(3)))
struct DCMTKClientTests {
    static let root = "1.2.826.0.1.3680043.8.498.7777"

    /// One request: the model flag of findscu/movescu/getscu, the keys, and how many
    /// entities (C-FIND) or instances (C-MOVE, C-GET) F1 holds for it.
    struct Row: Sendable, CustomStringConvertible {
        var model: String
        var keys: [String]
        var matches: Int
        var instances: Int
        var description: String { "\(model) " + keys.joined(separator: " ") }
    }

    static let rows: [Row] = [
        Row(model: "-P", keys: ["QueryRetrieveLevel=PATIENT", "PatientID=P001"], matches: 1, instances: 5),
        Row(model: "-P", keys: ["QueryRetrieveLevel=PATIENT", "PatientID", "PatientName"], matches: 5, instances: 9),
        Row(model: "-P", keys: ["QueryRetrieveLevel=STUDY", "PatientID=P001", "StudyInstanceUID"], matches: 2, instances: 5),
        Row(model: "-P", keys: ["QueryRetrieveLevel=SERIES", "PatientID=P001", "StudyInstanceUID=\(root).1",
                                "SeriesInstanceUID"], matches: 2, instances: 4),
        Row(model: "-P", keys: ["QueryRetrieveLevel=IMAGE", "PatientID=P001", "StudyInstanceUID=\(root).1",
                                "SeriesInstanceUID=\(root).1.2", "SOPInstanceUID"], matches: 2, instances: 2),
        Row(model: "-S", keys: ["QueryRetrieveLevel=STUDY", "StudyInstanceUID"], matches: 6, instances: 9),
        Row(model: "-S", keys: ["QueryRetrieveLevel=STUDY", "StudyInstanceUID=\(root).3\\\(root).4"], matches: 2, instances: 2),
        Row(model: "-S", keys: ["QueryRetrieveLevel=SERIES", "StudyInstanceUID=\(root).1", "SeriesInstanceUID"],
            matches: 2, instances: 4),
        Row(model: "-S", keys: ["QueryRetrieveLevel=IMAGE", "StudyInstanceUID=\(root).1", "SeriesInstanceUID=\(root).1.1",
                                "SOPInstanceUID=\(root).1.1.2"], matches: 1, instances: 1),
        Row(model: "-O", keys: ["QueryRetrieveLevel=PATIENT", "PatientID=P00*"], matches: 5, instances: 9),
        Row(model: "-O", keys: ["QueryRetrieveLevel=STUDY", "PatientID=P001", "StudyInstanceUID=\(root).2"],
            matches: 1, instances: 1),
    ]

    /// Both servers with F1 stored, and storescp as VIEWER1 for the moves.
    final class Servers: @unchecked Sendable {
        let directory: TemporaryDirectory
        let servers: [QRServerUnderTest]
        let destinations: [MoveDestination]

        init() throws {
            directory = try TemporaryDirectory("quarry-dcmtk-clients")
            let data = try QRFixtureData.writeF1(into: directory.file("data").path)
            var servers: [QRServerUnderTest] = []
            var destinations: [MoveDestination] = []
            for kind in QRServerUnderTest.Kind.allCases {
                let server = try QRServerUnderTest(kind: kind, in: directory)
                try server.store([data])
                guard let port = server.destinationPort(of: "VIEWER1") else { throw ScriptFailure(script: "F1", detail: "no VIEWER1") }
                destinations.append(try MoveDestination(aeTitle: "VIEWER1", port: port, in: directory))
                servers.append(server)
            }
            (self.servers, self.destinations) = (servers, destinations)
        }
    }

    static func run(_ tool: String, _ arguments: [String], in folder: String? = nil) throws -> ProcessResult {
        try runProcess("/usr/bin/env", ["TCP_NODELAY=1", TestEnvironment.dcmtk(tool), "-v", "-to", "10", "-ta", "10", "-td", "20"]
                       + arguments, currentDirectory: folder, timeout: 60)
    }

    static func keys(_ row: Row) -> [String] { row.keys.flatMap { ["-k", $0] } }

    @Test func findMoveAndGetOnEveryModelAndLevel() throws {
        let setup = try Servers()
        for (server, destination) in zip(setup.servers, setup.destinations) {
            for row in Self.rows {
                let label = "\(server.kind) \(row)"
                // C-FIND: one pending response per match (spec §6.5), exit 0.
                let find = try Self.run("findscu", [row.model, "-aet", "VIEWER1", "-aec", "STORE"] + Self.keys(row)
                                        + ["127.0.0.1", String(server.port)])
                #expect(find.status == 0, "\(label): findscu \(find.stderr.suffix(400))")
                #expect(find.stderr.components(separatedBy: "(Pending)").count - 1 == row.matches, "\(label): C-FIND")

                // C-MOVE to storescp: every instance arrives (spec §7).
                for file in destination.receivedFiles { try FileManager.default.removeItem(atPath: file) }
                let move = try Self.run("movescu", [row.model, "-aet", "VIEWER1", "-aec", "STORE", "-aem", "VIEWER1"]
                                        + Self.keys(row) + ["127.0.0.1", String(server.port)])
                #expect(move.status == 0, "\(label): movescu \(move.stderr.suffix(400))")
                #expect(move.stderr.contains("Received Final Move Response (Success)"), "\(label)")
                #expect(destination.receivedFiles.count == row.instances, "\(label): C-MOVE")

                // C-GET on the same association (spec §8).
                let folder = setup.directory.file("get-\(server.kind)-\(UUID().uuidString.prefix(6))").path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let get = try Self.run("getscu", [row.model, "-aet", "VIEWER1", "-aec", "STORE", "-od", folder]
                                       + Self.keys(row) + ["127.0.0.1", String(server.port)])
                #expect(get.status == 0, "\(label): getscu \(get.stderr.suffix(400))")
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == row.instances, "\(label): C-GET")
            }
        }
    }

    /// movescu's view of the failures (spec §7.2, §7.3): unknown destination and
    /// unreachable destination, each with its status, exit 69.
    @Test(arguments: QRServerUnderTest.Kind.allCases)
    func moveFailuresAsMovescuSeesThem(kind: QRServerUnderTest.Kind) throws {
        let directory = try TemporaryDirectory("quarry-dcmtk-move-failures")
        let data = try QRFixtureData.writeF1(into: directory.file("data").path)
        let server = try QRServerUnderTest(kind: kind, in: directory)
        try server.store([data])
        let study = ["-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=\(Self.root).1"]
        for (destination, status) in [("NOSUCH", "Refused: MoveDestinationUnknown"), ("VIEWER2", "Refused: OutOfResourcesSubOperations")] {
            let move = try Self.run("movescu", ["-S", "-aet", "VIEWER1", "-aec", "STORE", "-aem", destination] + study
                                    + ["127.0.0.1", String(server.port)])
            #expect(move.status == 69, "\(kind) \(destination)")
            #expect(move.stderr.contains("Move response with error status (\(status))"), "\(kind) \(destination)")
        }
    }

    /// `--disable-get`: no C-GET context is accepted, getscu gives up (spec §8).
    @Test(arguments: QRServerUnderTest.Kind.allCases)
    func disabledGet(kind: QRServerUnderTest.Kind) throws {
        let directory = try TemporaryDirectory("quarry-dcmtk-disable-get")
        let server = try QRServerUnderTest(kind: kind, in: directory, options: ["-v", "--disable-get"])
        let get = try Self.run("getscu", ["-S", "-aet", "VIEWER1", "-aec", "STORE", "-k", "QueryRetrieveLevel=STUDY",
                                          "-k", "StudyInstanceUID=\(Self.root).1", "127.0.0.1", String(server.port)],
                               in: directory.path)
        #expect(get.status == 1, "\(kind)")
        #expect(get.stderr.contains("No adequate Presentation Contexts for sending C-GET"), "\(kind): \(get.stderr.suffix(300))")
    }
}
