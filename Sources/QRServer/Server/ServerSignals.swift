import DICOM
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What the server does on each signal it watches, whenever it comes. The
/// signals are watched from before the start-up sequence, so that none
/// arriving while it runs (a `systemctl reload` right after the start) can
/// kill the process by its default action: SIGHUP and SIGUSR1 that come
/// before the server is serving are held and handled once it is; SIGTERM
/// and SIGINT then end the process as their default action would (the
/// start-up leaves nothing half-written to clean up).
final class ServerSignals: Sendable {
    private struct State {
        var server: QueryRetrieveServer?
        var pending: [Int32] = []
        var stops = 0
    }

    private let state = Mutex(State())
    private let log: Log

    init(log: Log) { self.log = log }

    static let watched = [SIGTERM, SIGINT, SIGHUP, SIGUSR1]

    /// The server is serving: the signals held are handled now.
    func attach(_ server: QueryRetrieveServer) {
        let pending = state.withLock { state in
            state.server = server
            defer { state.pending = [] }
            return state.pending
        }
        for signal in pending { handle(signal) }
    }

    func handle(_ signal: Int32) {
        let (server, stops): (QueryRetrieveServer?, Int) = state.withLock { state in
            guard let server = state.server else {
                if signal == SIGHUP || signal == SIGUSR1 { state.pending.append(signal) }
                return (nil, 0)
            }
            if signal == SIGTERM || signal == SIGINT { state.stops += 1 }
            return (server, state.stops)
        }
        guard let server else {
            if signal == SIGTERM || signal == SIGINT {
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
            return
        }
        switch signal {
        case SIGTERM, SIGINT:
            let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
            if stops == 1 {
                log.info("\(name) received: stopping (associations in progress finish first)")
            } else {
                log.warn("\(name) received again: closing every association now")
            }
            server.stop(reason: name)
        case SIGHUP:
            server.reload()
        default:
            server.logAreaSummaries(to: log.requested)
        }
    }
}
