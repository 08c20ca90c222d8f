/// The whole command line of one tool, in the order `--help` prints it and in
/// the shape of DCMTK's `OFCommandLine`: parameters, then groups and subgroups
/// of options (`general options:`, `  association negotiation:`).
package struct CommandLineInterface: Sendable {
    package enum Entry: Sendable, Equatable {
        case group(String)
        case subgroup(String)
        case option(CommandLineOption)
    }

    package var tool: ToolIdentity
    package var parameters: [CommandLineParameter]
    package private(set) var entries: [Entry] = []

    package init(tool: ToolIdentity, parameters: [CommandLineParameter] = []) {
        (self.tool, self.parameters) = (tool, parameters)
    }

    package mutating func addGroup(_ title: String) { entries.append(.group(title)) }
    package mutating func addSubgroup(_ title: String) { entries.append(.subgroup(title)) }
    package mutating func addOption(_ option: CommandLineOption) { entries.append(.option(option)) }

    /// Adds an option; the arguments are those of `CommandLineOption.init`.
    package mutating func addOption(_ longName: String, _ shortName: String? = nil, values: Int = 0,
                                    valueDescription: String? = nil, help: String,
                                    isExclusive: Bool = false, waivesRequiredParameters: Bool = false) {
        addOption(CommandLineOption(longName, shortName, values: values, valueDescription: valueDescription,
                                    help: help, isExclusive: isExclusive,
                                    waivesRequiredParameters: waivesRequiredParameters))
    }

    package var options: [CommandLineOption] {
        entries.compactMap { if case .option(let o) = $0 { o } else { nil } }
    }

    /// The option spelled `name` (its long or its short form), case-sensitive as DCMTK.
    package func option(named name: String) -> CommandLineOption? {
        options.first { $0.longName == name || $0.shortName == name }
    }

    /// The least number of parameters the tool needs (DCMTK prints the usage
    /// and exits 0 when such a tool gets no argument at all).
    package var minimumParameterCount: Int {
        parameters.filter { $0.occurrence == .required || $0.occurrence == .requiredRepeating }.count
    }

    /// nil when a parameter may repeat.
    package var maximumParameterCount: Int? {
        parameters.contains { $0.occurrence == .requiredRepeating || $0.occurrence == .optionalRepeating }
            ? nil : parameters.count
    }
}
