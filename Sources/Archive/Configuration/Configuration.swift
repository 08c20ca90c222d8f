/// A `dcmqrscp.cfg` file as DCMTK 3.6.7's `dcmqrscp` reads it: the global
/// parameters, the HostTable, the VendorTable and the AETable (spec §2;
/// DCMTK's `dcmqrcnf.txt`).
///
/// Read one with `Configuration.load(contentsOf:)` or
/// `Configuration(parsing:fileName:)`; the reader is in
/// `ConfigurationParser`, the policy the server asks of it in
/// `Configuration+PeerCheck.swift` and `Configuration+MoveDestination.swift`.
package struct Configuration: Equatable, Sendable {
    /// The file name as given (used in every message).
    package var fileName: String
    /// `NetworkTCPPort` as read (default 104); the port parameter of the
    /// command line overrides it, and 0 means 104 (`listeningPort`).
    package var networkTCPPort: Int = 104
    /// `MaxPDUSize` as read (default 16384); 0 means 16384, anything else
    /// must be 4096...131072 (`effectiveMaxPDUSize`).
    package var maxPDUSize: UInt32 = 16384
    /// `MaxAssociations` (default 16): concurrent associations; 0 rejects all.
    package var maxAssociations: Int = 16
    /// `SpecificCharacterSet`, when the file has it (spec §6.6).
    package var specificCharacterSet: SpecificCharacterSetOption?
    /// `UserName` / `GroupName` to switch to after binding; empty: no switch.
    package var userName = ""
    package var groupName = ""
    /// HostTable lines in file order (several HostTables accumulate).
    /// Duplicate names are kept; lookups use the first.
    package var hostEntries: [SymbolicNameEntry] = []
    /// VendorTable lines in file order.
    package var vendorEntries: [SymbolicNameEntry] = []
    /// AETable lines of the last AETable in the file (a second AETable
    /// replaces the first, as in dcmqrscp). Duplicate titles are kept: see
    /// `aeEntry(for:)` and `peerCheck`.
    package var aeTable: [AEEntry] = []
    /// What dcmqrscp silently accepts but is almost surely a mistake.
    package var warnings: [ConfigurationDiagnostic] = []

    package init(fileName: String) { self.fileName = fileName }

    package static let defaultNetworkTCPPort = 104
    package static let defaultMaxPDUSize = 16384
    /// ASC_MINIMUMPDUSIZE...ASC_MAXIMUMPDUSIZE in DCMTK.
    package static let validMaxPDUSizes: ClosedRange<UInt32> = 4096...131072

    /// Symbolic name → peers; the first definition of a name wins.
    package var hostTable: [String: [Peer]] { Self.firstDefinitions(hostEntries) }
    /// Vendor name → peers; the first definition of a name wins.
    package var vendorTable: [String: [Peer]] { Self.firstDefinitions(vendorEntries) }

    /// The port to listen on when the command line gives none.
    package var listeningPort: Int { networkTCPPort == 0 ? Self.defaultNetworkTCPPort : networkTCPPort }
    /// The receive PDU size to advertise: `maxPDUSize`, 0 meaning 16384.
    package var effectiveMaxPDUSize: Int { maxPDUSize == 0 ? Self.defaultMaxPDUSize : Int(maxPDUSize) }

    /// The entry that gives an AE its storage area, access and quota: the
    /// first with that title (byte-exact, case-sensitive), as dcmqrscp's
    /// `getStorageArea`/`getAccess`/`getMaxStudies` take it.
    package func aeEntry(for aeTitle: String) -> AEEntry? {
        aeTable.first { $0.aeTitle == aeTitle }
    }

    private static func firstDefinitions(_ entries: [SymbolicNameEntry]) -> [String: [Peer]] {
        var table: [String: [Peer]] = [:]
        for entry in entries where table[entry.name] == nil { table[entry.name] = entry.peers }
        return table
    }
}

/// `SpecificCharacterSet = term, option, …` (spec §2.4, §6.6): the last term
/// that is not an option names the character set; later lines replace
/// earlier ones.
package struct SpecificCharacterSetOption: Equatable, Sendable {
    /// Every term as written, in order.
    package var terms: [String]

    package init(terms: [String]) { self.terms = terms }

    package static let optionWords: Set<String> = ["override", "fallback", "abort", "discard", "transliterate"]

    /// The character set term (e.g. `ISO_IR 192`); nil when only options are given.
    package var characterSet: String? { terms.last { !Self.optionWords.contains($0) } }
    package var override: Bool { terms.contains("override") }
    package var fallback: Bool { terms.contains("fallback") }
    package var abort: Bool { terms.contains("abort") }
    package var discard: Bool { terms.contains("discard") }
    package var transliterate: Bool { terms.contains("transliterate") }
}
