import DICOM

extension LoggerConfiguration {
    /// Reads a log4cplus property file's text. `variable` answers `${name}`
    /// for names that are not keys of the file (DCMTK predefines `appname`,
    /// `date`, `time`, `pid`, `hostname`, then tries the environment); an
    /// unknown `${name}` stays as written, as in DCMTK.
    package static func parse(_ text: String, variable: (String) -> String? = { _ in nil })
        throws(LoggerConfigurationError) -> LoggerConfiguration {
        let file = PropertyFile(text)
        guard !file.properties.isEmpty else { throw .noSettings }
        guard file.properties.keys.contains(where: { $0.hasPrefix("log4cplus.") }) else { throw .noValidSettings }
        func value(_ key: String) -> (text: String, line: Int)? {
            file.properties[key].map { (file.substitute($0.value, variable), $0.line) }
        }

        guard let root = value("log4cplus.rootLogger") else {
            throw .invalid(line: nil, "no log4cplus.rootLogger line: nothing would be logged")
        }
        let fields = root.text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        let levelText = fields.first ?? ""
        guard let rootLevel = levelText.isEmpty ? .debug : log4cplusLevel(levelText) else {
            throw .invalid(line: root.line, "invalid log level '\(levelText)' for log4cplus.rootLogger")
        }
        let names = fields.dropFirst().filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw .invalid(line: root.line, "log4cplus.rootLogger names no appender: nothing would be logged")
        }
        var appenders: [Appender] = []
        for name in names {
            let prefix = "log4cplus.appender.\(name)"
            guard let kind = value(prefix) else {
                throw .invalid(line: root.line, "appender '\(name)' is not defined (no \(prefix) line)")
            }
            var appender = Appender(name: name, destination: .discard)
            if let t = value(prefix + ".Threshold") {
                guard let level = log4cplusLevel(t.text) else {
                    throw .invalid(line: t.line, "invalid log level '\(t.text)' for \(prefix).Threshold")
                }
                appender.threshold = level
            }
            appender.layout = try layout(prefix, value)
            appender.destination = try destination(kind, prefix, value, file)
            appenders.append(appender)
        }
        return LoggerConfiguration(rootLevel: rootLevel, appenders: appenders)
    }

    private static func layout(_ prefix: String, _ value: (String) -> (text: String, line: Int)?)
        throws(LoggerConfigurationError) -> LogPattern {
        guard let layout = value(prefix + ".layout") else { return .simple }
        switch layout.text {
        case "log4cplus::SimpleLayout": return .simple
        case "log4cplus::TTCCLayout": return .ttcc
        case "log4cplus::PatternLayout":
            guard let pattern = value(prefix + ".layout.ConversionPattern") else { return LogPattern.messageOnly }
            do {
                return try LogPattern(pattern.text)
            } catch {
                throw .invalid(line: pattern.line, "unexpected character '\(error.character)' at position \(error.position) in ConversionPattern")
            }
        default:
            throw .invalid(line: layout.line, "unknown layout '\(layout.text)' (known: log4cplus::PatternLayout, log4cplus::SimpleLayout, log4cplus::TTCCLayout)")
        }
    }

    private static func destination(_ kind: (text: String, line: Int), _ prefix: String,
                                     _ value: (String) -> (text: String, line: Int)?, _ file: PropertyFile)
        throws(LoggerConfigurationError) -> Destination {
        func bool(_ key: String) -> Bool { value(key).map { $0.text.lowercased() == "true" } ?? false }
        func path() throws(LoggerConfigurationError) -> String {
            guard let p = value(prefix + ".File"), !p.text.isEmpty else {
                throw .invalid(line: kind.line, "\(prefix) = \(kind.text) needs a \(prefix).File line")
            }
            return p.text
        }
        switch kind.text {
        case "log4cplus::ConsoleAppender":
            // log4cplus's key is logToStdErr; DCMTK's sample logger.cfg writes logToStderr.
            let key = file.properties.keys.first { $0.lowercased() == (prefix + ".logToStdErr").lowercased() }
            return key.map(bool) == true ? .standardError : .standardOutput
        case "log4cplus::FileAppender", "log4cplus::DailyRollingFileAppender":
            return .file(path: try path(), append: bool(prefix + ".Append"))
        case "log4cplus::RollingFileAppender":
            var maxSize = 10 * 1024 * 1024
            if let s = value(prefix + ".MaxFileSize") {
                guard let size = fileSize(s.text) else {
                    throw .invalid(line: s.line, "invalid MaxFileSize '\(s.text)' (a number of bytes, or with KB or MB)")
                }
                maxSize = max(size, 200 * 1024)   // log4cplus's minimum
            }
            var backups = 1
            if let b = value(prefix + ".MaxBackupIndex") {
                guard let n = Int(b.text), n >= 0 else {
                    throw .invalid(line: b.line, "invalid MaxBackupIndex '\(b.text)'")
                }
                backups = n
            }
            return .rollingFile(path: try path(), append: bool(prefix + ".Append"), maxFileSize: maxSize, maxBackupIndex: backups)
        case "log4cplus::NullAppender":
            return .discard
        default:
            throw .invalid(line: kind.line, "unknown appender type '\(kind.text)' (known: log4cplus::ConsoleAppender, FileAppender, RollingFileAppender, DailyRollingFileAppender, NullAppender)")
        }
    }

    /// `500KB`, `5MB`, `1GB` or a plain number of bytes, as log4cplus reads MaxFileSize.
    static func fileSize(_ text: String) -> Int? {
        let upper = text.trimmingWhitespace().uppercased()
        for (suffix, factor) in [("KB", 1024), ("MB", 1024 * 1024), ("GB", 1024 * 1024 * 1024)] where upper.hasSuffix(suffix) {
            return Int(String(upper.dropLast(2)).trimmingWhitespace()).map { $0 * factor }
        }
        return Int(upper)
    }
}

/// The `key = value` lines of a property file with their line numbers; `#`
/// lines and lines without `=` are skipped, a later key replaces an earlier one.
struct PropertyFile {
    var properties: [String: (value: String, line: Int)] = [:]

    init(_ text: String) {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, raw) in lines.enumerated() {
            let line = String(raw).trimmingWhitespace()
            guard !line.isEmpty, !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<eq]).trimmingWhitespace()
            guard !key.isEmpty else { continue }
            properties[key] = (String(line[line.index(after: eq)...]).trimmingWhitespace(), index + 1)
        }
    }

    /// `${name}` replaced by the file's key `name`, else by `variable(name)`,
    /// repeatedly (a value may name another), at most 16 rounds.
    func substitute(_ text: String, _ variable: (String) -> String?) -> String {
        var current = text
        for _ in 0..<16 {
            let next = substituteOnce(current, variable)
            if next == current { break }
            current = next
        }
        return current
    }

    private func substituteOnce(_ text: String, _ variable: (String) -> String?) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "$", i + 1 < chars.count, chars[i + 1] == "{",
               let close = chars[(i + 2)...].firstIndex(of: "}") {
                let name = String(chars[(i + 2)..<close])
                out += properties[name]?.value ?? variable(name) ?? String(chars[i...close])
                i = close + 1
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}
