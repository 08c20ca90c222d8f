/// A command line after parsing: which options were given where, with their
/// values, and the parameters — before any value is interpreted. Lookups
/// follow DCMTK: an option given twice counts at its right-most place, and of
/// mutually exclusive options the right-most wins.
package struct ParsedCommandLine: Sendable, Equatable {
    package struct Occurrence: Sendable, Equatable {
        /// The option's long name, however it was spelled.
        package var option: String
        package var values: [String]
        /// Index among all options and parameters, left to right.
        package var position: Int
    }

    /// `argv[0]` as the process got it.
    package var programName: String
    package var occurrences: [Occurrence]
    package var parameters: [String]
    /// The arguments after `@file` expansion, options by their long names —
    /// what `--arguments` prints.
    package var expandedArguments: [String]

    package init(programName: String, occurrences: [Occurrence], parameters: [String], expandedArguments: [String]) {
        self.programName = programName
        self.occurrences = occurrences
        self.parameters = parameters
        self.expandedArguments = expandedArguments
    }

    /// The right-most occurrence of the option with long name `option`.
    package func occurrence(_ option: String) -> Occurrence? {
        occurrences.last { $0.option == option }
    }

    /// Whether the option (long name) was given.
    package func has(_ option: String) -> Bool { occurrence(option) != nil }

    /// The option's `index`-th value at its right-most occurrence.
    package func value(_ option: String, _ index: Int = 0) -> String? {
        guard let o = occurrence(option), index < o.values.count else { return nil }
        return o.values[index]
    }

    /// Of `options` (long names), the one given right-most, or nil when none was
    /// given (DCMTK's option block).
    package func rightmost(of options: [String]) -> String? {
        occurrences.last { options.contains($0.option) }?.option
    }

    /// The position of the right-most occurrence of `option`, for options whose
    /// effect depends on what came before them (`--move-unrestricted`).
    package func position(of option: String) -> Int? { occurrence(option)?.position }
}
