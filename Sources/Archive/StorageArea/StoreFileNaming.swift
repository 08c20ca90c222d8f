#if canImport(Glibc)
import Glibc
#endif

/// How a stored object's final file name is chosen: dcmqrscp's scheme (spec
/// §5.2), `<prefix>_<16 hex digits>.dcm` flat in the area, where the prefix is
/// DCMTK's modality code for the SOP Class (`CT`, `MR`, `SCw`, `XX`…) and the
/// hex digits are 8 of a time value and 8 random ones. A name never comes from
/// a peer's text. Injectable so a test can make names collide.
package struct StoreFileNaming: Sendable {
    /// A candidate name for `prefix`; called again, for a new candidate, when the
    /// previous one already exists.
    package var candidate: @Sendable (_ prefix: String) -> String

    package init(candidate: @escaping @Sendable (_ prefix: String) -> String) { self.candidate = candidate }

    /// Seconds since the epoch (as `time(2)`) and a random number from the system's generator.
    package static let dcmqrscp = StoreFileNaming { prefix in
        var generator = SystemRandomNumberGenerator()
        return name(prefix: prefix, time: currentTime(), random: generator.next())
    }

    /// `CT_6b03b78a61fb6218.dcm` for ("CT", 0x6b03b78a, 0x61fb6218).
    package static func name(prefix: String, time: UInt32, random: UInt32) -> String {
        "\(prefix)_\(hex8(time))\(hex8(random)).dcm"
    }

    /// A prefix is DCMTK's short modality code: 1–16 ASCII letters and digits.
    /// Anything else becomes `XX`, DCMTK's code for "no code".
    package static func sanitizedPrefix(_ prefix: String) -> String {
        let valid = !prefix.isEmpty && prefix.utf8.count <= 16
            && prefix.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
        return valid ? prefix : "XX"
    }

    static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// `time(2)`, truncated to 32 bits as DCMTK's 8 hex digits are.
private func currentTime() -> UInt32 { UInt32(truncatingIfNeeded: time(nil)) }
