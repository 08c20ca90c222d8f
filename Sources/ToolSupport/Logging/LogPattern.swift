import DICOM

/// A log4cplus `PatternLayout` conversion pattern (DCMTK's oflog, see
/// `etc/logger.cfg` of DCMTK): literal text and conversions
/// `%[-][min][.max]X[{option}]`. Supported: `%m` message, `%n` newline,
/// `%p` level name, `%P` its first letter (DCMTK's addition), `%c{n}` logger
/// name, `%D{fmt}` local and `%d{fmt}` UTC time (strftime plus `%q`
/// milliseconds and `%Q` fractional milliseconds), `%i` process id, `%t`
/// thread, `%r` milliseconds since start, `%h`/`%H` host name, `%%`. `%x`,
/// `%X`, `%M`, `%F`, `%b`, `%L`, `%l` (context and source location) print
/// nothing: Quarry's log has no such information.
package struct LogPattern: Sendable, Equatable {
    package enum Conversion: Sendable, Equatable {
        case literal(String)
        case message, newline, levelName, levelLetter, processID, thread, relativeTime, hostName
        case loggerName(components: Int?)
        case date(format: String, utc: Bool)
        case empty
    }

    package struct Part: Sendable, Equatable {
        package var conversion: Conversion
        package var minimumWidth = 0
        package var maximumWidth: Int?
        package var leftJustify = false
    }

    package var parts: [Part]

    /// log4cplus's `SimpleLayout`: `FATAL - message`.
    package static let simple = LogPattern(constant: "%p - %m%n")
    /// log4cplus's `TTCCLayout`: `0 [140699883071360] FATAL dcmtk.apps.dcmqrscp <> - message`.
    package static let ttcc = LogPattern(constant: "%r [%t] %p %c <%x> - %m%n")
    /// DCMTK's console format when no `-lc` is given: `F: message`.
    package static let dcmtkDefault = LogPattern(constant: "%P: %m%n")
    /// log4cplus's `PatternLayout` without a `ConversionPattern`.
    package static let messageOnly = LogPattern(constant: "%m%n")

    /// A pattern written in this file (never input): an unknown conversion
    /// would leave it empty, which the tests would show.
    private init(constant pattern: String) {
        parts = (try? LogPattern(pattern))?.parts ?? []
    }

    /// Thrown for a conversion character log4cplus does not know (it prints
    /// `Unexpected char [q] at position 58 in conversion pattern.`; the
    /// position counts from 1).
    package struct UnknownConversion: Error, Equatable {
        package var character: Character
        package var position: Int
    }

    package init(_ pattern: String) throws(UnknownConversion) {
        var parts: [Part] = []
        var literal = ""
        let chars = Array(pattern)
        var i = 0
        func flush() { if !literal.isEmpty { parts.append(Part(conversion: .literal(literal))); literal = "" } }
        while i < chars.count {
            guard chars[i] == "%", i + 1 < chars.count else { literal.append(chars[i]); i += 1; continue }
            let start = i
            i += 1
            if chars[i] == "%" { literal.append("%"); i += 1; continue }
            var part = Part(conversion: .empty)
            if chars[i] == "-" { part.leftJustify = true; i += 1 }
            var digits = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { digits.append(chars[i]); i += 1 }
            part.minimumWidth = Int(digits) ?? 0
            if i < chars.count, chars[i] == "." {
                i += 1
                digits = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { digits.append(chars[i]); i += 1 }
                part.maximumWidth = Int(digits)
            }
            guard i < chars.count else { literal += String(chars[start...]); break }
            let letter = chars[i]
            i += 1
            var option: String?
            if i < chars.count, chars[i] == "{", let close = chars[i...].firstIndex(of: "}") {
                option = String(chars[(i + 1)..<close])
                i = close + 1
            }
            switch letter {
            case "m": part.conversion = .message
            case "n": part.conversion = .newline
            case "p": part.conversion = .levelName
            case "P": part.conversion = .levelLetter
            case "c": part.conversion = .loggerName(components: option.flatMap { Int($0) })
            case "D", "d": part.conversion = .date(format: option ?? "%Y-%m-%d %H:%M:%S", utc: letter == "d")
            case "i": part.conversion = .processID
            case "t": part.conversion = .thread
            case "r": part.conversion = .relativeTime
            case "h", "H": part.conversion = .hostName
            case "x", "X", "M", "F", "b", "L", "l": part.conversion = .empty
            default: throw UnknownConversion(character: letter, position: i)
            }
            flush()
            parts.append(part)
        }
        flush()
        self.parts = parts
    }

    /// One formatted line for `message` (a single line) at `level`.
    package func format(level: Log.Level, message: String, context: LogEventContext) -> String {
        var out = ""
        for part in parts {
            let text: String
            switch part.conversion {
            case .literal(let s): out += s; continue
            case .message: text = message
            case .newline: text = "\n"
            case .levelName: text = level.log4cplusName
            case .levelLetter: text = String(level.log4cplusName.prefix(1))
            case .loggerName(let n):
                if let n, n > 0 {
                    text = context.loggerName.split(separator: ".").suffix(n).joined(separator: ".")
                } else {
                    text = context.loggerName
                }
            case .date(let format, let utc): text = context.time.formatted(format, utc: utc)
            case .processID: text = String(context.processID)
            case .thread: text = context.thread
            case .relativeTime: text = String(context.millisecondsSinceStart)
            case .hostName: text = context.hostName
            case .empty: text = ""
            }
            out += part.apply(to: text)
        }
        return out
    }
}

extension LogPattern.Part {
    /// log4cplus's FormattingInfo: longer than the maximum keeps the end;
    /// otherwise shorter than the minimum is padded (on the left unless `-`).
    func apply(to text: String) -> String {
        if let maximumWidth, text.count > maximumWidth { return String(text.suffix(maximumWidth)) }
        guard text.count < minimumWidth else { return text }
        let pad = String(repeating: " ", count: minimumWidth - text.count)
        return leftJustify ? text + pad : pad + text
    }
}

extension Log.Level {
    /// log4cplus's level names (`%p`).
    package var log4cplusName: String {
        switch self {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info: "INFO"
        case .warn: "WARN"
        case .error: "ERROR"
        case .fatal: "FATAL"
        case .off: "OFF"
        }
    }
}
