import Archive
import DICOM
import DICOMNetwork

extension QueryRetrieveServer {
    /// How many connections may wait for their A-ASSOCIATE-RQ at once
    /// (each holds a thread until it arrives or the ACSE timeout passes).
    var negotiationLimit: Int { 64 + max(configuration.maxAssociations, 0) }

    /// One connection, on its own thread: negotiation (spec §3.1) then the
    /// DIMSE loop (spec §9), with dcmqrscp's log lines.
    func serveConnection(_ connection: TCPConnection) {
        guard let id = table.add(connection, negotiationLimit: negotiationLimit) else {
            if !table.isStopping {
                log.warn("Refusing connection from \(connection.peer.ipAddress): \(negotiationLimit) connections "
                         + "are already waiting to negotiate")
            }
            connection.close()
            return
        }
        defer { table.remove(id) }
        var peerHost = connection.peer.ipAddress
        var shutdownRequested = false
        let outcome: AcceptorOutcome
        do {
            outcome = try acceptor.negotiate(connection) { request in
                peerHost = options.disableHostLookup ? connection.peer.ipAddress : connection.peer.hostName()
                let host = peerHost
                let evaluation = table.admit(id, calledAETitle: request.calledAETitle) { live in
                    policy.evaluate(request, peerHost: host, live: live)
                }
                evaluation.write(to: log)
                shutdownRequested = evaluation.shutdownRequested
                return evaluation.decision
            }
        } catch {
            if !table.isStopping { log.info("Failed to receive association: \(error)") }
            return
        }
        if shutdownRequested {
            stop(reason: "private shutdown SOP class negotiated")
        }
        guard case .established(let association) = outcome else { return }
        log.info("Association Acknowledged (Max Send PDV: \(association.maximumSendPDVLength))")
        if association.acceptedPresentationContexts.isEmpty {
            log.info("    (but no valid presentation contexts)")
        }
        guard let entry = configuration.aeEntry(for: association.calledAETitle),
              let area = storageAreas.area(forAETitle: association.calledAETitle) else {
            log.error("DIMSE Failure (aborting association): no storage area for \(association.calledAETitle)")
            association.abort()
            return
        }
        let quota = storageAreas.quota(forAETitle: association.calledAETitle)
        let dispatcher = AssociationDispatcher(registry: registry, log: log)
        let host = peerHost, associations = table
        _ = dispatcher.run(association, stopRequested: { associations.isStopping }) { command in
            ServiceContext(association: association, presentationContext: command.presentationContext, calledAE: entry,
                           archiveArea: area, quota: quota, configuration: configuration, options: options,
                           associationProfiles: associationProfiles, log: log, peerHost: host, stopRequested: { associations.isStopping })
        }
    }
}
