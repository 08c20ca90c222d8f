extension CommandLineInterface {
    /// Parses `arguments` (without `argv[0]`) as DCMTK's `OFCommandLine` does:
    /// `@file` expansion, options and parameters in any order, each option's
    /// values taken verbatim from the arguments that follow it. An argument is
    /// an option when it starts with `-` or `+`, has more characters, and the
    /// second is not a digit (`-5` is a parameter). Parameter counts are
    /// checked unless an exclusive option (`--help`, `--version`) was given.
    package func parse(_ arguments: [String], programName: String) throws(CommandLineError) -> ParsedCommandLine {
        let words = try CommandFile.expand(arguments)
        var occurrences: [ParsedCommandLine.Occurrence] = []
        var parameters: [String] = []
        var display: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            let position = occurrences.count + parameters.count
            index += 1
            guard Self.looksLikeOption(word) else {
                parameters.append(word)
                display.append(word)
                continue
            }
            guard let option = option(named: word) else { throw .unknownOption(word) }
            guard words.count - index >= option.valueCount else { throw .missingValue(option.longName) }
            let values = Array(words[index..<index + option.valueCount])
            index += option.valueCount
            occurrences.append(.init(option: option.longName, values: values, position: position))
            display.append(option.longName)
            display += values
        }
        let parsed = ParsedCommandLine(programName: programName, occurrences: occurrences,
                                       parameters: parameters, expandedArguments: display)
        let given = Set(occurrences.map(\.option))
        let present = options.filter { given.contains($0.longName) }
        if present.contains(where: \.isExclusive) { return parsed }
        let minimum = present.contains(where: \.waivesRequiredParameters) ? 0 : minimumParameterCount
        if parameters.count < minimum {
            let required = self.parameters.filter { $0.occurrence == .required || $0.occurrence == .requiredRepeating }
            throw .missingParameter(required[parameters.count].name)
        }
        if let maximum = maximumParameterCount, parameters.count > maximum { throw .tooManyParameters }
        return parsed
    }

    static func looksLikeOption(_ word: String) -> Bool {
        let characters = Array(word.prefix(2))
        guard characters.count == 2, characters[0] == "-" || characters[0] == "+" else { return false }
        return !characters[1].isASCII || !characters[1].isNumber
    }
}
