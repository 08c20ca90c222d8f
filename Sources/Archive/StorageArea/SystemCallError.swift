#if canImport(Glibc)
import Glibc
#endif

/// A system call that failed: its name and `errno`.
package struct SystemCallError: Error, Equatable, Sendable, CustomStringConvertible {
    package var call: String
    package var code: Int32
    package init(_ call: String, _ code: Int32) { (self.call, self.code) = (call, code) }

    /// The C library's text for the code (`strerror`), as DCMTK prints it.
    package var message: String { Self.message(for: code) }
    package var description: String { "\(call): \(message)" }

    package static func message(for code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// The current `errno`, for the call just made.
    static func last(_ call: String) -> SystemCallError { SystemCallError(call, errno) }

    /// No room on the device or the user's quota is used up.
    package var isOutOfSpace: Bool { code == ENOSPC || code == EDQUOT }
}
