import DICOMNetwork

/// One association negotiation profile of a DCMTK association configuration
/// file (`-xf file in out`; DCMTK's dcmnet/docs/asconfig.txt): a list of
/// presentation contexts, each an abstract syntax with the transfer syntaxes
/// acceptable for it in order of preference, and optionally the SCP/SCU
/// roles allowed per SOP class. Read by `AssociationProfileFile`.
///
/// dcmqrscp uses the "in" profile in place of its storage SOP classes
/// (Verification, FIND, MOVE, GET and the shutdown class are negotiated as
/// without a profile) and the "out" profile for what a C-MOVE
/// sub-association proposes (dcmqrscp(1), "SCP Conformance").
package struct AssociationProfile: Sendable, Equatable {
    package struct PresentationContext: Sendable, Equatable {
        package var abstractSyntax: String
        /// Most wanted first (an acceptor takes the first one proposed).
        package var transferSyntaxes: [String]
        package init(abstractSyntax: String, transferSyntaxes: [String]) {
            (self.abstractSyntax, self.transferSyntaxes) = (abstractSyntax, transferSyntaxes)
        }
    }

    /// The profile's name as written in the file.
    package var name: String
    package var presentationContexts: [PresentationContext]
    /// `SCPSCURoleSelection`: by SOP class UID, the roles the association
    /// requestor may take (`SCU`, `SCP`, `BOTH` — DCMTK's requestor-side
    /// reading). A SOP class not listed is negotiated with the default roles.
    package var roles: [String: SCPSCURoles]

    package init(name: String, presentationContexts: [PresentationContext], roles: [String: SCPSCURoles] = [:]) {
        (self.name, self.presentationContexts, self.roles) = (name, presentationContexts, roles)
    }

    /// An acceptor's profile lists each abstract syntax once (asconfig.txt §2.2).
    package var isValidForIncomingUse: Bool {
        Set(presentationContexts.map(\.abstractSyntax)).count == presentationContexts.count
    }

    /// The transfer syntaxes for `abstractSyntax`, most wanted first; nil when the profile does not list it.
    package func transferSyntaxes(for abstractSyntax: String) -> [String]? {
        presentationContexts.first { $0.abstractSyntax == abstractSyntax }?.transferSyntaxes
    }
}

/// The `-xf` profiles in use, loaded at start-up.
package struct LoadedAssociationProfiles: Sendable, Equatable {
    package var incoming: AssociationProfile
    package var outgoing: AssociationProfile

    package init(incoming: AssociationProfile, outgoing: AssociationProfile) {
        (self.incoming, self.outgoing) = (incoming, outgoing)
    }

    /// Reads `file` and picks the two profiles, with dcmqrscp's checks in its
    /// order. The error's `fatalMessage` is what dcmqrscp prints after `F: `
    /// before it exits with status 1 (measured, DCMTK 3.6.7).
    package static func load(_ options: ServerOptions.AssociationProfiles) throws(AssociationProfileError) -> Self {
        let file = try AssociationProfileFile.load(contentsOf: options.file)
        guard let incoming = file.profile(named: options.incomingProfile) else {
            throw .unknownProfile(options.incomingProfile)
        }
        guard let outgoing = file.profile(named: options.outgoingProfile) else {
            throw .unknownProfile(options.outgoingProfile)
        }
        guard incoming.isValidForIncomingUse else { throw .notValidForIncomingUse(options.incomingProfile) }
        return Self(incoming: incoming, outgoing: outgoing)
    }
}

/// Why `-xf` cannot be used.
package enum AssociationProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read or does not make sense; the text says why (DCMTK's words where it has them).
    case unreadable(String)
    case unknownProfile(String)
    case notValidForIncomingUse(String)

    /// The text after `F: `.
    package var fatalMessage: String {
        switch self {
        case .unreadable(let why): "cannot read association config file: \(why)"
        case .unknownProfile(let name): "unknown configuration profile name: \(name)"
        case .notValidForIncomingUse(let name): "profile '\(name)' is not valid for incoming use, duplicate abstract syntaxes found"
        }
    }

    package var description: String { fatalMessage }
}
