import Archive
import DICOM
import DICOMNetwork
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The running server: the accept loop and the associations it serves.
///
/// Each connection gets a thread of its own that reads the A-ASSOCIATE-RQ,
/// decides it (`AssociationPolicy`) and serves the association
/// (`AssociationDispatcher`): a silent or slow peer holds only its own thread
/// (dcmqrscp negotiates in its main process, one connection at a time, spec
/// §12.8). With `-s` every connection is served in the accepting thread, one
/// at a time, and the server keeps running afterwards (dcmqrscp 3.6.7
/// crashes, spec §3.6).
///
/// The configuration and what is built from it (policy, storage areas) form
/// a `ServerSnapshot`; each association is decided and served under the one
/// in force when its A-ASSOCIATE-RQ arrives, and `reload()` (SIGHUP) swaps
/// in a new one for the associations that follow.
///
/// `stop()` (SIGTERM, SIGINT, the private shutdown class): no new connection
/// is accepted, connections still negotiating are closed, idle associations
/// are aborted at once, an operation under way is finished and its
/// association then aborted; whatever is left after `stopGrace` is cut.
package final class QueryRetrieveServer: Sendable {
    package let listener: TCPListener
    package let options: ServerOptions
    package let registry: ServiceRegistry
    /// The `-xf` profiles: "in" shapes the policy, "out" is for C-MOVE sub-associations.
    package let associationProfiles: LoadedAssociationProfiles?
    /// The file SIGHUP reads again (`reload()`); nil: the server cannot reload.
    package let configurationPath: String?
    package let log: Log
    package let table = AssociationTable()
    /// How long in-flight associations may take to finish once stopping.
    package let stopGrace: Duration
    private let stopReason = Mutex<String?>(nil)
    private let current: Mutex<ServerSnapshot>
    /// Held for a whole reload, so that two reloads never interleave.
    let reloading = Mutex(())
    /// The storage areas alive, for a reload to reuse.
    let openAreas = OpenStorageAreas()

    package init(listener: TCPListener, configuration: Configuration, options: ServerOptions, registry: ServiceRegistry,
                 storageAreas: ServerStorageAreas, associationProfiles: LoadedAssociationProfiles? = nil,
                 configurationPath: String? = nil, log: Log, stopGrace: Duration = .seconds(30)) {
        self.listener = listener
        self.options = options
        self.registry = registry
        self.associationProfiles = associationProfiles
        self.configurationPath = configurationPath
        self.log = log
        self.stopGrace = stopGrace
        current = Mutex(ServerSnapshot(configuration: configuration, options: options, services: registry.capabilities,
                                       storageAreas: storageAreas, incomingProfile: associationProfiles?.incoming, log: log))
        openAreas.remember(storageAreas.areas)
    }

    /// The configuration in force and what is built from it (new associations
    /// are decided under it; those in flight keep theirs).
    package var snapshot: ServerSnapshot { current.withLock { $0 } }

    /// Makes `snapshot` the one new associations are decided under.
    func install(_ snapshot: ServerSnapshot) { current.withLock { $0 = snapshot } }

    package var configuration: Configuration { snapshot.configuration }
    package var policy: AssociationPolicy { snapshot.policy }
    package var storageAreas: ServerStorageAreas { snapshot.storageAreas }
    package var acceptor: AssociationAcceptor { snapshot.acceptor }

    /// Accepts connections until `stop()`, then lets the associations in
    /// flight end (see the type's documentation). Returns the exit status: 0.
    package func serve() -> Int32 {
        while !table.isStopping {
            let connection: TCPConnection?
            do {
                connection = try listener.accept(timeout: .seconds(1))
            } catch {
                if table.isStopping { break }
                log.error("cannot accept connection: \(error.dcmtkDescription)")
                sleepBriefly()   // a persistent error (EMFILE) must not spin the loop
                continue
            }
            guard let connection else { continue }
            if options.singleProcess {
                serveConnection(connection)
            } else if !startDetachedThread({ [self] in serveConnection(connection) }) {
                log.error("Cannot create association thread: \(String(cString: strerror(errno)))")
                connection.close()
            }
        }
        drain()
        return 0
    }

    /// Stops the server (any thread; again: cuts every connection at once).
    package func stop(reason: String) {
        let first = stopReason.withLock { current in
            if current == nil { current = reason; return true }
            return false
        }
        if !first {
            for connection in table.connections { connection.shutdown() }
            return
        }
        for connection in table.beginStopping() { connection.shutdown() }
        listener.close()
    }

    /// Why the server stopped (nil while running).
    package var stoppedBecause: String? { stopReason.withLock { $0 } }

    private func drain() {
        let deadline = ContinuousClock.now + stopGrace
        while table.count > 0, ContinuousClock.now < deadline { sleepBriefly() }
        guard table.count > 0 else { return }
        log.warn("\(table.count) association(s) still in progress after \(stopGrace): closing them")
        for connection in table.connections { connection.shutdown() }
        let last = ContinuousClock.now + .seconds(5)
        while table.count > 0, ContinuousClock.now < last { sleepBriefly() }
    }

    private func sleepBriefly() {
        var request = timespec(tv_sec: 0, tv_nsec: 50_000_000)
        nanosleep(&request, nil)
    }
}
