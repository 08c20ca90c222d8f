#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One TCP connection, accepted or opened, with `TCP_NODELAY` set. Reads and
/// writes loop until complete, retry `EINTR`, never raise `SIGPIPE`
/// (`MSG_NOSIGNAL`), and honour a timeout (poll) when given one.
///
/// Reads and writes belong to the association's thread; `shutdown()` may be
/// called from any thread to wake it (server stop).
package final class TCPConnection: Sendable {
    package let peer: PeerAddress
    private let fd: Int32
    private let isOpen = Mutex(true)

    init(fd: Int32, peer: PeerAddress) {
        (self.fd, self.peer) = (fd, peer)
        Socket.setNoDelay(fd)
    }

    deinit { close() }

    /// Opens a connection to `host` (a name or dotted address) within `timeout`
    /// (nil: the system's own connect timeout), as `-to` does.
    package static func connect(host: String, port: UInt16, timeout: Duration? = nil) throws(TransportError) -> TCPConnection {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw TransportError(.unknownHost, message: "Attempt to connect to unknown host: \(host)")
        }
        defer { freeaddrinfo(list) }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .initialization(errno) }
        Socket.setBlocking(fd, false)
        var rc = Glibc.connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen)
        if rc != 0, errno == EINPROGRESS || errno == EINTR {
            guard Socket.wait(fd, events: Int16(POLLOUT), timeout: timeout) else {
                Glibc.close(fd)
                throw .initialization(ETIMEDOUT)
            }
            var soError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
            if soError != 0 { errno = soError; rc = -1 } else { rc = 0 }
        }
        guard rc == 0 else {
            let error = errno
            Glibc.close(fd)
            throw .initialization(error)
        }
        Socket.setBlocking(fd, true)
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        let numeric = Socket.numericHost(storage, length)
        return TCPConnection(fd: fd, peer: PeerAddress(ipAddress: numeric.host, port: numeric.port))
    }

    /// Reads exactly `count` bytes, waiting at most `timeout` in all (nil: no limit).
    /// The caller checks `count` against its limits before asking.
    package func read(_ count: Int, timeout: Duration?) throws(TransportError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var done = 0
        while done < count {
            if let deadline {
                guard Socket.wait(fd, events: Int16(POLLIN), timeout: deadline - ContinuousClock.now) else {
                    throw .readTimeout
                }
            }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + done, count - done, 0) }
            if n > 0 { done += n; continue }
            if n == 0 { throw .closed }
            if errno == EINTR { continue }
            if errno == ECONNRESET || errno == EPIPE { throw .closed }
            throw .io(errno, "readFromTransport")
        }
        return buffer
    }

    /// Writes all of `bytes`.
    package func write(_ bytes: [UInt8]) throws(TransportError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL)) }
            if n >= 0 { done += n; continue }
            if errno == EINTR { continue }
            if errno == EPIPE || errno == ECONNRESET { throw .closed }
            throw .io(errno, "writeToTransport")
        }
    }

    /// Whether bytes (or end of stream) can be read within `timeout` (zero: right now).
    package func hasInput(within timeout: Duration = .zero) -> Bool {
        Socket.wait(fd, events: Int16(POLLIN), timeout: timeout)
    }

    /// Reads and discards until the peer closes or `timeout` passes (the ARTIM
    /// wait of Sta13), after telling the peer we send nothing more. Memory is a
    /// fixed buffer whatever the peer sends.
    package func drainUntilClosed(timeout: Duration?) {
        Glibc.shutdown(fd, Int32(SHUT_WR))
        let deadline = timeout.map { ContinuousClock.now + $0 }
        var scratch = [UInt8](repeating: 0, count: 4096)
        while true {
            if let deadline, !Socket.wait(fd, events: Int16(POLLIN), timeout: deadline - ContinuousClock.now) { return }
            let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n > 0 || (n < 0 && errno == EINTR) { continue }
            return
        }
    }

    /// Stops both directions; a read blocked in another thread returns. Safe from any thread.
    package func shutdown() {
        isOpen.withLock { open in if open { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) } }
    }

    /// Closes the socket (once).
    package func close() {
        isOpen.withLock { open in
            if open { _ = Glibc.close(fd) }
            open = false
        }
    }
}

extension TCPConnection {
    /// Whether TCP_NODELAY is set on the socket.
    var isNoDelay: Bool {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &length) == 0 && value != 0
    }
}
