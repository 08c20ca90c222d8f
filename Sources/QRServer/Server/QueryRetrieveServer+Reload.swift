import Archive
import DICOM
import DICOMNetwork
import Synchronization

extension QueryRetrieveServer {
    /// What a reload did.
    package enum ReloadOutcome: Sendable, Equatable {
        /// The new configuration is in force for new associations.
        case reloaded(generation: Int)
        /// Nothing changed: the file is invalid, or a storage area could not be opened.
        case refused
    }

    /// SIGHUP (issue 8): reads the configuration file again and, only when it
    /// is valid throughout, swaps it in at once for new associations:
    ///
    /// 1. the file is read and checked as at start (`Configuration.load`):
    ///    any error is logged with its `file:line:column` and the reload is
    ///    refused — the configuration in force stays;
    /// 2. every AE's storage area is opened (`ServerStorageAreas.open`,
    ///    created when missing): a folder still open — configured, or held by
    ///    an association in flight (`OpenStorageAreas`) — is reused as it is,
    ///    another is opened now; one that cannot be opened refuses the reload;
    /// 3. the new snapshot (policy, areas, A-ASSOCIATE-AC parameters) is
    ///    installed: new AE titles answer, removed ones refuse new
    ///    associations, changed peers, access and quotas apply to new
    ///    associations. Associations in flight keep the snapshot they were
    ///    decided under; an area no longer configured stays open until the
    ///    last of them ends (it is closed when released).
    ///
    /// What cannot change without a restart — the listening port, UserName,
    /// GroupName — is reported with a warning and keeps its start-up value.
    /// The verdict is logged at info level, printed at the default level too
    /// (`Log.requested`).
    @discardableResult
    package func reload() -> ReloadOutcome {
        reloading.withLock { _ in reloadNow() }
    }

    private func reloadNow() -> ReloadOutcome {
        guard let path = configurationPath else {
            log.error("SIGHUP: no configuration file to reload")
            return .refused
        }
        guard !table.isStopping else { return .refused }
        let old = snapshot
        let configuration: Configuration
        do { configuration = try Configuration.load(contentsOf: path) } catch {
            let errors = error.diagnosticText.split(separator: "\n").map(String.init)
            log.error((errors + ["SIGHUP: \(error.fatalMessage): not reloaded, the configuration in force is unchanged"])
                .joined(separator: "\n"))
            return .refused
        }
        for warning in configuration.warnings { log.warn(warning.rendered) }
        let areas: ServerStorageAreas
        do { areas = try ServerStorageAreas.open(configuration, policy: options.quotaPolicy.storageQuotaPolicy,
                                                  reusing: openAreas.alive, log: log) } catch {
            log.error("SIGHUP: \(error): \(path) not reloaded, the configuration in force is unchanged")
            return .refused
        }
        let new = ServerSnapshot(configuration: configuration, options: options, services: registry.capabilities,
                                 storageAreas: areas, incomingProfile: associationProfiles?.incoming, log: log,
                                 generation: old.generation + 1)
        openAreas.remember(areas.areas)
        install(new)
        let changes = ConfigurationChanges(from: old.configuration, to: configuration)
        log.requested.info("SIGHUP: configuration reloaded from \(path): \(changes.summary); "
                           + "\(table.liveCount) association(s) in progress keep the configuration they started with")
        for line in changes.areaChanges { log.requested.info("SIGHUP: \(line)") }
        for line in restartOnlyChanges(from: old.configuration, to: configuration) { log.warn("SIGHUP: \(line)") }
        return .reloaded(generation: new.generation)
    }

    /// Settings read only at start, with what the reload leaves in force.
    func restartOnlyChanges(from old: Configuration, to new: Configuration) -> [String] {
        var lines: [String] = []
        if options.port == nil, new.listeningPort != old.listeningPort {
            lines.append("NetworkTCPPort \(new.listeningPort) takes effect at the next start; "
                         + "still listening on \(listener.port)")
        }
        if new.userName != old.userName || new.groupName != old.groupName {
            lines.append("UserName and GroupName take effect at the next start")
        }
        return lines
    }
}
