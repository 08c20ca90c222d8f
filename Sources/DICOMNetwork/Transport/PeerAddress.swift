#if canImport(Glibc)
import Glibc
#endif

/// The other end of a TCP connection: its numeric address and port, and its
/// reverse-DNS name on demand (what dcmqrscp compares with the HostTable,
/// spec §3.3; `-dhl` uses `ipAddress` instead).
package struct PeerAddress: Sendable, Equatable, CustomStringConvertible {
    /// Dotted IPv4 (e.g. `127.0.0.1`).
    package var ipAddress: String
    package var port: UInt16

    package init(ipAddress: String, port: UInt16) { (self.ipAddress, self.port) = (ipAddress, port) }

    /// The reverse-DNS name of `ipAddress` (getnameinfo, name required), or the
    /// address itself when there is none. Blocks for the resolver; call it from
    /// the association's own thread, once.
    package func hostName() -> String {
        var address = in_addr()
        guard inet_pton(AF_INET, ipAddress, &address) == 1 else { return ipAddress }
        var sin = sockaddr_in()
        sin.sin_family = sa_family_t(AF_INET)
        sin.sin_addr = address
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let rc = withUnsafePointer(to: &sin) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NAMEREQD)
            }
        }
        return rc == 0 ? Socket.cString(host) : ipAddress
    }

    package var description: String { "\(ipAddress):\(port)" }
}
