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
/// `stop()` (SIGTERM, SIGINT, the private shutdown class): no new connection
/// is accepted, connections still negotiating are closed, idle associations
/// are aborted at once, an operation under way is finished and its
/// association then aborted; whatever is left after `stopGrace` is cut.
package final class QueryRetrieveServer: Sendable {
    package let listener: TCPListener
    package let configuration: Configuration
    package let options: ServerOptions
    package let policy: AssociationPolicy
    package let registry: ServiceRegistry
    package let storageAreas: ServerStorageAreas
    /// The `-xf` profiles: "in" shapes the policy, "out" is for C-MOVE sub-associations.
    package let associationProfiles: LoadedAssociationProfiles?
    package let acceptor: AssociationAcceptor
    package let log: Log
    package let table = AssociationTable()
    /// How long in-flight associations may take to finish once stopping.
    package let stopGrace: Duration
    private let stopReason = Mutex<String?>(nil)

    package init(listener: TCPListener, configuration: Configuration, options: ServerOptions, registry: ServiceRegistry,
                 storageAreas: ServerStorageAreas, associationProfiles: LoadedAssociationProfiles? = nil, log: Log,
                 stopGrace: Duration = .seconds(30)) {
        self.listener = listener
        self.configuration = configuration
        self.options = options
        self.registry = registry
        self.storageAreas = storageAreas
        self.associationProfiles = associationProfiles
        self.log = log
        self.stopGrace = stopGrace
        policy = AssociationPolicy(configuration: configuration, options: options, services: registry.capabilities,
                                   incomingProfile: associationProfiles?.incoming)
        acceptor = AssociationAcceptor(configuration: AssociationConfiguration(
            implementationClassUID: QuarryIdentity.implementationClassUID,
            implementationVersionName: QuarryIdentity.implementationVersionName,
            maximumPDULength: options.maxPDU ?? UInt32(configuration.effectiveMaxPDUSize),
            acseTimeout: .seconds(options.acseTimeout),
            dimseTimeout: options.dimseTimeout.map { .seconds($0) },
            connectTimeout: options.connectionTimeout.map { .seconds($0) },
            log: log))
    }

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
