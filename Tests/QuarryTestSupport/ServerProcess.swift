import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real server process (quarryscp, or DCMTK's storescp/dcmqrscp) for one
/// test: started on a free port, its stderr and stdout captured to files in
/// the test's folder, stopped when the value is released.
package final class ServerProcess: @unchecked Sendable {
    package let process: Process
    package let port: UInt16
    package let logURL: URL
    package let outURL: URL

    /// Starts `executable` with `arguments` and waits until `port` accepts TCP
    /// connections (or the process exits, or `startTimeout` passes).
    package init(_ executable: String, _ arguments: [String], port: UInt16, in directory: TemporaryDirectory,
                 label: String = "server", currentDirectory: String? = nil, startTimeout: Double = 20) throws {
        self.port = port
        logURL = directory.file("\(label).stderr.log")
        outURL = directory.file("\(label).stdout.log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory ?? directory.path)
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(startTimeout)
        while !Self.accepts(port: port) {
            guard process.isRunning else { throw ServerStartFailure(log: log, status: process.terminationStatus) }
            guard Date() < deadline else { stop(); throw ServerStartFailure(log: log, status: -1) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Everything the server wrote to stderr so far.
    package var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }
    package var standardOutput: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }

    package var isRunning: Bool { process.isRunning }
    package var pid: Int32 { process.processIdentifier }

    /// Sends a signal (SIGHUP, SIGUSR1, SIGKILL…).
    package func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }

    /// Waits up to `timeout` seconds for the log to contain `text`.
    @discardableResult
    package func waitForLog(_ text: String, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if log.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return log.contains(text)
    }

    /// SIGTERM, then SIGKILL after `grace` seconds; returns the exit status.
    @discardableResult
    package func stop(grace: Double = 5) -> Int32 {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(grace)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Waits for the process to exit by itself (up to `timeout`); nil if still running.
    package func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit { if process.isRunning { stop(grace: 2) } }

    /// True when something listens on 127.0.0.1:`port`.
    package static func accepts(port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

package struct ServerStartFailure: Error, CustomStringConvertible {
    package var log: String
    package var status: Int32
    package var description: String { "server did not start (status \(status)):\n\(log)" }
}
