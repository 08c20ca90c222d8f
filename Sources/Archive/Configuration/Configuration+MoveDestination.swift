/// Where a Move Destination was found in the configuration (spec §7.2): the
/// peer triple and the table line that lists it — for the log and for
/// `quarryscp --explain`.
package struct MoveDestinationSource: Equatable, Sendable {
    package enum Table: Equatable, Sendable {
        /// A peer of the AETable line of this AE title.
        case aeTable(aeTitle: String)
        /// A peer of the HostTable line of this symbolic name.
        case hostTable(symbolicName: String)
    }

    package var peer: Peer
    package var table: Table
    /// The line of the file that lists the peer.
    package var line: Int

    package init(peer: Peer, table: Table, line: Int) { (self.peer, self.table, self.line) = (peer, table, line) }
}

extension Configuration {
    /// Where a C-MOVE sends its sub-operations (spec §7.2; dcmqrscp's
    /// `peerForAETitle`): the first peer with that AE title (byte-exact,
    /// case-sensitive) among the AETable's peers — in entry order, symbolic
    /// names already expanded — then among the HostTable's, in file order.
    /// nil: Move Destination unknown (0xA801).
    package func moveDestination(_ aeTitle: String) -> Peer? { moveDestinationSource(aeTitle)?.peer }

    /// `moveDestination(_:)` with the line that decides it.
    package func moveDestinationSource(_ aeTitle: String) -> MoveDestinationSource? {
        for entry in aeTable {
            if let peer = entry.peers.triples.first(where: { $0.aeTitle == aeTitle }) {
                return MoveDestinationSource(peer: peer, table: .aeTable(aeTitle: entry.aeTitle), line: entry.line)
            }
        }
        for entry in hostEntries {
            if let peer = entry.peers.first(where: { $0.aeTitle == aeTitle }) {
                return MoveDestinationSource(peer: peer, table: .hostTable(symbolicName: entry.name), line: entry.line)
            }
        }
        return nil
    }

    /// Whether one VendorTable line lists both AE titles (spec §7.5;
    /// dcmqrscp's `checkForSameVendor`, used by `--move-vendor`): AE titles
    /// only, byte-exact; hosts are not compared.
    package func sameVendor(_ a: String, _ b: String) -> Bool { vendorEntry(listing: a, and: b) != nil }

    /// The first VendorTable line listing both AE titles (`sameVendor`).
    package func vendorEntry(listing a: String, and b: String) -> SymbolicNameEntry? {
        vendorEntries.first { entry in
            entry.peers.contains { $0.aeTitle == a } && entry.peers.contains { $0.aeTitle == b }
        }
    }
}
