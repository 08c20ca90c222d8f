extension Configuration {
    /// Where a C-MOVE sends its sub-operations (spec §7.2; dcmqrscp's
    /// `peerForAETitle`): the first peer with that AE title (byte-exact,
    /// case-sensitive) among the AETable's peers — in entry order, symbolic
    /// names already expanded — then among the HostTable's, in file order.
    /// nil: Move Destination unknown (0xA801).
    package func moveDestination(_ aeTitle: String) -> Peer? {
        for entry in aeTable {
            if let peer = entry.peers.triples.first(where: { $0.aeTitle == aeTitle }) { return peer }
        }
        for entry in hostEntries {
            if let peer = entry.peers.first(where: { $0.aeTitle == aeTitle }) { return peer }
        }
        return nil
    }

    /// Whether one VendorTable line lists both AE titles (spec §7.5;
    /// dcmqrscp's `checkForSameVendor`, used by `--move-vendor`): AE titles
    /// only, byte-exact; hosts are not compared.
    package func sameVendor(_ a: String, _ b: String) -> Bool {
        vendorEntries.contains { entry in
            entry.peers.contains { $0.aeTitle == a } && entry.peers.contains { $0.aeTitle == b }
        }
    }
}
