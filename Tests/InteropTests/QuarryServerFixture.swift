import Foundation
import QuarryTestSupport
import Testing

/// A quarryscp process for one test: its own port, folder and config.
struct QuarryServerFixture {
    static let quarryscp = TestEnvironment.binary("quarryscp")
    static let echoscu = TestEnvironment.dcmtk("echoscu")

    let directory: TemporaryDirectory
    let configPath: String
    let port: UInt16
    let server: ServerProcess

    /// The sample config: STORE admits VIEWER1 at localhost and VIEWER2 at
    /// 127.0.0.1 (an IP literal), ANYAE admits anyone, READONLY is R.
    static func configText(_ directory: TemporaryDirectory, maxAssociations: Int = 16, globals: String = "") -> String {
        """
        MaxAssociations = \(maxAssociations)
        \(globals)
        HostTable BEGIN
        viewer1 = (VIEWER1, localhost, 11201)
        viewer2 = (VIEWER2, 127.0.0.1, 11202)
        viewers = viewer1, viewer2
        HostTable END
        AETable BEGIN
        STORE     \(directory.path)/areas/STORE     RW (200, 1024mb) viewers
        ANYAE     \(directory.path)/areas/ANYAE     RW (200, 1024mb) ANY
        READONLY  \(directory.path)/areas/READONLY  R  (200, 1024mb) ANY
        AETable END

        """
    }

    /// Starts quarryscp with `-v -ta 2` (then `arguments`) on a fresh port.
    init(_ arguments: [String] = [], maxAssociations: Int = 16, config: String? = nil) throws {
        directory = try TemporaryDirectory("quarryscp")
        configPath = try directory.write("dcmqrscp.cfg", config ?? Self.configText(directory, maxAssociations: maxAssociations))
        port = freeTCPPort()
        server = try ServerProcess(Self.quarryscp, ["-v", "-ta", "2", "-c", configPath] + arguments + [String(port)],
                                   port: port, in: directory)
    }

    /// DCMTK's echoscu against this server (`-ta 5`: a blocked negotiation fails instead of waiting).
    func echoscu(calling: String = "VIEWER1", called: String = "STORE", _ extra: [String] = []) throws -> ProcessResult {
        try runProcess(Self.echoscu, ["-ta", "5", "-aet", calling, "-aec", called] + extra + ["localhost", String(port)],
                       timeout: 30)
    }

    /// Opens a raw connection and completes an association on it (A-ASSOCIATE-AC read).
    func establishedRawPeer(abstractSyntaxes: [String] = [RawPDU.verification]) throws -> RawPeer {
        let peer = try RawPeer(port: port)
        peer.send(RawPDU.associateRQ(abstractSyntaxes: abstractSyntaxes))
        let reply = peer.readPDU()
        try #require(reply?.first == 0x02, "no A-ASSOCIATE-AC: \(reply ?? [])")
        return peer
    }
}

/// The server's stderr lines.
func logLines(_ server: ServerProcess) -> [String] {
    server.log.split(separator: "\n").map(String.init)
}
