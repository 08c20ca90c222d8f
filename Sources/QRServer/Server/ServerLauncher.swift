import Archive
import DICOM
import DICOMNetwork
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// quarryscp's main: the start-up sequence of dcmqrscp (spec §1.3), then
/// the server until it is stopped.
///
/// Order: `-xf` profiles (exit 1) → the config file (the first of
/// `ServerOptions.configurationCandidates` that exists; missing, unreadable
/// or invalid: exit 10) → MaxPDUSize → privileged port → bind → setuid-root
/// given up, GroupName, UserName → storage areas opened (created when
/// missing, with a warning) → accept loop. Nothing is printed on a
/// successful start but the config's warnings. SIGTERM and SIGINT stop the
/// server cleanly (`QueryRetrieveServer.stop`), exit 0; a second signal cuts
/// the associations still in flight. SIGUSR1 logs a line per storage area
/// (issue 8; also at start with `-v`); SIGHUP (reload) is caught and logged
/// for now, so that it never kills the server.
package enum ServerLauncher {
    package static func run(_ options: ServerOptions, log: Log, registry: ServiceRegistry = .quarry) -> Int32 {
        switch options.mode {
        case .checkConfig:
            return checkConfig(options, log: log)
        case .explain:
            log.fatal("--explain is not available yet (issue 8)")
            return 1
        case .serve:
            break
        }
        signal(SIGPIPE, SIG_IGN)   // a peer or a log pipe gone away is an error to report, never a kill
        // Signals are watched before the port is bound: a signal that comes while
        // the storage areas open (imports, journals) waits for the server instead of
        // killing the process with its default action.
        let signals = SignalsBeforeStart()
        let stops = Mutex(0)
        let handle: @Sendable (Int32, QueryRetrieveServer) -> Void = { signal, server in
            switch signal {
            case SIGTERM, SIGINT:
                let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
                let count = stops.withLock { $0 += 1; return $0 }
                if count == 1 {
                    log.info("\(name) received: stopping (associations in progress finish first)")
                } else {
                    log.warn("\(name) received again: closing every association now")
                }
                server.stop(reason: name)
            case SIGUSR1:
                // Issue 8: one line per storage area, whatever the log level asks.
                for area in server.storageAreas.areas { log.warn("SIGUSR1: \(area.summaryLine())") }
            default:
                // Until issue 8 (reload) lands: never die of it.
                log.warn("SIGHUP (configuration reload) is not available yet: ignored, the server goes on with its configuration")
            }
        }
        let watching = SignalWatcher.start([SIGTERM, SIGINT, SIGHUP, SIGUSR1]) { signal in
            if let server = signals.deliverOrKeep(signal) { handle(signal, server) }
        }
        let server: QueryRetrieveServer
        do {
            server = try start(options, log: log, registry: registry)
        } catch {
            report(error, log: log)
            return error.status
        }
        if !watching { log.warn("cannot watch SIGTERM/SIGINT/SIGHUP/SIGUSR1: the server stops only when killed") }
        for area in server.storageAreas.areas { log.info(area.summaryLine()) }
        for signal in signals.started(server) { handle(signal, server) }
        return server.serve()
    }

    /// Everything before the accept loop.
    static func start(_ options: ServerOptions, log: Log, registry: ServiceRegistry) throws(StartupFailure) -> QueryRetrieveServer {
        let profiles = try loadProfiles(options)
        let configuration = try loadConfiguration(options, log: log)
        let port = options.port.map(Int.init) ?? configuration.listeningPort
        guard (1...65535).contains(port) else {
            throw StartupFailure("invalid NetworkTCPPort in config file: \(port)")
        }
        if port < 1024, geteuid() != 0 {
            throw StartupFailure("cannot listen on port \(port), insufficient privileges")
        }
        let listener: TCPListener
        do { listener = try TCPListener(port: UInt16(port)) } catch {
            throw StartupFailure("cannot initialize network: \(error.dcmtkDescription)")
        }
        do { try PrivilegeDrop.apply(groupName: configuration.groupName, userName: configuration.userName) } catch {
            throw StartupFailure(error.message)
        }
        let areas: ServerStorageAreas
        do { areas = try ServerStorageAreas.open(configuration, policy: options.quotaPolicy.storageQuotaPolicy, log: log) } catch {
            throw StartupFailure(error.description)
        }
        return QueryRetrieveServer(listener: listener, configuration: configuration, options: options, registry: registry,
                                   storageAreas: areas, associationProfiles: profiles, log: log)
    }

    static func loadProfiles(_ options: ServerOptions) throws(StartupFailure) -> LoadedAssociationProfiles? {
        guard let profiles = options.associationProfiles else { return nil }
        do { return try LoadedAssociationProfiles.load(profiles) } catch {
            throw StartupFailure(error.fatalMessage, status: 1)
        }
    }

    /// The config file dcmqrscp would read: `-c`, else the first default
    /// location that exists (the first is named when none does).
    static func configurationPath(_ options: ServerOptions) -> String {
        let candidates = options.configurationCandidates
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates.first ?? "dcmqrscp.cfg"
    }

    static func loadConfiguration(_ options: ServerOptions, log: Log) throws(StartupFailure) -> Configuration {
        let configuration: Configuration
        do { configuration = try Configuration.load(contentsOf: configurationPath(options)) } catch {
            throw StartupFailure(error.fatalMessage, diagnosticText: error.diagnosticText)
        }
        for warning in configuration.warnings { log.warn(warning.rendered) }
        return configuration
    }

    static func report(_ failure: StartupFailure, log: Log) {
        if !failure.diagnosticText.isEmpty { StandardStreams.writeError(failure.diagnosticText) }
        log.fatal(failure.message)
    }
}

/// Signals that arrive before the server has started are kept, and handled
/// once it has (in order).
private final class SignalsBeforeStart: Sendable {
    private let state = Mutex<(server: QueryRetrieveServer?, pending: [Int32])>((nil, []))

    /// The server to handle `signal` with, or nil when it is kept for later.
    func deliverOrKeep(_ signal: Int32) -> QueryRetrieveServer? {
        state.withLock { state in
            if let server = state.server { return server }
            state.pending.append(signal)
            return nil
        }
    }

    /// Records the started server; the signals kept so far.
    func started(_ server: QueryRetrieveServer) -> [Int32] {
        state.withLock { state in
            state.server = server
            defer { state.pending = [] }
            return state.pending
        }
    }
}
