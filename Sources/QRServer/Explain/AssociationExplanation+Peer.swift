import Archive
import DICOMNetwork
#if canImport(Glibc)
import Glibc
#endif

/// The peer an explanation is about: the host string the server would
/// compare with the configuration (spec §3.3) and the address it would see.
struct ExplainedPeer: Equatable {
    /// nil: no host was given and none is needed (`ANY`), or none is listed.
    var host: String?
    /// What the policy is given as the peer's address.
    var address: String
    var notes: [ExplanationReason] = []

    /// The host as the server would see it:
    ///
    /// - an IPv4 address: its reverse-DNS name (`hostName`, the server's own
    ///   `PeerAddress.hostName()`), or the address itself with `-dhl`;
    /// - a name: as given (with `-dhl` the server compares addresses: noted);
    /// - nothing: the first host the called AE's AETable lines list for the
    ///   calling AE title (noted), or none when they admit `ANY`.
    static func resolve(_ request: ServerOptions.ExplainRequest, configuration: Configuration, options: ServerOptions,
                        hostName: (String) -> String) -> ExplainedPeer {
        guard let given = request.callingHost else {
            let entries = configuration.aeTable.filter { $0.aeTitle == request.calledAETitle }
            if entries.contains(where: { $0.peers == .any }) { return ExplainedPeer(host: nil, address: "") }
            for entry in entries {
                guard let peer = entry.peers.triples.first(where: { $0.aeTitle == request.callingAETitle }) else { continue }
                let note = ExplanationReason(.configurationLine(file: configuration.fileName, line: entry.line),
                    "no host given: assuming \(peer.hostName), the first host listed for \(request.callingAETitle)")
                return ExplainedPeer(host: peer.hostName, address: peer.hostName, notes: [note])
            }
            return ExplainedPeer(host: nil, address: "")
        }
        if options.disableHostLookup {
            guard isIPv4Address(given) else {
                return ExplainedPeer(host: given, address: given, notes: [ExplanationReason(
                    .commandLine("--disable-host-lookup"),
                    "the server compares the peer's dotted address, not its name: give CALLING@address")])
            }
            return ExplainedPeer(host: given, address: given)
        }
        guard isIPv4Address(given) else { return ExplainedPeer(host: given, address: given) }
        let name = hostName(given)
        guard name != given else { return ExplainedPeer(host: given, address: given) }
        return ExplainedPeer(host: name, address: given, notes: [ExplanationReason(
            .reverseDNS, "the server sees \(given) as \"\(name)\" (with --disable-host-lookup: as \(given))")])
    }

    static func isIPv4Address(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }
}
