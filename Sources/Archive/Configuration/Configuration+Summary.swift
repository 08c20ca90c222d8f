import Foundation

/// What a storage area folder is on disk right now.
package enum StorageAreaState: Equatable, Sendable {
    case directory, missing, notADirectory
}

extension Configuration {
    /// Looks at each AE's storage area folder (relative paths from the
    /// working directory, as the server resolves them) without changing
    /// anything; a warning for each one that is missing or not a folder.
    package func storageAreaWarnings(
        state: (String) -> StorageAreaState = Configuration.storageAreaState
    ) -> [ConfigurationDiagnostic] {
        var warned = Set<String>()
        var result: [ConfigurationDiagnostic] = []
        for entry in aeTable where !warned.contains(entry.storageArea) {
            warned.insert(entry.storageArea)
            let message: String
            switch state(entry.storageArea) {
            case .directory: continue
            case .missing:
                message = "storage area of \"\(entry.aeTitle)\" does not exist: quarryscp creates it, parents "
                    + "included, when it starts (dcmqrscp would abort every association to it)"
            case .notADirectory:
                message = "storage area of \"\(entry.aeTitle)\" exists but is not a folder: quarryscp will refuse to start"
            }
            result.append(ConfigurationDiagnostic(severity: .warning, file: fileName, line: entry.line, column: 1,
                                                  message: message, text: entry.storageArea))
        }
        return result
    }

    /// The file system's answer for `path`.
    package static func storageAreaState(_ path: String) -> StorageAreaState {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory : .notADirectory
    }

    /// The short summary `quarryscp --check-config` prints: the global
    /// parameters, then each AE with its storage area, access, quota and
    /// peers resolved to triples, then every warning (the file's and the
    /// storage areas'). Changes nothing on disk.
    package func checkConfigSummary(
        storageAreaState state: (String) -> StorageAreaState = Configuration.storageAreaState
    ) -> String {
        var out: [String] = []
        let titles = Set(aeTable.map(\.aeTitle)).count
        out.append("\(fileName): \(titles) AE title\(titles == 1 ? "" : "s"), \(hostTable.count) HostTable "
                   + "name\(hostTable.count == 1 ? "" : "s"), \(vendorEntries.count) VendorTable "
                   + "entr\(vendorEntries.count == 1 ? "y" : "ies")")
        out.append("  port \(listeningPort), MaxPDUSize \(effectiveMaxPDUSize), MaxAssociations \(maxAssociations)")
        if let charset = specificCharacterSet { out.append("  SpecificCharacterSet \(charset.terms.joined(separator: ", "))") }
        if !userName.isEmpty || !groupName.isEmpty {
            out.append("  runs as user \(userName.isEmpty ? "(unchanged)" : userName), "
                       + "group \(groupName.isEmpty ? "(unchanged)" : groupName)")
        }
        let storageWarnings = storageAreaWarnings(state: state)
        for entry in aeTable {
            out.append("")
            out.append("\(entry.aeTitle) (line \(entry.line))")
            let missing = storageWarnings.contains { $0.line == entry.line || $0.text == entry.storageArea }
            out.append("  storage area  \(entry.storageArea)\(missing ? "  (see warnings)" : "")")
            out.append("  access        \(entry.access.token): \(Self.describe(entry.access))")
            out.append("  quota         (\(entry.quota.text)): \(Self.describe(entry.quota))")
            switch entry.peers {
            case .any:
                out.append("  peers         ANY")
            case .list(let peers):
                for (i, peer) in peers.enumerated() {
                    out.append((i == 0 ? "  peers         " : "                ") + peer.description)
                }
            }
        }
        let allWarnings = warnings + storageWarnings
        if !allWarnings.isEmpty {
            out.append("")
            out.append("\(allWarnings.count) warning\(allWarnings.count == 1 ? "" : "s"):")
            out += allWarnings.map { "  \($0.rendered)" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func describe(_ access: Access) -> String {
        switch (access.canRead, access.canWrite) {
        case (true, true): "read and write (C-STORE, C-FIND, C-MOVE, C-GET)"
        case (true, false): "read only (C-FIND, C-MOVE, C-GET; storage refused)"
        case (false, true): "write only (C-STORE; queries and retrieves refused)"
        case (false, false): "none"
        }
    }

    static func describe(_ quota: ConfiguredQuota) -> String {
        let studies = quota.maxStudies.map { "\($0) studies" } ?? "studies undefined"
        let bytes: String
        if let n = quota.maxBytesPerStudy {
            bytes = n == -1 ? "no size per study (dcmqrscp: 1 GiB)" : "\(byteCount(n)) per study"
        } else {
            bytes = "size per study undefined"
        }
        return "\(studies), \(bytes)"
    }

    static func byteCount(_ n: Int) -> String {
        for (factor, unit) in [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] where n != 0 && n % factor == 0 {
            return "\(n / factor) \(unit)"
        }
        return "\(n) byte\(n == 1 ? "" : "s")"
    }
}
