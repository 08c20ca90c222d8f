import Foundation

/// A Query/Retrieve server process for one test — DCMTK's real dcmqrscp (the
/// reference) or quarryscp — started the same way: a config written from a
/// `QRServerConfiguration` into the test's folder, its storage area folders
/// created, `<server> [options] -c <cfg> <port>`, and the port waited for.
///
/// dcmqrscp runs in its default fork mode: Debian's build crashes in `-s`
/// mode after the first association (spec §3.6). It runs with DCMTK's
/// `TCP_NODELAY=1` environment variable (DCMTK's documented switch for
/// Nagle's algorithm), which only makes it faster. Everything lives in
/// `<directory>/<label>/`: `dcmqrscp.cfg`, `db/<area>`; the server's stderr
/// and stdout go to `<directory>/<label>.stderr.log` / `.stdout.log`.
package final class QRServerUnderTest: @unchecked Sendable {
    package enum Kind: String, Sendable, CaseIterable, CustomStringConvertible {
        case dcmqrscp, quarryscp
        package var description: String { rawValue }
    }

    package let kind: Kind
    package let label: String
    package let configuration: QRServerConfiguration
    package let configPath: String
    package let areaRoot: String
    package let commandLine: [String]
    package let process: ServerProcess
    package var port: UInt16 { configuration.port }
    package var log: String { process.log }

    /// Writes the config, creates the areas and starts the server. Throws
    /// `QRServerStartFailure` (naming the server, its command line and its
    /// log) when the binary is missing, exits, or does not listen within
    /// `startTimeout` seconds.
    package init(kind: Kind, in directory: TemporaryDirectory,
                 configuration: QRServerConfiguration = .fixtureF1(),
                 options: [String] = ["-v"], label: String? = nil, startTimeout: Double = 20) throws {
        self.kind = kind
        self.configuration = configuration
        let label = label ?? kind.rawValue
        self.label = label
        let root = directory.file(label).path
        areaRoot = root + "/db"
        for area in configuration.areaPaths(areaRoot: areaRoot) {
            try FileManager.default.createDirectory(atPath: area, withIntermediateDirectories: true)
        }
        configPath = try directory.write("\(label)/dcmqrscp.cfg", configuration.text(areaRoot: areaRoot))
        let executable: String, arguments: [String]
        switch kind {
        case .dcmqrscp:
            executable = "/usr/bin/env"
            arguments = ["TCP_NODELAY=1", TestEnvironment.dcmtk("dcmqrscp")] + options
                + ["-c", configPath, String(configuration.port)]
        case .quarryscp:
            executable = TestEnvironment.binary("quarryscp")
            arguments = options + ["-c", configPath, String(configuration.port)]
        }
        commandLine = [executable] + arguments
        let binary = kind == .dcmqrscp ? TestEnvironment.dcmtk("dcmqrscp") : executable
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw QRServerStartFailure(kind: kind, commandLine: commandLine, log: "",
                                       reason: "no executable at \(binary) (swift build first, or set QUARRY_BIN_DIR)")
        }
        do {
            process = try ServerProcess(executable, arguments, port: configuration.port, in: directory,
                                        label: label, currentDirectory: root, startTimeout: startTimeout)
        } catch let failure as ServerStartFailure {
            let reason = failure.status == -1 ? "not listening after \(startTimeout) s"
                                              : "exited with status \(failure.status) before listening"
            throw QRServerStartFailure(kind: kind, commandLine: commandLine, log: failure.log, reason: reason)
        }
    }

    /// The real `/usr/bin/dcmqrscp` as the reference of a differential test.
    package static func dcmtkReference(
        in directory: TemporaryDirectory, configuration: QRServerConfiguration = .fixtureF1(),
        options: [String] = ["-v"], label: String = "dcmqrscp"
    ) throws -> QRServerUnderTest {
        try QRServerUnderTest(kind: .dcmqrscp, in: directory, configuration: configuration, options: options,
                              label: label)
    }

    /// The storage area folder of an AETable title.
    package func areaPath(of aeTitle: String) -> String? {
        configuration.aeTable.first { $0.aeTitle == aeTitle }.map { "\(areaRoot)/\($0.areaName)" }
    }

    /// The HostTable port of a destination AE (`VIEWER1`, `VIEWER2`, `MOD1` in F1).
    package func destinationPort(of aeTitle: String) -> UInt16? { configuration.port(of: aeTitle) }

    /// A Q/R client for this server.
    package func client(callingAE: String = "VIEWER1", calledAE: String = "STORE", timeout: Double = 20) -> QRClient {
        QRClient(port: port, callingAE: callingAE, calledAE: calledAE, timeout: timeout)
    }

    /// SIGTERM (SIGKILL after `grace`); the exit status.
    @discardableResult
    package func stop(grace: Double = 5) -> Int32 { process.stop(grace: grace) }
}

package struct QRServerStartFailure: Error, CustomStringConvertible {
    package var kind: QRServerUnderTest.Kind
    package var commandLine: [String]
    package var log: String
    package var reason: String
    package var description: String {
        "\(kind) did not start: \(reason)\n  command: \(commandLine.joined(separator: " "))\n  log:\n"
            + log.split(separator: "\n", omittingEmptySubsequences: false).suffix(40).map { "    " + $0 }
            .joined(separator: "\n")
    }
}
