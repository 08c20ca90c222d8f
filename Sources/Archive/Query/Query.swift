import DICOM

/// A C-FIND, C-MOVE or C-GET request turned into a query (PS3.4 §C.4): the model,
/// the Query/Retrieve Level, the supported keys it carries, and the conditions a
/// record must meet — built with dcmqrscp's hierarchy rules (spec §6.4, §7.1) and,
/// when asked, its strict checks (-XF §6.7, -XM §7.6).
///
/// The conditions are grouped by the level whose record holds the attribute, so
/// an index can test each level's record on its way down (`matches(_:at:)`), or
/// test one flattened instance record at once (`matches(_:)`).
package struct Query: Sendable {
    package let model: QueryRetrieveInformationModel
    package let level: QueryRetrieveLevel
    /// Supported keys present in the identifier, in tag order (unsupported ones are dropped).
    package let requestedKeys: [RequestedKey]
    /// The non-universal conditions in force.
    package let conditions: [QueryCondition]
    /// C-MOVE/C-GET whose identifier lacks a higher level's unique key, or whose level is
    /// above the model: dcmqrscp answers 0x0000 with no sub-operations (spec §7.1).
    package let matchesNothing: Bool
    /// Lines to log when the query starts (dcmqrscp's warning for such a C-MOVE/C-GET).
    package let notices: [QueryLogLine]
    /// The request's Specific Character Set (0008,0005) as sent (backslash-separated), nil if absent.
    package let requestCharacterSet: String?
    package let keys: QueryKeyTable
    private let conditionsByLevel: [[QueryCondition]]

    /// - Parameters:
    ///   - identifier: the request's identifier data set.
    ///   - decodeText: decodes the bytes of LO/LT/PN/SH/ST/UC/UT values with the request's
    ///     Specific Character Set; UTF-8 until the character set module supplies one.
    /// - Throws: the status, Error Comment and log lines to answer with (0xA900, 0xC000).
    package init(model: QueryRetrieveInformationModel, identifier: DataSet, options: QueryOptions = QueryOptions(),
                 decodeText: ([UInt8]) -> String = { String(decoding: $0, as: UTF8.self) }) throws(QueryFailure) {
        let service = model.service
        // (0008,0052): missing or zero-length → 0xA900; unreadable → 0xC000 (spec §6.1).
        guard let levelElement = identifier[.queryRetrieveLevel], !levelElement.bytes.isEmpty else {
            let function = service == .find ? "DB_startFindRequest" : "DB_startMoveRequest"
            throw .make(service, QueryFailure.identifierDoesNotMatchSOPClass, "Query/Retrieve Level (0008,0052) missing",
                        [QueryLogLine(.warn, "\(function)(): missing Query/Retrieve Level")])
        }
        let levelText = String(decoding: levelElement.bytes, as: UTF8.self)
        guard let level = QueryRetrieveLevel(dcmqrscpValue: levelText) else {
            let shown = String(levelText.prefix(30)).trimmingTrailingPadding
            throw .make(service, QueryFailure.unableToProcess, "Unknown Query/Retrieve Level '\(shown)'")
        }

        var requested: [RequestedKey] = []
        for element in identifier.elements where element.tag != .queryRetrieveLevel {
            guard let key = options.keys.key(for: element.tag) else { continue }
            requested.append(IdentifierValue.decode(element, key: key, decodeText: decodeText))
        }

        if options.checkIdentifier {
            let check = service == .find ? Self.checkFindIdentifier : Self.checkMoveIdentifier
            if let violation = check(requested, level, model.root) {
                throw .make(service, QueryFailure.identifierDoesNotMatchSOPClass, violation.comment, violation.lines)
            }
        }

        let hierarchy = try Self.hierarchy(requested, level: level, model: model, options: options)
        self.model = model
        self.level = level
        self.requestedKeys = requested
        self.conditions = hierarchy.conditions
        self.matchesNothing = hierarchy.matchesNothing
        self.notices = hierarchy.notices
        self.keys = options.keys
        self.requestCharacterSet = identifier[.specificCharacterSet].map {
            String(decoding: $0.bytes, as: UTF8.self).trimmingTrailingPadding
        }
        var byLevel = [[QueryCondition]](repeating: [], count: QueryRetrieveLevel.allCases.count)
        for c in hierarchy.conditions { if let l = c.key.level { byLevel[l.rawValue].append(c) } }
        conditionsByLevel = byLevel
    }

    /// The conditions evaluated on records of `level` (the level holding the attribute).
    package func conditions(at level: QueryRetrieveLevel) -> [QueryCondition] { conditionsByLevel[level.rawValue] }

    /// The requested key for `tag`, if the identifier carried it and it is supported.
    package func requestedKey(_ tag: Tag) -> RequestedKey? { requestedKeys.first { $0.key.tag == tag } }
}

/// A key in force: the record of `key.level` must satisfy `matcher`.
package struct QueryCondition: Sendable {
    package var key: QueryKey
    package var matcher: AttributeMatcher
    package init(key: QueryKey, matcher: AttributeMatcher) { (self.key, self.matcher) = (key, matcher) }
}

extension String {
    /// Without trailing spaces and NULs (PS3.5 §6.2 padding).
    var trimmingTrailingPadding: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\0" { s.removeLast() }
        return String(s)
    }
}
