#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Quarry's release, printed in every tool's banner.
package enum QuarryVersion {
    package static let current = "0.1.0"
}

/// Who a tool is: its name and one-line description, as DCMTK's
/// `OFConsoleApplication` prints them above usage, errors and `--version`.
package struct ToolIdentity: Sendable, Equatable {
    package var name: String
    package var description: String
    package var version: String

    package init(name: String, description: String, version: String = QuarryVersion.current) {
        (self.name, self.description, self.version) = (name, description, version)
    }

    /// `$quarry: quarryscp v0.1.0 $`, in the place of DCMTK's `$dcmtk: dcmqrscp v3.6.7 2022-04-22 $`.
    package var banner: String { "$quarry: \(name) v\(version) $" }

    /// Banner, blank line, `name: description` — what DCMTK prints before usage and before `error: …`.
    package var header: String { "\(banner)\n\n\(name): \(description)\n" }

    /// The `--version` text: the header, then host and build facts and the libraries used.
    package var versionText: String {
        var text = header + "\n"
        text += "Host type: \(Self.hostType)\n"
        text += "Character encoding: UTF-8\n"
        text += "Build options: swift6 threads lfs\n"
        text += "\nExternal libraries used:\n"
        text += "- ZLIB, Version \(String(cString: zlibVersion()))\n"
        return text
    }

    static var hostType: String {
        var info = utsname()
        guard uname(&info) == 0 else { return "unknown" }
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        return "\(field(info.sysname)) \(field(info.machine))"
    }
}
