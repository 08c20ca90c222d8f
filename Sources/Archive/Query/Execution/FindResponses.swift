import DICOM

/// One pending C-FIND response (spec §6.5): the identifier to send with status
/// 0xFF00, the entity it describes, and the lines the response character set policy
/// logs for it (spec §6.6).
package struct FindResponse: Sendable {
    package var identifier: DataSet
    package var entity: IndexEntity
    package var messages: [ResponseCharacterSetPolicy.Outcome.Message]

    package init(identifier: DataSet, entity: IndexEntity, messages: [ResponseCharacterSetPolicy.Outcome.Message]) {
        (self.identifier, self.entity, self.messages) = (identifier, entity, messages)
    }

    /// Writes `messages` to `log`.
    package func log(to log: Log) { for message in messages { log(message.level, message.text) } }
}

/// The pending responses of a C-FIND over an `IndexSnapshot`, built one at a time as
/// the matches are found (`QueryMatches`): the handler sends each and checks for
/// C-CANCEL before asking for the next. No object file is opened.
///
/// Each identifier holds the requested supported keys with the matched entity's values
/// (`Query.responseIdentifier`), written in the Specific Character Set of the entity's
/// record and then converted by the response policy (`ResponseCharacterSetPolicy`).
package struct FindResponses: Sequence {
    package let query: Query
    package let snapshot: IndexSnapshot
    /// Retrieve AE Title (0008,0054): the called AE title (spec §6.5).
    package let retrieveAETitle: String
    package let policy: ResponseCharacterSetPolicy

    package init(query: Query, snapshot: IndexSnapshot, retrieveAETitle: String,
                 policy: ResponseCharacterSetPolicy = .dcmqrscpDefault) {
        (self.query, self.snapshot, self.retrieveAETitle, self.policy) = (query, snapshot, retrieveAETitle, policy)
    }

    package func makeIterator() -> Iterator { Iterator(responses: self, matches: snapshot.matches(of: query).makeIterator()) }

    package struct Iterator: IteratorProtocol {
        let responses: FindResponses
        var matches: QueryMatches.Iterator

        package mutating func next() -> FindResponse? {
            guard let entity = matches.next() else { return nil }
            return responses.response(for: entity)
        }
    }

    /// The response describing `entity`.
    package func response(for entity: IndexEntity) -> FindResponse {
        let record = IndexRecord(entity, in: snapshot)
        let view = record.view(keys: query.keys)
        var encoding = RecordTextEncoding(characterSet: record.specificCharacterSet)
        var identifier = identifier(view, encoding)
        if identifier == nil {
            encoding = .utf8
            identifier = self.identifier(view, encoding)
        }
        let outcome = policy.apply(to: identifier?.elements ?? [], recordCharacterSet: encoding.characterSet,
                                   requestCharacterSet: query.requestCharacterSet)
        var response = DataSet(outcome.elements)
        if let characterSet = outcome.specificCharacterSet {
            response.set(Query.element(.specificCharacterSet, .CS, characterSet) { text, _ in Array(text.utf8) })
        }
        return FindResponse(identifier: response, entity: entity, messages: outcome.messages)
    }

    /// The identifier with its text in `encoding`; nil when a value cannot be written in it.
    private func identifier(_ view: QueryRecordView<IndexRecord>, _ encoding: RecordTextEncoding) -> DataSet? {
        var failed = false
        let identifier = query.responseIdentifier(for: view, retrieveAETitle: retrieveAETitle, specificCharacterSet: nil) {
            text, vr in
            guard let bytes = encoding.encode(text, vr: vr) else {
                failed = true
                return []
            }
            return bytes
        }
        return failed ? nil : identifier
    }
}
