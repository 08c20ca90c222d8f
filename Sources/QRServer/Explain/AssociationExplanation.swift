import Archive
import DICOM

/// `quarryscp --explain CALLING[@HOST] CALLED [--move-to DEST]` (issue 8):
/// what the server would answer, decided offline from the configuration
/// and the command line by the server's own policy code
/// (`AssociationPolicy.evaluate` on requests built for the purpose,
/// `Configuration.peerCheck`, `Configuration.moveDestinationSource`), with
/// the line of the file — or the option — that decides each answer.
///
/// Built by `AssociationExplanation.explain` (`+Evaluation.swift`), printed
/// by `rendered` (`+Rendering.swift`).
package struct AssociationExplanation: Sendable, Equatable {
    package var request: ServerOptions.ExplainRequest
    /// The host string the server would compare with the configuration
    /// (the reverse-DNS name of an address, or the address with `-dhl`);
    /// nil when no host was given and the answer does not depend on it.
    package var peerHost: String?
    /// Whether the association would be accepted (A-ASSOCIATE-AC).
    package var isAccepted: Bool
    /// Why (the admitting AETable line, or the refusal's cause), with notes
    /// on how the host was read.
    package var associationReasons: [ExplanationReason]
    /// What the association may use; empty when it is refused.
    package var services: [ServiceVerdict]
    /// `--move-to`: where a C-MOVE to that AE title would go.
    package var moveDestination: MoveDestinationVerdict?

    package init(request: ServerOptions.ExplainRequest, peerHost: String?, isAccepted: Bool,
                 associationReasons: [ExplanationReason], services: [ServiceVerdict] = [],
                 moveDestination: MoveDestinationVerdict? = nil) {
        (self.request, self.peerHost, self.isAccepted) = (request, peerHost, isAccepted)
        (self.associationReasons, self.services, self.moveDestination) = (associationReasons, services, moveDestination)
    }

    /// quarryscp's exit status for `--explain`: 0 when the association would
    /// be accepted (and, with `--move-to`, the destination resolves and
    /// passes `-ZA`/`-ZH`/`-ZV`), else 1 — as for an error.
    package var exitStatus: Int32 {
        isAccepted && (moveDestination?.isAllowed ?? true) ? 0 : 1
    }

    /// The verdict for one service, if it was decided.
    package func verdict(_ service: ServiceVerdict.Service) -> ServiceVerdict? {
        services.first { $0.service == service }
    }
}

/// What decides an answer.
package enum ExplanationSource: Sendable, Equatable, CustomStringConvertible {
    /// A line of the configuration file.
    case configurationLine(file: String, line: Int)
    /// The configuration file as a whole (something it lacks, a global value).
    case configurationFile(String)
    /// A command-line option, as written in its long form.
    case commandLine(String)
    /// The `-xf` association profile file and profile name.
    case associationProfile(file: String, profile: String)
    /// What this build of quarryscp serves (its registered service providers).
    case build
    /// The reverse-DNS lookup the server makes of a peer's address (spec §3.3).
    case reverseDNS

    package var description: String {
        switch self {
        case .configurationLine(let file, let line): "\(file):\(line)"
        case .configurationFile(let file): file
        case .commandLine(let option): "command line \(option)"
        case .associationProfile(let file, let profile): "-xf \(file) profile \(profile)"
        case .build: "this quarryscp"
        case .reverseDNS: "reverse DNS"
        }
    }
}

/// One reason, printed `<source>: <text>`.
package struct ExplanationReason: Sendable, Equatable, CustomStringConvertible {
    package var source: ExplanationSource
    package var text: String

    package init(_ source: ExplanationSource, _ text: String) { (self.source, self.text) = (source, text) }

    package var description: String { "\(source): \(text)" }
}

/// Whether an accepted association may use one service (one model, for
/// C-FIND, C-MOVE and C-GET), and why.
package struct ServiceVerdict: Sendable, Equatable {
    package enum Service: Sendable, Hashable, CustomStringConvertible {
        case echo, store
        case queryRetrieve(QueryRetrieveInformationModel)

        package var description: String {
            switch self {
            case .echo: "C-ECHO"
            case .store: "C-STORE"
            case .queryRetrieve(let model): "C-\(model.service.name) \(model.root.name)"
            }
        }
    }

    package var service: Service
    package var isAllowed: Bool
    package var reason: ExplanationReason

    package init(_ service: Service, isAllowed: Bool, _ reason: ExplanationReason) {
        (self.service, self.isAllowed, self.reason) = (service, isAllowed, reason)
    }
}

/// `--move-to DEST`: the peer a C-MOVE sub-association would be opened to,
/// and whether the `-ZA`/`-ZH`/`-ZV` restrictions let it.
package struct MoveDestinationVerdict: Sendable, Equatable {
    package var destination: String
    /// The peer triple found (AETable peers first, then HostTable); nil: unknown.
    package var peer: Peer?
    /// False: the C-MOVE is answered 0xA801 (Move Destination unknown).
    package var isAllowed: Bool
    package var reasons: [ExplanationReason]

    package init(destination: String, peer: Peer?, isAllowed: Bool, reasons: [ExplanationReason]) {
        (self.destination, self.peer, self.isAllowed, self.reasons) = (destination, peer, isAllowed, reasons)
    }
}
