import DICOM

/// Where a tool's command-line output goes: the process's standard streams,
/// or strings a test collects.
package struct CommandLineStreams: Sendable {
    package var output: @Sendable (String) -> Void
    package var error: @Sendable (String) -> Void

    package init(output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        (self.output, self.error) = (output, error)
    }

    package static let standard = CommandLineStreams(output: StandardStreams.writeOutput, error: StandardStreams.writeError)
}
