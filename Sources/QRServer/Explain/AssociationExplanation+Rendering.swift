import Archive

extension AssociationExplanation {
    /// What `--explain` prints on standard output: a line per answer, each
    /// followed by its reasons, indented, as `<file>:<line>: …` (or the
    /// option, the `-xf` profile, this build):
    ///
    ///     VIEWER1@localhost -> STORE: accepted
    ///         etc/dcmqrscp.cfg:12: "STORE" admits VIEWER1 at localhost (AETable line 12)
    ///     C-ECHO: yes
    ///         etc/dcmqrscp.cfg:12: any peer the AE admits may use it
    ///     C-STORE: no
    ///         etc/dcmqrscp.cfg:12: access "R" is not writable (only RW, WR and W are): storage contexts refused
    ///     C-FIND: Patient Root, Study Root, Patient/Study Only
    ///         etc/dcmqrscp.cfg:12: access "R" permits C-FIND, C-MOVE and C-GET
    ///     C-MOVE: Patient Root, Study Root
    ///         etc/dcmqrscp.cfg:12: access "R" permits C-FIND, C-MOVE and C-GET
    ///         command line --no-patient-study: Patient/Study Only models not supported
    ///     C-GET: no
    ///         command line --disable-get: C-GET not supported
    ///     C-MOVE to VIEWER2: 127.0.0.1:11202
    ///         etc/dcmqrscp.cfg:4: HostTable viewer2 lists (VIEWER2, 127.0.0.1, 11202); …
    package var rendered: String {
        var out: [String] = []
        let calling = request.callingAETitle + (request.callingHost.map { "@\($0)" } ?? "")
        out.append("\(calling) -> \(request.calledAETitle): \(isAccepted ? "accepted" : "refused")")
        out += associationReasons.map(Self.indented)
        if isAccepted {
            for service in [ServiceVerdict.Service.echo, .store] {
                guard let verdict = verdict(service) else { continue }
                out.append("\(service): \(verdict.isAllowed ? "yes" : "no")")
                out.append(Self.indented(verdict.reason))
            }
            for kind in QueryRetrieveInformationModel.Service.allCases {
                let verdicts = services.filter {
                    if case .queryRetrieve(let model) = $0.service { return model.service == kind }
                    return false
                }
                let allowed = verdicts.filter(\.isAllowed).compactMap { verdict -> String? in
                    guard case .queryRetrieve(let model) = verdict.service else { return nil }
                    return model.root.name
                }
                out.append("C-\(kind.name): \(allowed.isEmpty ? "no" : allowed.joined(separator: ", "))")
                var seen: [ExplanationReason] = []
                for verdict in verdicts where !seen.contains(verdict.reason) { seen.append(verdict.reason) }
                out += seen.map(Self.indented)
            }
        } else {
            out.append("services: none (the association is refused)")
        }
        if let move = moveDestination {
            let target = move.peer.map { "\($0.hostName):\($0.port)" } ?? "unknown"
            out.append("C-MOVE to \(move.destination): \(move.isAllowed ? target : "refused (\(target))")")
            out += move.reasons.map(Self.indented)
            let canMove = services.contains {
                if case .queryRetrieve(let model) = $0.service { return model.service == .move && $0.isAllowed }
                return false
            }
            if !canMove { out.append("    (but this association may not use C-MOVE: see above)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func indented(_ reason: ExplanationReason) -> String { "    \(reason)" }
}
