/// How identifiers become queries.
package struct QueryOptions: Sendable {
    /// dcmqrscp's `--check-find` (-XF) for C-FIND and `--check-move` (-XM) for
    /// C-MOVE/C-GET: the strict identifier checks of PS3.4 §C.4.1 (spec §6.7, §7.6).
    package var checkIdentifier: Bool
    /// PN comparison: dcmqrscp's exact one by default.
    package var personNameMatching: PersonNameMatching
    /// The supported keys; `.quarry` by default, `.dcmqrscp` for dcmqrscp's exact list.
    package var keys: QueryKeyTable

    package init(checkIdentifier: Bool = false, personNameMatching: PersonNameMatching = .exact,
                 keys: QueryKeyTable = .quarry) {
        (self.checkIdentifier, self.personNameMatching, self.keys) = (checkIdentifier, personNameMatching, keys)
    }
}
