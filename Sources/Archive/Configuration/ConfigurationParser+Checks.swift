/// Warnings about the file as a whole, for what dcmqrscp accepts silently.
extension ConfigurationParser {
    /// dcmqrscp reads at most 511 bytes at a time: the rest of a longer line
    /// is parsed as a line of its own, and a value touching the cut is lost.
    mutating func warnAboutLongLines() {
        var warned = Set<Int>()
        for piece in lines where piece.physicalLength >= ConfigurationLine.pieceLength && !warned.contains(piece.line) {
            warned.insert(piece.line)
            let isComment = piece.bytes.first == UInt8(ascii: "#")
            if isComment && piece.physicalLength == ConfigurationLine.pieceLength { continue }
            let cut = ConfigurationLine.pieceLength
            warn(line: piece.line, column: cut + 1, text: nil,
                 "line of \(piece.physicalLength) characters: dcmqrscp reads at most \(cut) at a time, so it "
                 + (piece.physicalLength > cut
                    ? "reads the text from column \(cut + 1) on as a separate line, and loses a value cut in two there"
                    : "loses the last value of this line")
                 + "; split the entry (HostTable groups can list other groups)")
        }
    }

    /// Duplicate AE titles, storage areas shared by two AEs, an empty AETable.
    mutating func addSemanticWarnings() {
        let entries = configuration.aeTable
        var firstByTitle: [String: AEEntry] = [:]
        var firstByArea: [String: AEEntry] = [:]
        for entry in entries {
            if let first = firstByTitle[entry.aeTitle] {
                warn(line: entry.line, column: 1, text: entry.aeTitle,
                     "AE title \"\(entry.aeTitle)\" is already defined on line \(first.line): its storage area, "
                     + "access and quota come from line \(first.line) only, and the peers of both lines are admitted")
                continue
            }
            firstByTitle[entry.aeTitle] = entry
            let area = Self.normalizedPath(entry.storageArea)
            if let other = firstByArea[area] {
                warn(line: entry.line, column: 1, text: entry.storageArea,
                     "AE titles \"\(other.aeTitle)\" (line \(other.line)) and \"\(entry.aeTitle)\" share one storage "
                     + "area: they share one index, and each one's quota deletes the other's studies")
            } else {
                firstByArea[area] = entry
            }
        }
        if entries.isEmpty {
            let line = previousAETable?.line ?? 1
            warn(line: line, column: 1, text: nil, "no AETable entries: every association will be refused")
        }
    }

    /// A path with repeated and trailing slashes and `.` components removed,
    /// to compare storage areas as the file system would.
    static func normalizedPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/").filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }
}
