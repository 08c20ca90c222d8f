/// `--help` in DCMTK's layout (`OFCommandLine::getSyntaxString`,
/// `getParamString`, `getOptionString`): short names in one column, long names
/// in the next, descriptions in a third that parameters share; subgroup
/// options indented two more than group options, the columns still aligned.
extension CommandLineInterface {
    /// `usage: quarryscp [options] [port]`
    package var usageLine: String {
        (["usage: \(tool.name) [options]"] + parameters.map(\.synopsis)).joined(separator: " ")
    }

    /// The full `--help` text, ending with a blank line as DCMTK's does.
    package var helpText: String {
        var text = tool.header + usageLine + "\n\n"
        let layout = HelpLayout(self)
        if !parameters.isEmpty {
            text += "parameters:\n"
            for p in parameters {
                text += layout.lines(lead: "  " + p.name, width: layout.descriptionColumn, text: p.help.lines)
            }
            text += "\n"
        }
        var inSubgroup = false
        for entry in entries {
            switch entry {
            case .group(let title):
                text += title + "\n"
                inSubgroup = false
            case .subgroup(let title):
                text += "  " + title + "\n"
                inSubgroup = true
            case .option(let o):
                text += layout.optionLines(o, inSubgroup: inSubgroup)
            }
        }
        return text + "\n"
    }
}

struct HelpLayout {
    var shortWidth: Int
    var longWidth: Int
    var hasSubgroups: Bool

    init(_ interface: CommandLineInterface) {
        let options = interface.options
        let longestShort = options.compactMap { $0.shortName?.count }.max() ?? 0
        shortWidth = longestShort == 0 ? 0 : longestShort + 2
        longWidth = (options.map(\.longName.count).max() ?? 0) + 2
        hasSubgroups = interface.entries.contains { if case .subgroup = $0 { true } else { false } }
    }

    /// Where every description starts.
    var descriptionColumn: Int { 2 + (hasSubgroups ? 2 : 0) + shortWidth + longWidth }

    func optionLines(_ o: CommandLineOption, inSubgroup: Bool) -> String {
        let indent = inSubgroup ? 4 : 2
        let shortColumn = shortWidth + (hasSubgroups && !inSubgroup ? 2 : 0)
        let lead = String(repeating: " ", count: indent) + (o.shortName ?? "").padded(to: shortColumn) + o.longName
        let text = (o.valueDescription?.lines ?? []) + o.help.lines
        return lines(lead: lead, width: descriptionColumn, text: text)
    }

    /// `lead` padded to the description column, the first text line after it,
    /// the others under it.
    func lines(lead: String, width: Int, text: [String]) -> String {
        guard let first = text.first else { return lead + "\n" }
        let start = lead.count < width ? lead.padded(to: width) : lead + " "
        let margin = String(repeating: " ", count: width)
        return ([start + first] + text.dropFirst().map { margin + $0 }).joined(separator: "\n") + "\n"
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
