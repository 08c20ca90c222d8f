#if canImport(Glibc)
import Glibc
#endif

/// A failure of the TCP transport, worded as DCMTK words it (its `OFCondition`
/// codes and texts in dcmnet, e.g. `0006:031c TCP Initialization Error: Address
/// already in use`), so logs read like dcmqrscp's.
package struct TransportError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// socket/bind/listen/connect failed (DULC_TCPINITERROR, 0x31c).
        case initialization
        /// The host name does not resolve (DULC_UNKNOWNHOST, 0x320).
        case unknownHost
        /// Nothing arrived within the timeout (DULC_READTIMEOUT, 0x31a).
        case readTimeout
        /// The peer closed the connection (DULC_NETWORKCLOSED, 0x310).
        case closed
        /// A read or write failed (DULC_TCPIOERROR, 0x31d).
        case io
    }

    package var kind: Kind
    /// The `errno` behind it, if any.
    package var code: Int32?
    package var message: String

    package init(_ kind: Kind, code: Int32? = nil, message: String) {
        (self.kind, self.code, self.message) = (kind, code, message)
    }

    /// DCMTK's condition code for the kind, as it prints it (`0006:031c`).
    package var dcmtkCode: String {
        switch kind {
        case .initialization: "0006:031c"
        case .unknownHost: "0006:0320"
        case .readTimeout: "0006:031a"
        case .closed: "0006:0310"
        case .io: "0006:031d"
        }
    }

    /// The condition text without the code (`TCP Initialization Error: Connection refused`).
    package var description: String { message }

    /// Code and text, as DCMTK's tools print a condition.
    package var dcmtkDescription: String { "\(dcmtkCode) \(message)" }

    static func initialization(_ errorNumber: Int32) -> TransportError {
        TransportError(.initialization, code: errorNumber, message: "TCP Initialization Error: \(errorText(errorNumber))")
    }

    static func io(_ errorNumber: Int32, _ operation: String) -> TransportError {
        TransportError(.io, code: errorNumber, message: "TCP I/O Error (\(errorText(errorNumber))) occurred in routine: \(operation)")
    }

    static let readTimeout = TransportError(.readTimeout, message: "DUL network read timeout")
    static let closed = TransportError(.closed, message: "DUL network closed")
}

func errorText(_ errorNumber: Int32) -> String {
    guard let text = strerror(errorNumber) else { return "error \(errorNumber)" }
    return String(cString: text)
}
