/// One error or warning about a configuration file, located to the column.
///
/// ## How an error prints (`rendered`)
///
/// Two lines. The first is dcmqrscp's own, word for word where dcmqrscp prints
/// one (spec §2.7), so that what users grep for keeps matching; where
/// dcmqrscp fails silently (a zero quota, no peers, `a =` with nothing, a
/// line of spaces in a table) Quarry prints a message in the same style. The
/// second, indented by four spaces, says where and what was expected:
///
///     CONFIG Error: Symbolic name "nosuchgroup" not defined!
///         etc/x.cfg:12:27: "nosuchgroup": expected a symbolic name defined on an earlier HostTable line
///
/// `file:line:column` counts physical lines and bytes from 1. (dcmqrscp
/// counts the 511-byte pieces it reads a longer line in, so after such a line
/// its line numbers run ahead of the file's; Quarry's do not.) The quoted text
/// is the value at fault as written; it is left out when there is none (end
/// of file, a missing value).
///
/// ## How a warning prints
///
/// One line, for `Log.warn` to prefix with `W: `:
///
///     etc/x.cfg:30:41: "(20, 200)": maxBytesPerStudy "200" does not end in "b": dcmqrscp reads no size and applies its upper limit, 1 GiB per study; write e.g. 200mb
package struct ConfigurationDiagnostic: Equatable, Sendable, CustomStringConvertible {
    package enum Severity: Equatable, Sendable { case error, warning }

    package var severity: Severity
    package var file: String
    /// Physical line, from 1.
    package var line: Int
    /// Byte in the line, from 1.
    package var column: Int
    /// Errors: the text after `CONFIG Error: ` (without the final `!`).
    /// Warnings: what is wrong and what it means.
    package var message: String
    /// The offending text as written, when there is one.
    package var text: String?
    /// Errors: what was expected there. Warnings: unused (empty).
    package var expected: String
    /// Whether dcmqrscp prints `message` itself (false: Quarry's words for
    /// a cause dcmqrscp leaves silent, or a check dcmqrscp does not make).
    package var isDCMTKMessage: Bool

    package init(severity: Severity, file: String, line: Int, column: Int, message: String,
                 text: String?, expected: String = "", isDCMTKMessage: Bool = false) {
        (self.severity, self.file, self.line, self.column) = (severity, file, line, column)
        (self.message, self.text, self.expected, self.isDCMTKMessage) = (message, text, expected, isDCMTKMessage)
    }

    /// `file:line:column`.
    package var location: String { "\(file):\(line):\(column)" }

    private var quotedText: String { text.map { "\"\($0)\": " } ?? "" }

    /// The `CONFIG Error: …!` line of an error.
    package var configErrorLine: String { "CONFIG Error: \(message)!" }

    /// The indented `file:line:column: "text": expected …` line of an error.
    package var locationLine: String { "    \(location): \(quotedText)expected \(expected)" }

    /// As printed: two lines for an error, one for a warning (no newline at the end).
    package var rendered: String {
        switch severity {
        case .error: "\(configErrorLine)\n\(locationLine)"
        case .warning: "\(location): \(quotedText)\(message)"
        }
    }

    package var description: String { rendered }
}
