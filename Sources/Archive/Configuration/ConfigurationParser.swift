/// Reads a `dcmqrscp.cfg` exactly as DCMTK 3.6.7's `DcmQueryRetrieveConfig`
/// does (spec §2), and says more than it does: every error located to the
/// column with what was expected, the causes dcmqrscp leaves silent named,
/// and warnings for what it accepts but surely means something else.
///
/// The file is read in pieces of at most 511 bytes (`ConfigurationLine`);
/// outside tables a piece starts with a case-sensitive keyword; tables run
/// from `<Name> BEGIN` to `<Name> END`. Parsing goes on after an error, so one
/// run reports them all.
struct ConfigurationParser {
    let fileName: String
    let lines: [ConfigurationLine]
    var index = 0
    var configuration: Configuration
    var errors: [ConfigurationDiagnostic] = []
    var warnings: [ConfigurationDiagnostic] = []
    /// HostTable entries as dcmqrscp holds them, failed ones included (they
    /// still answer lookups: `No peers for symbolic name … defined`).
    var hostEntries: [SymbolicNameEntry] = []
    /// dcmqrscp's `value` buffer of the global loop: a `HostTable` line with no
    /// word after it reuses the previous table line's word.
    var lastTableStatus = ""
    /// Where the last MaxPDUSize value was read.
    var maxPDUSizeSource: (line: ConfigurationLine, offset: Int, text: String)?
    /// The BEGIN line and entry count of the AETable read last.
    var previousAETable: (line: Int, entries: Int)?
    /// Undefined symbolic names, to tell afterwards when they are defined later.
    var undefinedNameUses: [(errorIndex: Int, name: String, line: Int)] = []

    init(bytes: [UInt8], fileName: String) {
        self.fileName = fileName
        lines = ConfigurationLine.split(bytes)
        configuration = Configuration(fileName: fileName)
    }

    static let globalKeywords = ["NetworkTCPPort", "MaxPDUSize", "MaxAssociations", "SpecificCharacterSet",
                                 "UserName", "GroupName", "HostTable", "VendorTable", "AETable"]
    /// Accepted and ignored (spec §2.4).
    static let legacyKeywords: Set<String> = ["ApplicationTitle", "ApplicationContext", "ImplementationClass",
                                              "ImplementationVersion", "NetworkType", "Display", "DisplayPort"]

    /// Parses the whole file.
    mutating func parse() -> Result<Configuration, ConfigurationError> {
        warnAboutLongLines()
        while index < lines.count {
            let piece = lines[index]
            index += 1
            if piece.isCommentOrBlank { continue }
            guard let keyword = piece.words.first else { continue }   // only white space: ignored here
            let valueStart = Self.skipMnemonic(piece.bytes)
            readGlobal(keyword: keyword, valueStart: valueStart, piece: piece)
        }
        configuration.hostEntries = hostEntries
        addHintsForLaterDefinitions()
        if errors.isEmpty { addSemanticWarnings() }
        warnings = warnings.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
        configuration.warnings = warnings
        return finish()
    }

    private mutating func finish() -> Result<Configuration, ConfigurationError> {
        let pdu = configuration.maxPDUSize
        var pduError: ConfigurationDiagnostic?
        if pdu != 0, !Configuration.validMaxPDUSizes.contains(pdu) {
            let source = maxPDUSizeSource
            pduError = ConfigurationDiagnostic(
                severity: .error, file: fileName, line: source?.line.line ?? 1,
                column: source.map { $0.line.column($0.offset) } ?? 1,
                message: "Invalid MaxPDUSize \(pdu) in configuration file, line \(source?.line.line ?? 1)",
                text: source?.text,
                expected: "MaxPDUSize 0 (meaning 16384) or a size from 4096 to 131072")
        }
        if !errors.isEmpty {
            if let pduError { errors.append(pduError) }
            return .failure(.invalidLines(file: fileName, errors: errors, warnings: warnings))
        }
        if let pduError { return .failure(.invalidMaxPDUSize(value: pdu, diagnostic: pduError)) }
        return .success(configuration)
    }

    /// dcmqrscp's `skipmnemonic`: separators, the keyword, separators.
    static func skipMnemonic(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count, ValueCursor.isGap(bytes[i]) { i += 1 }
        while i < bytes.count, !CScanning.isSpace(bytes[i]) { i += 1 }
        while i < bytes.count, ValueCursor.isGap(bytes[i]) { i += 1 }
        return i
    }

    // MARK: - Global parameters

    private mutating func readGlobal(keyword: ConfigurationToken, valueStart: Int, piece: ConfigurationLine) {
        let word = keyword.string
        let value = Array(piece.bytes[valueStart...])
        switch word {
        case _ where Self.legacyKeywords.contains(word):
            break
        case "UserName", "GroupName":
            var cursor = ValueCursor(piece.bytes, at: valueStart)
            guard let name = cursor.next() else {
                error(piece, valueStart, "Missing value for \(word) in configuration file, line \(piece.line)",
                      text: nil, expected: "a \(word == "UserName" ? "user" : "group") name after \(word)"
                        + Self.missingValueReason(cursor.failure) + " (dcmqrscp 3.6.7 crashes on this line)")
                return
            }
            if word == "UserName" { configuration.userName = name.string } else { configuration.groupName = name.string }
        case "NetworkTCPPort":
            guard let (port, _) = CScanning.scanInt(value) else {
                warn(piece, valueStart, text: nonEmpty(piece.text(from: valueStart)),
                     "NetworkTCPPort has no number: dcmqrscp keeps the previous value (default 104)")
                return
            }
            configuration.networkTCPPort = port
            if !(0...65535).contains(port) {
                warn(piece, valueStart, text: String(port), "NetworkTCPPort \(port) is not a TCP port number (0...65535)")
            }
        case "MaxPDUSize":
            let size = CScanning.scanUnsigned32(value)
            configuration.maxPDUSize = size ?? 0
            maxPDUSizeSource = (piece, valueStart, piece.firstWord(from: valueStart))
            if size == nil {
                warn(piece, valueStart, text: nonEmpty(piece.text(from: valueStart)),
                     "MaxPDUSize has no number: dcmqrscp reads 0, which means the default, 16384")
            }
        case "MaxAssociations":
            guard let (count, _) = CScanning.scanInt(value) else {
                warn(piece, valueStart, text: nonEmpty(piece.text(from: valueStart)),
                     "MaxAssociations has no number: dcmqrscp keeps the previous value (default 16)")
                return
            }
            configuration.maxAssociations = count
            if count <= 0 {
                warn(piece, valueStart, text: String(count),
                     "MaxAssociations \(count) admits no association: every association will be refused")
            }
        case "SpecificCharacterSet":
            var cursor = ValueCursor(piece.bytes, at: valueStart)
            var terms: [String] = []
            while let term = cursor.next() { terms.append(term.string) }
            if case .unterminatedQuote(let start) = cursor.failure {
                warn(piece, start, text: cursor.rest, "unterminated quote: dcmqrscp ignores the rest of the line")
            }
            configuration.specificCharacterSet = SpecificCharacterSetOption(terms: terms)
        case "HostTable", "VendorTable", "AETable":
            let kind = TableKind(rawValue: word) ?? .aeTable
            let status = piece.words(from: valueStart).first
            if let status {
                lastTableStatus = status.string
            } else if !lastTableStatus.isEmpty {
                warn(piece, keyword.start, text: word, "\(word) without BEGIN or END: dcmqrscp reuses the word "
                     + "of the previous table line, \"\(lastTableStatus)\"")
            }
            let statusOffset = status?.start ?? valueStart
            switch lastTableStatus {
            case "BEGIN":
                readTable(kind, begin: piece)
            case "END":
                error(piece, keyword.start, "No \"\(word) BEGIN\" before END in configuration file, line \(piece.line)",
                      text: piece.text.trimmingSpaces, expected: "\"\(word) BEGIN\" on an earlier line", dcmtk: true)
            default:
                error(piece, statusOffset,
                      "Unknown \(word) status \"\(lastTableStatus)\" in configuration file, line \(piece.line)",
                      text: status?.string, expected: "\"\(word) BEGIN\" or \"\(word) END\" (upper case)", dcmtk: true)
            }
        default:
            error(piece, keyword.start, "Unknown mnemonic \"\(word)\" in configuration file, line \(piece.line)",
                  text: word, expected: Self.keywordHint(word), dcmtk: true)
        }
    }

    /// What to say about a keyword dcmqrscp does not know.
    static func keywordHint(_ word: String) -> String {
        let known = globalKeywords + legacyKeywords.sorted()
        if let match = known.first(where: { $0.lowercased() == word.lowercased() }) {
            return "a keyword: did you mean \"\(match)\"? (keywords are case-sensitive)"
        }
        if let equals = word.firstIndex(of: "="), known.contains(String(word[..<equals])) {
            return "a space between \"\(word[..<equals])\" and \"=\" (the keyword ends at the first space)"
        }
        if word.hasPrefix("#") {
            return "a keyword; a comment must start with \"#\" in column 1"
        }
        return "a keyword (" + globalKeywords.joined(separator: ", ")
            + "; case-sensitive), a comment starting with \"#\" in column 1, or an empty line"
    }

    static func missingValueReason(_ failure: ValueCursor.Failure) -> String {
        switch failure {
        case .endOfLine: ""
        case .unterminatedQuote: "; the quote opened here is never closed"
        case .noSeparatorAfter: "; a value at the very end of the file (or of a 511-character piece) is not read"
        }
    }

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    // MARK: - Reporting

    mutating func error(_ piece: ConfigurationLine, _ offset: Int, _ message: String, text: String?,
                        expected: String, dcmtk: Bool = false) {
        errors.append(ConfigurationDiagnostic(severity: .error, file: fileName, line: piece.line,
                                              column: piece.column(offset), message: message, text: text,
                                              expected: expected, isDCMTKMessage: dcmtk))
    }

    mutating func warn(_ piece: ConfigurationLine, _ offset: Int, text: String?, _ message: String) {
        warnings.append(ConfigurationDiagnostic(severity: .warning, file: fileName, line: piece.line,
                                                column: piece.column(offset), message: message, text: text))
    }

    mutating func warn(line: Int, column: Int, text: String?, _ message: String) {
        warnings.append(ConfigurationDiagnostic(severity: .warning, file: fileName, line: line, column: column,
                                                message: message, text: text))
    }
}

/// The three tables of the file.
enum TableKind: String {
    case hostTable = "HostTable", vendorTable = "VendorTable", aeTable = "AETable"
}

extension ConfigurationLine {
    /// Whitespace-separated words from `offset` (`sscanf(valueptr, "%s")`).
    func words(from offset: Int) -> [ConfigurationToken] {
        let tail = ConfigurationLine(bytes: Array(bytes[min(offset, bytes.count)...]), line: line,
                                     columnOffset: 0, physicalLength: physicalLength)
        return tail.words.map { ConfigurationToken(bytes: $0.bytes, start: $0.start + offset, end: $0.end + offset) }
    }

    func firstWord(from offset: Int) -> String { words(from: offset).first?.string ?? "" }

    /// The text from `offset` to the end of the piece, line end removed.
    func text(from offset: Int) -> String { ValueCursor(bytes, at: offset).rest }
}
