import Foundation

extension AssociationProfileFile {
    /// One `[Section]` of the file: its entries in file order, keys upper-cased.
    struct Section: Equatable {
        var displayName: String
        var entries: [(key: String, value: String)] = []

        static func == (a: Section, b: Section) -> Bool {
            a.displayName == b.displayName && a.entries.map(\.key) == b.entries.map(\.key)
                && a.entries.map(\.value) == b.entries.map(\.value)
        }

        func value(_ key: String) -> String? { entries.first { $0.key == key }?.value }

        /// `<prefix>1`, `<prefix>2`, … up to the first number missing, with their keys.
        func numberedEntries(_ prefix: String) -> [(key: String, value: String)] {
            var result: [(key: String, value: String)] = []
            var n = 1
            while let value = value("\(prefix)\(n)") {
                result.append(("\(prefix)\(n)", value))
                n += 1
            }
            return result
        }

        func numbered(_ prefix: String) -> [String] { numberedEntries(prefix).map(\.value) }
    }

    /// The file as supersection → section → entries (names upper-cased).
    /// A line that is neither a comment, a heading nor `Key = Value` in
    /// column 1 is an error naming its line (DCMTK reads such files in
    /// surprising ways; Quarry says where the problem is).
    static func sections(of text: String) throws(AssociationProfileError) -> [String: [String: Section]] {
        var tree: [String: [String: Section]] = [:]
        var supersection: String?
        var section: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || line.first == "#" { continue }
            if trimmed.hasPrefix("[[") && trimmed.hasSuffix("]]") && trimmed.count > 4 {
                let name = String(trimmed.dropFirst(2).dropLast(2)).filter { $0 != " " && $0 != "\t" }.uppercased()
                supersection = name
                section = nil
                if tree[name] == nil { tree[name] = [:] }
                continue
            }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") && trimmed.count > 2 {
                guard let current = supersection else {
                    throw .unreadable("line \(index + 1): section \(trimmed) is not inside a [[supersection]]")
                }
                let display = String(trimmed.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                let name = display.filter { $0 != " " && $0 != "\t" }.uppercased()
                section = name
                if tree[current]?[name] == nil { tree[current]?[name] = Section(displayName: display) }
                continue
            }
            guard let equals = line.firstIndex(of: "="), line.first != " ", line.first != "\t" else {
                throw .unreadable("line \(index + 1): expected [[Supersection]], [Section] or Key = Value "
                                  + "(key in column 1): \(trimmed)")
            }
            guard let currentSuper = supersection, let currentSection = section else {
                throw .unreadable("line \(index + 1): entry outside a [Section]: \(trimmed)")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).uppercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            tree[currentSuper]?[currentSection]?.entries.append((key, value))
        }
        return tree
    }
}
