/// A remote application entity as the configuration names it: the triple
/// `(AETitle, HostName, Port)` of a HostTable or AETable peer list.
///
/// `hostName` is used two ways (spec §2.5): compared with the host of an
/// incoming association, and as the address to connect to for a C-MOVE
/// sub-association. A triple written without a port reads as port 0, one
/// whose host is not followed by a comma reads as host "" (dcmqrscp's `atoi`
/// and `parsevalues`); both produce a warning.
package struct Peer: Hashable, Sendable, CustomStringConvertible {
    package var aeTitle: String
    package var hostName: String
    package var port: Int

    package init(aeTitle: String, hostName: String, port: Int) {
        (self.aeTitle, self.hostName, self.port) = (aeTitle, hostName, port)
    }

    /// `(AETitle, HostName, Port)`, as the file writes it.
    package var description: String { "(\(aeTitle), \(hostName), \(port))" }
}

/// One line of the HostTable or VendorTable: a symbolic name (or vendor name)
/// and its peers, symbolic names already expanded (groups of groups are
/// resolved when the line is read, as dcmqrscp does).
package struct SymbolicNameEntry: Equatable, Sendable {
    package var name: String
    package var peers: [Peer]
    /// The line of the file the entry was read from.
    package var line: Int

    package init(name: String, peers: [Peer], line: Int) {
        (self.name, self.peers, self.line) = (name, peers, line)
    }
}
