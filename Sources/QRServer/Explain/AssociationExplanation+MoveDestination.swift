import Archive

extension Evaluator {
    /// Where a C-MOVE to `destination` would go (spec §7.2, §7.5), as the
    /// C-MOVE service decides it (`MoveDestinationResolution`): the peer
    /// triple found — its line from `Configuration.moveDestinationSource` —
    /// then the `-ZA`, `-ZH` and `-ZV` restrictions, each asked of the
    /// service's resolution on its own so that the one that refuses is named.
    func moveDestination(_ destination: String) -> MoveDestinationVerdict {
        let calling = request.callingAETitle, host = peer.host ?? ""
        let resolution = MoveDestinationResolution(configuration: configuration, options: options)
        let outcome = resolution.resolve(destination, callingAETitle: calling, peerHost: host)
        let logged: String
        switch outcome {
        case .success: logged = ""
        case .failure(let refusal): logged = " (0xA801; the server logs \"\(refusal.logLine)\")"
        }
        guard let source = configuration.moveDestinationSource(destination) else {
            return MoveDestinationVerdict(destination: destination, peer: nil, isAllowed: false, reasons: [
                ExplanationReason(.configurationFile(file), "no peer triple with AE title \(destination) in the AETable "
                                  + "or the HostTable: Move Destination unknown" + logged),
            ])
        }
        let target = source.peer
        let table = switch source.table {
        case .aeTable(let aeTitle): "the AETable line of \(aeTitle)"
        case .hostTable(let name): "HostTable \(name)"
        }
        var reasons = [ExplanationReason(.configurationLine(file: file, line: source.line), "\(table) lists \(target); "
            + "the sub-association calls \(destination) at \(target.hostName):\(target.port) as \(request.calledAETitle)")]
        /// Whether the resolution passes with only this restriction on.
        func passes(_ restriction: WritableKeyPath<ServerOptions, Bool>) -> Bool {
            var alone = options
            alone.restrictMoveToRequestingAETitle = false
            alone.restrictMoveToRequestingHost = false
            alone.restrictMoveToRequestingVendor = false
            alone[keyPath: restriction] = true
            let result = MoveDestinationResolution(configuration: configuration, options: alone)
                .resolve(destination, callingAETitle: calling, peerHost: host)
            if case .success = result { return true }
            return false
        }
        var refusalNamed = false
        func refused(_ option: String, _ text: String) {
            reasons.append(ExplanationReason(.commandLine(option), text + (refusalNamed ? "" : logged)))
            refusalNamed = true
        }
        if options.restrictMoveToRequestingAETitle, !passes(\.restrictMoveToRequestingAETitle) {
            refused("--move-aetitle", "the destination must be the requesting AE title \(calling)")
        }
        if options.restrictMoveToRequestingHost {
            if passes(\.restrictMoveToRequestingHost) {
                reasons.append(ExplanationReason(.commandLine("--move-host"), "\(target.hostName) is the requesting host"))
            } else if peer.host == nil {
                refused("--move-host", "allowed only when requested from \(target.hostName): give CALLING@HOST")
            } else {
                refused("--move-host", "\(target.hostName) is not the requesting host \(host)")
            }
        }
        if options.restrictMoveToRequestingVendor {
            if passes(\.restrictMoveToRequestingVendor), let vendor = configuration.vendorEntry(listing: calling, and: destination) {
                reasons.append(ExplanationReason(.configurationLine(file: file, line: vendor.line),
                                                 "VendorTable \"\(vendor.name)\" lists both \(calling) and \(destination)"))
            } else {
                refused("--move-vendor", "no VendorTable line lists both \(calling) and \(destination)")
            }
        }
        var allowed = false
        if case .success = outcome { allowed = true }
        return MoveDestinationVerdict(destination: destination, peer: target, isAllowed: allowed, reasons: reasons)
    }
}
