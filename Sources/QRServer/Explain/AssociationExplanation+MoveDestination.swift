import Archive

extension Evaluator {
    /// Where a C-MOVE to `destination` would go (spec §7.2, §7.5): the peer
    /// triple `Configuration.moveDestinationSource` finds — the lookup the
    /// C-MOVE service makes — then the `-ZA`, `-ZH` and `-ZV` restrictions
    /// in dcmqrscp's order, each refusal being 0xA801.
    func moveDestination(_ destination: String) -> MoveDestinationVerdict {
        guard let source = configuration.moveDestinationSource(destination) else {
            return MoveDestinationVerdict(destination: destination, peer: nil, isAllowed: false, reasons: [
                ExplanationReason(.configurationFile(file), "no peer triple with AE title \(destination) in the AETable "
                                  + "or the HostTable: Move Destination unknown (0xA801)"),
            ])
        }
        let peer = source.peer
        let table = switch source.table {
        case .aeTable(let aeTitle): "the AETable line of \(aeTitle)"
        case .hostTable(let name): "HostTable \(name)"
        }
        var reasons = [ExplanationReason(.configurationLine(file: file, line: source.line), "\(table) lists \(peer); "
            + "the sub-association calls \(destination) at \(peer.hostName):\(peer.port) as \(request.calledAETitle)")]
        var allowed = true
        func refuse(_ reason: ExplanationReason) {
            reasons.append(reason)
            allowed = false
        }
        let calling = request.callingAETitle
        if options.restrictMoveToRequestingAETitle, destination != calling {
            refuse(ExplanationReason(.commandLine("--move-aetitle"),
                                     "the destination must be the requesting AE title \(calling) (0xA801)"))
        }
        if options.restrictMoveToRequestingHost {
            if let host = self.peer.host {
                if Configuration.asciiCaseInsensitiveEqual(peer.hostName, host) {
                    reasons.append(ExplanationReason(.commandLine("--move-host"), "\(peer.hostName) is the requesting host"))
                } else {
                    refuse(ExplanationReason(.commandLine("--move-host"),
                                             "\(peer.hostName) is not the requesting host \(host) (0xA801)"))
                }
            } else {
                refuse(ExplanationReason(.commandLine("--move-host"),
                                         "allowed only when requested from \(peer.hostName): give CALLING@HOST"))
            }
        }
        if options.restrictMoveToRequestingVendor {
            if let vendor = configuration.vendorEntry(listing: calling, and: destination) {
                reasons.append(ExplanationReason(.configurationLine(file: file, line: vendor.line),
                                                 "VendorTable \"\(vendor.name)\" lists both \(calling) and \(destination)"))
            } else {
                refuse(ExplanationReason(.commandLine("--move-vendor"),
                                         "no VendorTable line lists both \(calling) and \(destination) (0xA801)"))
            }
        }
        return MoveDestinationVerdict(destination: destination, peer: peer, isAllowed: allowed, reasons: reasons)
    }
}
