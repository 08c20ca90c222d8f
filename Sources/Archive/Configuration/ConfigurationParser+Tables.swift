/// The three tables (spec §2.5): `<Name> BEGIN` … `<Name> END`.
extension ConfigurationParser {
    /// Reads table lines up to `<Name> END`, as dcmqrscp's `readHostTable`,
    /// `readVendorTable` and `readAETable` do: a line whose first word is the
    /// table's name ends the table (with `END` as second word) or is an
    /// "Illegal … status" error that also ends it; every other line that is
    /// not empty or a comment is an entry — a line of only spaces included.
    mutating func readTable(_ kind: TableKind, begin: ConfigurationLine) {
        let name = kind.rawValue
        // dcmqrscp's sscanf("%s %s") buffers: a line with fewer words keeps the
        // previous line's (uninitialised at first: "" here).
        var firstWord = "", secondWord = ""
        var lastPiece = begin
        var ended = false
        var aeEntries: [AEEntry] = []
        if kind == .aeTable, let previous = previousAETable {
            warn(begin, 0, text: begin.text.trimmingSpaces,
                 "a second AETable replaces the first (line \(previous.line)): dcmqrscp drops the "
                 + "\(previous.entries) entr\(previous.entries == 1 ? "y" : "ies") read there")
        }
        while index < lines.count {
            let piece = lines[index]
            index += 1
            lastPiece = piece
            if piece.isCommentOrBlank { continue }
            let words = piece.words
            if words.count >= 1 { firstWord = words[0].string }
            if words.count >= 2 { secondWord = words[1].string }
            if firstWord == name {
                if secondWord == "END" {
                    ended = true
                } else {
                    error(piece, words.count >= 2 ? words[1].start : words[0].start,
                          "Illegal \(name) status \"\(secondWord)\" in configuration file, line \(piece.line)",
                          text: words.count >= 2 ? secondWord : nil,
                          expected: "\"\(name) END\" (a table cannot be opened inside another)", dcmtk: true)
                }
                break
            }
            if firstWord != name, firstWord.lowercased() == name.lowercased(), let word = words.first {
                warn(piece, word.start, text: word.string, "\"\(word.string)\" is not \"\(name)\": table names are "
                     + "case-sensitive, so dcmqrscp reads this line as a table entry")
            }
            if words.isEmpty {
                error(piece, 0, "Line of only white space inside \(name) in configuration file, line \(piece.line)",
                      text: piece.text, expected: "an entry, an empty line or \"\(name) END\": dcmqrscp "
                        + "reads a line of spaces or tabs in a table as an entry with no value (make it empty)")
                // dcmqrscp keeps it as an entry named "" with no peers.
                if kind == .hostTable { hostEntries.append(SymbolicNameEntry(name: "", peers: [], line: piece.line)) }
                continue
            }
            switch kind {
            case .hostTable, .vendorTable: readSymbolicNameEntry(kind, piece)
            case .aeTable: if let entry = readAEEntry(piece) { aeEntries.append(entry) }
            }
        }
        if !ended {
            error(lastPiece, max(0, lastPiece.bytes.count - 1),
                  "No \"\(name) END\" in configuration file, line \(lastPiece.line)", text: nil,
                  expected: "\"\(name) END\" before the end of the file (the table begins on line \(begin.line))",
                  dcmtk: true)
        }
        if kind == .aeTable {
            configuration.aeTable = aeEntries
            previousAETable = (begin.line, aeEntries.count)
        }
    }

    /// `SymbolicName = peer, peer, …` (HostTable) or `"Vendor" = …` (VendorTable).
    private mutating func readSymbolicNameEntry(_ kind: TableKind, _ piece: ConfigurationLine) {
        var cursor = ValueCursor(piece.bytes)
        let nameToken = cursor.next()
        if let nameToken { noteQuotes(nameToken, piece) }
        let name = nameToken?.string ?? ""
        let what = kind == .hostTable ? "symbolic name" : "vendor name"
        // dcmqrscp adds the entry before reading its peers: it is already
        // there (with no peers yet) when the peer list names it.
        let entryIndex = hostEntries.count
        if kind == .hostTable { hostEntries.append(SymbolicNameEntry(name: name, peers: [], line: piece.line)) }
        let peers = nameToken == nil ? nil : readPeerList(&cursor, piece, owner: kind == .hostTable ? name : nil)
        if let peers, !peers.isEmpty {
            if kind == .hostTable {
                hostEntries[entryIndex].peers = peers
                if let first = hostEntries[..<entryIndex].first(where: { $0.name == name }) {
                    warn(piece, nameToken?.start ?? 0, text: name,
                         "symbolic name \"\(name)\" is already defined on line \(first.line): "
                         + "dcmqrscp uses the first definition and ignores this one")
                }
            } else {
                configuration.vendorEntries.append(SymbolicNameEntry(name: name, peers: peers, line: piece.line))
            }
            return
        }
        guard peers != nil else {   // an error already named the cause
            if nameToken == nil {
                error(piece, cursor.position, "Missing \(what) in configuration file, line \(piece.line)",
                      text: cursor.rest, expected: "\(kind == .hostTable ? "SymbolicName" : "\"Vendor Name\"") "
                        + "= peers" + Self.missingValueReason(cursor.failure))
            }
            return
        }
        error(piece, cursor.position, "Empty peer list for \(what) \"\(name)\" in configuration file, line \(piece.line)",
              text: cursor.isAtEnd ? nil : cursor.rest,
              expected: "after \"\(name) =\" one or more symbolic names defined on earlier HostTable lines or "
                + "(AETitle, HostName, Port) triples" + Self.missingValueReason(cursor.failure))
    }

    /// `AETitle StorageArea Access (maxStudies, maxBytesPerStudy) Peers`.
    private mutating func readAEEntry(_ piece: ConfigurationLine) -> AEEntry? {
        var cursor = ValueCursor(piece.bytes)
        let indentNote = piece.bytes.first.map(CScanning.isSpace) == true
            ? "; this line starts with white space, so dcmqrscp reads an empty AE title first" : ""
        let fields = ["AE title", "storage area", "access", "quota"]
        var tokens: [ConfigurationToken] = []
        for field in fields {
            guard let token = cursor.next() else {
                let title = tokens.first.map { " for AE title \"\($0.string)\"" } ?? ""
                error(piece, cursor.position, "Missing \(field)\(title) in configuration file, line \(piece.line)",
                      text: cursor.isAtEnd ? nil : cursor.rest,
                      expected: "AETitle StorageArea Access (maxStudies, maxBytesPerStudy) Peers"
                        + Self.missingValueReason(cursor.failure) + indentNote)
                return nil
            }
            noteQuotes(token, piece)
            tokens.append(token)
        }
        let (titleToken, areaToken, accessToken, quotaToken) = (tokens[0], tokens[1], tokens[2], tokens[3])
        let title = titleToken.string
        let quota = readQuota(quotaToken, piece, title: title)
        guard quota.maxStudies != 0, quota.maxBytesPerStudy != 0 else { return nil }   // reported by readQuota
        let peersCursor = cursor
        guard let first = cursor.next() else {
            error(piece, cursor.position, "No peers for AE title \"\(title)\" in configuration file, line \(piece.line)",
                  text: cursor.isAtEnd ? nil : cursor.rest,
                  expected: "after the quota: ANY, or symbolic names from the HostTable and (AETitle, HostName, Port) "
                    + "triples" + Self.missingValueReason(cursor.failure))
            return nil
        }
        let peers: AEPeers
        if first.string == "ANY" {
            peers = .any
        } else {
            var listCursor = peersCursor
            let hint = !indentNote.isEmpty || quotaToken.quote != nil ? indentNote
                : "; the quota before it is not in parentheses, so dcmqrscp reads its second half as a peer: "
                    + "write (maxStudies, maxBytesPerStudy)"
            guard let list = readPeerList(&listCursor, piece, owner: nil, hint: hint) else { return nil }
            peers = .list(list)
        }
        let entry = AEEntry(aeTitle: title, storageArea: areaToken.string, access: Access(accessToken.string),
                            quota: quota, peers: peers, line: piece.line)
        warnAboutAEEntry(entry, piece, titleToken: titleToken, accessToken: accessToken)
        return entry
    }

    private mutating func warnAboutAEEntry(_ entry: AEEntry, _ piece: ConfigurationLine,
                                           titleToken: ConfigurationToken, accessToken: ConfigurationToken) {
        let title = entry.aeTitle
        if title.isEmpty {
            warn(piece, titleToken.start, text: nil, "empty AE title: no association can ever call it")
        } else if title.utf8.count > 16 {
            warn(piece, titleToken.start, text: title, "AE title of \(title.utf8.count) characters: "
                 + "an AE title has at most 16 (PS3.5 §6.2, AE), so no association can ever call it")
        }
        if !entry.access.isDocumented {
            let suggestion = ["RW", "WR", "R", "W"].first { $0 == entry.access.token.uppercased() }
            warn(piece, accessToken.start, text: entry.access.token,
                 "access \"\(entry.access.token)\" is not R, RW, WR or W: dcmqrscp reads any other word as "
                 + "read-only" + (suggestion.map { " (did you mean \"\($0)\"? access is case-sensitive)" } ?? ""))
        }
    }
}
