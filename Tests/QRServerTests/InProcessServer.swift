import Archive
import DICOM
import DICOMNetwork
import Foundation
import QRServer
import QuarryTestSupport
import Synchronization

/// Log lines collected in memory.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    var log: Log {
        Log(threshold: .debug) { [self] _, text in
            lines.withLock { $0 += text.split(separator: "\n").map(String.init) }
        }
    }

    /// Waits (up to 5 s) until a line equal to `line` was logged.
    func waitFor(_ line: String) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if all.contains(line) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }
}

/// A `QueryRetrieveServer` in this process on a free port, with a storage
/// area in a folder of its own, serving on a background thread.
final class InProcessServer: @unchecked Sendable {
    let server: QueryRetrieveServer
    let lines = LogLines()
    let directory: TemporaryDirectory
    private let finished = Mutex<Int32?>(nil)

    init(registry: ServiceRegistry = .quarry, options: ServerOptions = ServerOptions(),
         extraAETable: String = "") throws {
        directory = try TemporaryDirectory("quarry-server")
        let text = """
            AETable BEGIN
            STORE \(directory.path)/STORE RW (10, 10mb) ANY
            \(extraAETable)
            AETable END

            """
        let configuration = try Configuration(parsing: text, fileName: "inprocess.cfg")
        var options = options
        options.acseTimeout = 5
        let log = lines.log
        server = QueryRetrieveServer(listener: try TCPListener(port: 0), configuration: configuration, options: options,
                                     registry: registry, storageAreas: try ServerStorageAreas.open(configuration, log: log),
                                     log: log, stopGrace: .seconds(5))
        let thread = Thread { [self] in
            let status = server.serve()
            finished.withLock { $0 = status }
        }
        thread.start()
    }

    var port: UInt16 { server.listener.port }

    /// The exit status once `serve()` returned (waits up to `timeout`).
    func exitStatus(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = finished.withLock({ $0 }) { return status }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    func associate(_ contexts: [ProposedPresentationContext] = [
        ProposedPresentationContext(abstractSyntax: SOPClass.verificationUID, transferSyntaxes: ["1.2.840.10008.1.2"]),
    ]) throws -> Association {
        let configuration = AssociationConfiguration(implementationClassUID: "1.2.3.4", acseTimeout: .seconds(5),
                                                     dimseTimeout: .seconds(5), connectTimeout: .seconds(5))
        return try AssociationRequestor(callingAETitle: "TESTSCU", configuration: configuration)
            .request(calledAETitle: "STORE", host: "127.0.0.1", port: port, presentationContexts: contexts)
    }

    deinit {
        server.stop(reason: "test over")
        _ = exitStatus(timeout: 10)
    }
}
