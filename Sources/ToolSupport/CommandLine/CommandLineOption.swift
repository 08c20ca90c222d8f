/// One option of a DCMTK-style command line (DCMTK's `OFCommandLine::addOption`):
/// a long name (`--max-pdu`), an optional short one (`-pdu`, `+xe`), a fixed
/// number of values, and the help text as `--help` prints it.
package struct CommandLineOption: Sendable, Equatable {
    package var longName: String
    package var shortName: String?
    /// How many arguments follow the option as its values (`-xf f i o` takes 3).
    package var valueCount: Int
    /// The first help column for options with values (`[f]ilename: string`); may hold `\n`.
    package var valueDescription: String?
    /// What the option does; may hold `\n` for continuation lines.
    package var help: String
    /// `--help` and `--version`: when present, parameter counts are not checked
    /// and the tool prints and exits (OFCommandLine's "exclusive" options).
    package var isExclusive: Bool
    /// When present, no parameter is required (quarryidx's `--stats` works on
    /// the configured areas when none is named).
    package var waivesRequiredParameters: Bool

    package init(_ longName: String, _ shortName: String? = nil, values valueCount: Int = 0,
                 valueDescription: String? = nil, help: String,
                 isExclusive: Bool = false, waivesRequiredParameters: Bool = false) {
        self.longName = longName
        self.shortName = shortName
        self.valueCount = valueCount
        self.valueDescription = valueDescription
        self.help = help
        self.isExclusive = isExclusive
        self.waivesRequiredParameters = waivesRequiredParameters
    }
}

/// A positional parameter (`port`, `index-out`, `dcmfile-in...`).
package struct CommandLineParameter: Sendable, Equatable {
    package enum Occurrence: Sendable, Equatable {
        case required, optional, requiredRepeating, optionalRepeating
    }

    package var name: String
    package var help: String
    package var occurrence: Occurrence

    package init(_ name: String, help: String, _ occurrence: Occurrence = .required) {
        (self.name, self.help, self.occurrence) = (name, help, occurrence)
    }

    /// How the parameter appears in the usage line: `port`, `[port]`, `dcmfile-in...`, `[dcmfile-in...]`.
    var synopsis: String {
        switch occurrence {
        case .required: name
        case .optional: "[\(name)]"
        case .requiredRepeating: "\(name)..."
        case .optionalRepeating: "[\(name)...]"
        }
    }
}
