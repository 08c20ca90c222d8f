/// A command-line error in DCMTK's words, printed after the tool's header as
/// `error: <message>` with exit status 1 (OFConsoleApplication::printError).
package struct CommandLineError: Error, Equatable, Sendable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { "error: \(message)" }

    package static func unknownOption(_ name: String) -> Self { Self("Unknown option \(name)") }
    package static func missingValue(_ option: String) -> Self { Self("Missing value for option \(option)") }
    package static func missingParameter(_ name: String) -> Self { Self("Missing parameter \(name)") }
    package static let tooManyParameters = Self("Too many parameters")
    package static func cannotOpenCommandFile(_ path: String) -> Self { Self("Cannot open command file '\(path)'") }
    /// `Invalid value for option --max-pdu (abc)`; without the parenthesis for an empty value.
    package static func invalidValue(_ option: String, _ text: String) -> Self {
        text.isEmpty ? Self("Invalid value for option \(option)") : Self("Invalid value for option \(option) (\(text))")
    }
    /// `app.checkConflict(first, second, …)`.
    package static func conflict(_ option: String, _ other: String) -> Self { Self("\(option) not allowed with \(other)") }
    /// `app.checkDependence(first, second, …)`.
    package static func dependence(_ option: String, _ other: String) -> Self { Self("\(option) only allowed with \(other)") }
}
