import DICOM

extension Query {
    /// The query of a C-FIND, C-MOVE or C-GET identifier whose text keys (SH, LO, ST,
    /// LT, UC, UT, PN) are decoded with the identifier's own Specific Character Set
    /// (0008,0005), so they compare with the index's Unicode values whatever sets
    /// either came in (spec §6.3, §6.6: `Müller*` sent in UTF-8 or in Latin-1 matches
    /// both Müller records). A key whose bytes are not valid in that set is compared
    /// byte for byte, with dcmqrscp's warning on `log`.
    package static func decodingText(model: QueryRetrieveInformationModel, identifier: DataSet,
                                     options: QueryOptions = QueryOptions(), log: Log = .silent) throws(QueryFailure) -> Query {
        let characterSet = identifier[.specificCharacterSet].map { String(decoding: $0.bytes, as: UTF8.self) }
        let decoder = MatchingTextDecoder(requestCharacterSet: characterSet)
        return try Query(model: model, identifier: identifier, options: options) { bytes in
            decoder.queryText(bytes, vr: .LO, log: log)
        }
    }
}
