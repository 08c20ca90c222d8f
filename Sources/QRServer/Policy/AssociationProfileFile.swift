import DICOMNetwork
import Foundation

/// A DCMTK association configuration file (dcmnet/docs/asconfig.txt, the
/// format of DCMTK's `storescp.cfg` and `dcmqrprf.cfg`), read for its common
/// forms: the `[[TransferSyntaxes]]`, `[[PresentationContexts]]`,
/// `[[Profiles]]` and `[[SCPSCURoleSelection]]` supersections.
/// `[[ExtendedNegotiation]]` is read past: Quarry accepts no extended
/// negotiation, as dcmqrscp (spec §3.4).
///
/// The file is INI-like: `# comment` in column 1, `[[Supersection]]`,
/// `[Section]`, `Key = Value` with the key in column 1. Section and key
/// names ignore case; values do not. Numbered keys (`TransferSyntax1`,
/// `TransferSyntax2`, …) are read up to the first number missing.
/// Messages reproduce DCMTK 3.6.7's where it has one (measured).
package struct AssociationProfileFile: Sendable, Equatable {
    /// By upper-cased name.
    package var profiles: [String: AssociationProfile]

    package init(profiles: [String: AssociationProfile]) { self.profiles = profiles }

    /// The profile called `name` (ignoring case, as DCMTK).
    package func profile(named name: String) -> AssociationProfile? { profiles[name.uppercased()] }

    package static func load(contentsOf path: String) throws(AssociationProfileError) -> Self {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable("unable to open configuration file: \(path)")
        }
        return try Self(parsing: String(decoding: data, as: UTF8.self))
    }

    package init(parsing text: String) throws(AssociationProfileError) {
        let tree = try Self.sections(of: text)
        func supersection(_ name: String, required: Bool = true) throws(AssociationProfileError) -> [String: Section] {
            if let found = tree[name] { return found }
            if required { throw .unreadable("cannot find section [[\(name)]] in config file") }
            return [:]
        }
        let transferSyntaxLists = try supersection("TRANSFERSYNTAXES")
        let contextLists = try supersection("PRESENTATIONCONTEXTS")
        let profileSections = try supersection("PROFILES")
        let roleLists = try supersection("SCPSCUROLESELECTION", required: false)

        var resolvedTransferSyntaxes: [String: [String]] = [:]
        for (name, section) in transferSyntaxLists {
            var uids: [String] = []
            for value in section.numbered("TRANSFERSYNTAX") {
                guard let uid = Self.transferSyntaxUID(value) else {
                    throw .unreadable("not a valid transfer syntax UID: \(value)")
                }
                uids.append(uid)
            }
            resolvedTransferSyntaxes[name] = uids
        }
        var resolvedContexts: [String: [AssociationProfile.PresentationContext]] = [:]
        for (name, section) in contextLists {
            var contexts: [AssociationProfile.PresentationContext] = []
            for (key, value) in section.numberedEntries("PRESENTATIONCONTEXT") {
                let (abstract, listName) = try Self.pair(value, key: key)
                guard let uid = Self.abstractSyntaxUID(abstract) else {
                    throw .unreadable("not a valid abstract syntax UID: \(abstract)")
                }
                guard let syntaxes = resolvedTransferSyntaxes[listName.uppercased()] else {
                    throw .unreadable("transfer syntax key undefined: \(listName.uppercased())")
                }
                contexts.append(.init(abstractSyntax: uid, transferSyntaxes: syntaxes))
            }
            resolvedContexts[name] = contexts
        }
        var resolvedRoles: [String: [(uid: String, roles: SCPSCURoles)]] = [:]
        for (name, section) in roleLists {
            var roles: [(uid: String, roles: SCPSCURoles)] = []
            for (key, value) in section.numberedEntries("ROLE") {
                let (abstract, role) = try Self.pair(value, key: key)
                guard let uid = Self.abstractSyntaxUID(abstract) else {
                    throw .unreadable("not a valid abstract syntax UID: \(abstract)")
                }
                let parsed: SCPSCURoles
                switch role {
                case "SCU": parsed = .scuOnly
                case "SCP": parsed = .scpOnly
                case "BOTH": parsed = .both
                default: throw .unreadable("syntax error: unknown role key in entry \(key) in config file")
                }
                roles.append((uid, parsed))
            }
            resolvedRoles[name] = roles
        }
        var profiles: [String: AssociationProfile] = [:]
        for (name, section) in profileSections {
            guard let contextsName = section.value("PRESENTATIONCONTEXTS") else {
                throw .unreadable("syntax error: no presentation context list in profile \(name) in config file")
            }
            guard let contexts = resolvedContexts[contextsName.uppercased()] else {
                throw .unreadable("presentation context key undefined: \(contextsName.uppercased())")
            }
            var roles: [String: SCPSCURoles] = [:]
            if let rolesName = section.value("SCPSCUROLESELECTION") {
                guard let list = resolvedRoles[rolesName.uppercased()] else {
                    throw .unreadable("role selection key undefined: \(rolesName.uppercased())")
                }
                for entry in list {
                    guard contexts.contains(where: { $0.abstractSyntax == entry.uid }) else {
                        throw .unreadable("abstract syntax defined in role selection list '\(rolesName)' but not in "
                                          + "presentation context list '\(contextsName)': \(entry.uid)")
                    }
                    roles[entry.uid] = entry.roles
                }
            }
            profiles[name] = AssociationProfile(name: section.displayName, presentationContexts: contexts, roles: roles)
        }
        self.init(profiles: profiles)
    }

    /// `Abstract\List`: the two halves of a presentation context or role entry.
    static func pair(_ value: String, key: String) throws(AssociationProfileError) -> (String, String) {
        guard let slash = value.firstIndex(of: "\\") else {
            throw .unreadable("syntax error: no backslash in entry \(key) in config file")
        }
        return (value[..<slash].trimmingCharacters(in: .whitespaces),
                value[value.index(after: slash)...].trimmingCharacters(in: .whitespaces))
    }
}
