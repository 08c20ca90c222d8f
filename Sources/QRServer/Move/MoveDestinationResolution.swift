import Archive

/// Where a C-MOVE may send (spec §7.2, §7.5; dcmqrcbm.cc `mapMoveDestination`): the
/// Move Destination looked up, case-sensitively, among the peer triples written in
/// the AETable, then in the HostTable (`Configuration.moveDestination`) — never the
/// requestor's address — then the restrictions `-ZA` (destination = requesting AE
/// title), `-ZH` (destination host = requesting host) and `-ZV` (one VendorTable
/// entry lists both AE titles). Each refusal is 0xA801 with dcmqrscp's log line.
struct MoveDestinationResolution {
    let configuration: Configuration
    let options: ServerOptions

    struct Refusal: Error, Equatable {
        /// The `-v` line dcmqrscp logs.
        var logLine: String
    }

    func resolve(_ moveDestination: String, callingAETitle: String, peerHost: String) -> Result<Peer, Refusal> {
        guard let peer = configuration.moveDestination(moveDestination) else {
            return .failure(Refusal(logLine: "mapMoveDestination: unknown AE: '\(moveDestination)'"))
        }
        if options.restrictMoveToRequestingAETitle, moveDestination != callingAETitle {
            return .failure(Refusal(logLine: "mapMoveDestination: strictMove Reqs: '\(callingAETitle)' != '\(moveDestination)'"))
        }
        if options.restrictMoveToRequestingHost, peer.hostName.lowercased() != peerHost.lowercased() {
            return .failure(Refusal(logLine: "mapMoveDestination: different hosts: '\(peerHost)', '\(peer.hostName)'"))
        }
        if options.restrictMoveToRequestingVendor, !configuration.sameVendor(callingAETitle, moveDestination) {
            return .failure(Refusal(logLine: "mapMoveDestination: different vendors: '\(callingAETitle)', '\(moveDestination)'"))
        }
        return .success(peer)
    }
}
