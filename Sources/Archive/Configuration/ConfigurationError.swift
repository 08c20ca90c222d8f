/// Why a configuration cannot be used. Each case prints as dcmqrscp's does
/// (spec §1.3): `diagnosticText` on standard error (no log prefix; `-q` does
/// not hide it), then the log's fatal line `F: <fatalMessage>`; the caller
/// exits with status 10.
package enum ConfigurationError: Error, Equatable, Sendable {
    /// The file cannot be read: `F: cannot access <file>: <reason>`.
    case cannotAccess(file: String, reason: String)
    /// Lines that do not parse (several reported in one run), then
    /// `CONFIG Error: Reading configuration file "<file>" with errors!` and
    /// `F: bad config file: <file>`. `warnings` are those found on the way.
    case invalidLines(file: String, errors: [ConfigurationDiagnostic], warnings: [ConfigurationDiagnostic])
    /// `MaxPDUSize` is neither 0 nor 4096...131072 (and the file has no
    /// other error): `F: invalid MaxPDUSize in config file`. The diagnostic
    /// locates the (last) MaxPDUSize line.
    case invalidMaxPDUSize(value: UInt32, diagnostic: ConfigurationDiagnostic)

    /// Everything printed before the fatal line, each line ending in a newline
    /// (empty for `cannotAccess`).
    package var diagnosticText: String {
        switch self {
        case .cannotAccess:
            return ""
        case .invalidLines(let file, let errors, _):
            return errors.map { $0.rendered + "\n" }.joined()
                + "CONFIG Error: Reading configuration file \"\(file)\" with errors!\n"
        case .invalidMaxPDUSize(_, let diagnostic):
            return diagnostic.locationLine + "\n"
        }
    }

    /// The text of the `F:` line.
    package var fatalMessage: String {
        switch self {
        case .cannotAccess(let file, let reason): "cannot access \(file): \(reason)"
        case .invalidLines(let file, _, _): "bad config file: \(file)"
        case .invalidMaxPDUSize: "invalid MaxPDUSize in config file"
        }
    }

    /// The errors of `invalidLines` (or the MaxPDUSize one).
    package var errors: [ConfigurationDiagnostic] {
        switch self {
        case .cannotAccess: []
        case .invalidLines(_, let errors, _): errors
        case .invalidMaxPDUSize(_, let diagnostic): [diagnostic]
        }
    }
}
