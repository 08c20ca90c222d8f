#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A listening TCP socket on all IPv4 interfaces (`0.0.0.0:port`, as dcmqrscp
/// listens, spec §1.1) with `SO_REUSEADDR`. A bind failure reads like DCMTK's:
/// `TCP Initialization Error: Address already in use`.
package final class TCPListener: Sendable {
    /// The bound port (the one the OS chose when asked for port 0).
    package let port: UInt16
    private let fd: Int32
    private let isOpen = Mutex(true)

    package init(port: UInt16, backlog: Int32 = 128) throws(TransportError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .initialization(errno) }
        Socket.setReuseAddress(fd)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = INADDR_ANY
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, backlog) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            let error = errno
            Glibc.close(fd)
            throw .initialization(error)
        }
        self.fd = fd
        self.port = UInt16(bigEndian: address.sin_port)
    }

    deinit { Glibc.close(fd) }

    /// Waits for the next connection; nil when `timeout` passes first (nil
    /// timeout: wait as long as it takes). Throws once the listener is closed.
    package func accept(timeout: Duration? = nil) throws(TransportError) -> TCPConnection? {
        while true {
            guard isOpen.withLock({ $0 }) else { throw TransportError(.closed, message: "listener closed") }
            if let timeout, !Socket.wait(fd, events: Int16(POLLIN), timeout: timeout) { return nil }
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(fd, $0, &length) }
            }
            if client >= 0 {
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                let numeric = Socket.numericHost(storage, length)
                return TCPConnection(fd: client, peer: PeerAddress(ipAddress: numeric.host, port: numeric.port))
            }
            switch errno {
            case EINTR, ECONNABORTED, EAGAIN, EPROTO, ENETDOWN, ENOPROTOOPT, EHOSTDOWN, ENONET, EHOSTUNREACH, EOPNOTSUPP, ENETUNREACH:
                if timeout != nil { return nil }
                continue
            default:
                let error = errno
                if !isOpen.withLock({ $0 }) { throw TransportError(.closed, message: "listener closed") }
                throw .io(error, "acceptTransportConnection")
            }
        }
    }

    /// Stops listening; an `accept` blocked in another thread returns with an
    /// error. The descriptor itself is closed when the listener is released, so
    /// no thread can ever act on a reused descriptor number.
    package func close() {
        isOpen.withLock { open in
            if open { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
            open = false
        }
    }
}
