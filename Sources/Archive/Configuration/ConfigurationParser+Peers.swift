/// Peer lists: symbolic names and `(AETitle, HostName, Port)` triples.
extension ConfigurationParser {
    /// dcmqrscp's `readPeerList`: values up to the end of the line; a value
    /// holding a comma (only a quoted one can) is a triple, any other a
    /// symbolic name looked up, case-sensitively, among the HostTable lines
    /// read so far (the first with that name) and replaced by its peers.
    ///
    /// Returns nil after reporting an error (dcmqrscp then drops the whole
    /// list); an empty list when the line has no value left.
    /// - Parameters:
    ///   - owner: the symbolic name being defined (HostTable), which dcmqrscp
    ///     already holds, peerless, while reading its list.
    ///   - hint: added to the "expected" text of a failed lookup.
    mutating func readPeerList(_ cursor: inout ValueCursor, _ piece: ConfigurationLine, owner: String?,
                               hint: String = "") -> [Peer]? {
        var peers: [Peer] = []
        while let token = cursor.next() {
            noteQuotes(token, piece)
            if token.bytes.contains(UInt8(ascii: ",")) {
                peers.append(readTriple(token, piece))
                continue
            }
            let name = token.string
            let why = hint.isEmpty ? Self.peerHint(token) : hint
            guard !hostEntries.isEmpty else {
                error(piece, token.start, "No symbolic names defined", text: token.written,
                      expected: "ANY, a triple (AETitle, HostName, Port), or a symbolic name from a HostTable "
                        + "above this line (there is none)" + why, dcmtk: true)
                return nil
            }
            guard let entry = hostEntries.first(where: { $0.name == name }) else {
                undefinedNameUses.append((errors.count, name, piece.line))
                error(piece, token.start, "Symbolic name \"\(name)\" not defined", text: token.written,
                      expected: "a symbolic name defined on an earlier HostTable line" + why,
                      dcmtk: true)
                return nil
            }
            if entry.peers.isEmpty {
                let ownUse = owner == name && entry.line == piece.line
                error(piece, token.start, "No peers for symbolic name \"\(name)\" defined", text: token.written,
                      expected: ownUse ? "symbolic names defined on earlier lines: \"\(name)\" is the name this line defines"
                        : "a symbolic name with peers: its definition on line \(entry.line) has none (see the error there)",
                      dcmtk: true)
                return nil
            }
            peers += entry.peers
        }
        if !peers.isEmpty, case .unterminatedQuote(let start) = cursor.failure {
            warn(piece, start, text: cursor.rest,
                 "unterminated quote: dcmqrscp silently ignores the rest of the line, peers included")
        }
        return peers
    }

    /// A triple as dcmqrscp reads it: AE title and host name are the first
    /// two values inside (each must be followed by a separator), the port is
    /// `atoi` of what follows the host.
    private mutating func readTriple(_ token: ConfigurationToken, _ piece: ConfigurationLine) -> Peer {
        var inner = ValueCursor(token.bytes)
        let title = inner.next()?.string ?? ""
        let host = inner.next()
        let portText = Array(token.bytes[inner.position...])
        let port = CScanning.atoi(portText)
        let peer = Peer(aeTitle: title, hostName: host?.string ?? "", port: port)
        let written = token.written
        if host == nil {
            warn(piece, token.start, text: written, "peer \(peer) has no host name: dcmqrscp reads the host "
                 + "only when a comma and the port follow it; write (AETitle, HostName, Port)")
        } else if CScanning.scanInt(portText) == nil {
            warn(piece, token.start, text: written, "peer has no port number: dcmqrscp reads port 0, "
                 + "so C-MOVE to \(title) cannot connect; write (AETitle, HostName, Port)")
        } else if !(1...65535).contains(port) {
            warn(piece, token.start, text: written, "port \(port) is not a TCP port number (1...65535)")
        }
        if title.isEmpty {
            warn(piece, token.start, text: written, "peer with an empty AE title: no association can ever match it"
                 + (token.bytes.first.map(CScanning.isSpace) == true ? " (remove the space after the parenthesis)" : ""))
        }
        return peer
    }

    /// Warns about a quoted value closed by another kind of quote than the
    /// one that opened it (dcmqrscp ends it at any of `"` `'` `(` `)`).
    mutating func noteQuotes(_ token: ConfigurationToken, _ piece: ConfigurationLine) {
        guard let open = token.quote, let close = token.closingQuote else { return }
        let expected: UInt8 = open == UInt8(ascii: "(") ? UInt8(ascii: ")") : open
        guard close != expected else { return }
        let o = String(UnicodeScalar(open)), c = String(UnicodeScalar(close))
        warn(piece, token.start, text: token.written, "value opened with \(o) ends at \(c): dcmqrscp ends a quoted "
             + "value at the next \" ' ( or ), so it reads \"\(token.string)\"")
    }

    /// Why a value read as a symbolic name may be something else.
    static func peerHint(_ token: ConfigurationToken) -> String {
        let name = token.string
        if name == "#" || name.hasPrefix("#") {
            return "; a comment must start with \"#\" in column 1 of its own line"
        }
        if name == "ANY" {
            return "; ANY must be the first and only peer"
        }
        if token.quote == UInt8(ascii: "("), name.contains(" ") {
            return "; a peer triple needs commas: (AETitle, HostName, Port)"
        }
        if CScanning.scanInt(token.bytes) != nil, name.last == "b" || name.last == "B" {
            return "; \"\(name)\" looks like part of a quota, which must be in parentheses: (maxStudies, maxBytesPerStudy)"
        }
        return ""
    }

    /// Adds "(it is defined on line N, after its use)" to undefined names
    /// that a later HostTable line defines.
    mutating func addHintsForLaterDefinitions() {
        for use in undefinedNameUses where errors.indices.contains(use.errorIndex) {
            if let later = hostEntries.first(where: { $0.name == use.name && $0.line > use.line }) {
                errors[use.errorIndex].expected += " (\"\(use.name)\" is defined later, on line \(later.line): "
                    + "move its definition above this line)"
            }
        }
    }
}
