#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over the socket calls every connection makes (DESIGN.md "Sockets").
enum Socket {
    /// TCP_NODELAY: a DIMSE exchange is a small PDU and an answer; Nagle's
    /// algorithm with delayed ACKs would turn each into a 40 ms wait.
    static func setNoDelay(_ fd: Int32) {
        var on: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    static func setReuseAddress(_ fd: Int32) {
        var on: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    static func setBlocking(_ fd: Int32, _ blocking: Bool) {
        let flags = fcntl(fd, F_GETFL, 0)
        guard flags >= 0 else { return }
        _ = fcntl(fd, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK)
    }

    /// Waits until `fd` has `events` (POLLIN/POLLOUT) or `timeout` passes; nil
    /// waits forever. EINTR is retried with the time left. Returns false on timeout.
    static func wait(_ fd: Int32, events: Int16, timeout: Duration?) -> Bool {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            var milliseconds: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                milliseconds = left <= .zero ? 0 : Int32(clamping: left.roundedUpMilliseconds)
            }
            var pfd = pollfd(fd: fd, events: events, revents: 0)
            let n = poll(&pfd, 1, milliseconds)
            if n > 0 { return true }
            if n == 0 { return false }
            if errno != EINTR { return true }   // let the read or write report the error
        }
    }

    /// The dotted IPv4 (or IPv6 text) of a socket address.
    static func numericHost(_ storage: sockaddr_storage, _ length: socklen_t) -> (host: String, port: UInt16) {
        var storage = storage
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        var service = [CChar](repeating: 0, count: Int(NI_MAXSERV))
        let rc = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, length, &host, socklen_t(host.count), &service, socklen_t(service.count),
                            NI_NUMERICHOST | NI_NUMERICSERV)
            }
        }
        guard rc == 0 else { return ("", 0) }
        return (cString(host), UInt16(cString(service)) ?? 0)
    }

    static func cString(_ chars: [CChar]) -> String {
        let bytes = chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a short timeout never becomes 0.
    var roundedUpMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return attoseconds % 1_000_000_000_000_000 > 0 ? ms + 1 : ms
    }
}
