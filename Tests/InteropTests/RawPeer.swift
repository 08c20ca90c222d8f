import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP client that writes whatever bytes a test wants (hostile input) and
/// reads what comes back, with bounded waits.
final class RawPeer {
    private var fd: Int32

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard fd >= 0, ok else { throw RawPeerError(message: "cannot connect to port \(port)") }
    }

    struct RawPeerError: Error { var message: String }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads until the server closes the connection or `timeout` seconds pass;
    /// `closed` tells which.
    func readUntilClosed(timeout: Double = 10) -> (bytes: [UInt8], closed: Bool) {
        var result: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&pfd, 1, wait) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n > 0 { result += buffer[0..<n]; continue }
            if n < 0, errno == EINTR { continue }
            return (result, true)
        }
        return (result, false)
    }

    /// Reads exactly one PDU (header and body) within `timeout` seconds; nil if none came whole.
    func readPDU(timeout: Double = 10) -> [UInt8]? {
        var pdu: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var needed = 6
        while pdu.count < needed, Date() < deadline {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            var byte: UInt8 = 0
            guard recv(fd, &byte, 1, 0) == 1 else { return nil }
            pdu.append(byte)
            if pdu.count == 6 {
                needed = 6 + Int(pdu[2]) << 24 + Int(pdu[3]) << 16 + Int(pdu[4]) << 8 + Int(pdu[5])
            }
        }
        return pdu.count == needed ? pdu : nil
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    deinit { close() }
}

/// Hand-built PDUs (PS3.8 §9.3), for raw peers.
enum RawPDU {
    static let verification = "1.2.840.10008.1.1"
    static let implicitLittleEndian = "1.2.840.10008.1.2"
    static let shutdown = "1.2.276.0.7230010.3.4.1915765545.18030.917282194.0"

    static func item(_ type: UInt8, _ value: [UInt8]) -> [UInt8] {
        [type, 0, UInt8(value.count >> 8), UInt8(value.count & 0xFF)] + value
    }

    static func aeTitle(_ s: String) -> [UInt8] { Array((s + String(repeating: " ", count: 16)).utf8.prefix(16)) }

    /// An A-ASSOCIATE-RQ proposing each abstract syntax with Implicit VR Little Endian.
    static func associateRQ(called: String = "STORE", calling: String = "VIEWER1",
                            abstractSyntaxes: [String] = [verification],
                            applicationContext: String = "1.2.840.10008.3.1.1.1", maximumLength: UInt32 = 16384) -> [UInt8] {
        var body: [UInt8] = [0x00, 0x01, 0x00, 0x00] + aeTitle(called) + aeTitle(calling) + [UInt8](repeating: 0, count: 32)
        body += item(0x10, Array(applicationContext.utf8))
        for (i, uid) in abstractSyntaxes.enumerated() {
            body += item(0x20, [UInt8(2 * i + 1), 0, 0, 0] + item(0x30, Array(uid.utf8)) + item(0x40, Array(implicitLittleEndian.utf8)))
        }
        let maxLength = withUnsafeBytes(of: maximumLength.bigEndian) { Array($0) }
        body += item(0x50, item(0x51, maxLength) + item(0x52, Array("1.2.3.4".utf8)))
        return pdu(0x01, body)
    }

    static func pdu(_ type: UInt8, _ body: [UInt8]) -> [UInt8] {
        [type, 0] + withUnsafeBytes(of: UInt32(body.count).bigEndian) { Array($0) } + body
    }

    static let releaseRQ: [UInt8] = [0x05, 0, 0, 0, 0, 4, 0, 0, 0, 0]

    /// A P-DATA-TF with one PDV.
    static func pData(contextID: UInt8 = 1, command: Bool = true, last: Bool = true, value: [UInt8]) -> [UInt8] {
        let header: UInt8 = (command ? 1 : 0) | (last ? 2 : 0)
        let pdv = withUnsafeBytes(of: UInt32(value.count + 2).bigEndian) { Array($0) } + [contextID, header] + value
        return pdu(0x04, pdv)
    }
}
