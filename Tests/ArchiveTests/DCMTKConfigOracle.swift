#if canImport(Glibc)
import Glibc
#endif
import Foundation
import QuarryTestSupport

/// What DCMTK's own `dcmqrscp` says about a configuration file, found
/// without timing anything: it is started on a port this helper holds open,
/// so a configuration it accepts ends in `F: cannot initialize network`
/// (exit 10) right after parsing, and one it rejects ends earlier with its
/// `CONFIG Error:` lines or `F: invalid MaxPDUSize in config file`.
struct DCMTKConfigVerdict: Equatable {
    /// Whether dcmqrscp got past its configuration checks.
    var accepted: Bool
    /// Its `CONFIG Error: …!` lines, the final "Reading configuration file" line excluded.
    var configErrorLines: [String]
    /// Its `F:` line.
    var fatalLine: String
}

enum DCMTKConfigOracle {
    /// Runs `/usr/bin/dcmqrscp -c <path> <busy port>`.
    static func verdict(forFileAt path: String) throws -> DCMTKConfigVerdict {
        let listener = try BusyPort()
        defer { listener.close() }
        let result = try runProcess(TestEnvironment.dcmtk("dcmqrscp"), ["-c", path, String(listener.port)], timeout: 30)
        let lines = result.output.split(separator: "\n").map(String.init)
        let fatal = lines.first { $0.hasPrefix("F: ") } ?? "(exit \(result.status), no F: line)"
        return DCMTKConfigVerdict(
            accepted: fatal.hasPrefix("F: cannot initialize network"),
            configErrorLines: lines.filter { $0.hasPrefix("CONFIG Error: ") && !$0.contains("Reading configuration file") },
            fatalLine: fatal)
    }

    static func verdict(for text: String, in directory: TemporaryDirectory, name: String = "dcmtk.cfg") throws -> DCMTKConfigVerdict {
        try verdict(forFileAt: directory.write(name, text))
    }
}

/// A TCP port held open (listening on every address) so that dcmqrscp cannot bind it.
final class BusyPort {
    let fd: Int32
    let port: UInt16

    struct Failure: Error {}

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure() }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = INADDR_ANY
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, len) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &len) == 0
            }
        }
        guard ok else { Glibc.close(fd); throw Failure() }
        self.fd = fd
        port = UInt16(bigEndian: addr.sin_port)
    }

    func close() { Glibc.close(fd) }
}
