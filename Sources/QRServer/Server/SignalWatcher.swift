#if canImport(Glibc)
import Glibc
#endif

/// The write end of the self-pipe the signal handler writes to (set once,
/// before the handler is installed; read by the handler only).
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1

/// Signals turned into calls on a thread of their own: the handler only
/// writes the signal number to a pipe (async-signal-safe); a watcher thread
/// reads it and calls `onSignal`.
enum SignalWatcher {
    static func start(_ signals: [Int32], _ onSignal: @escaping @Sendable (_ signal: Int32) -> Void) -> Bool {
        // A parent may have left them blocked (a spawning thread's mask is
        // inherited): unblock them here, before any other thread exists.
        let mask = UnsafeMutablePointer<sigset_t>.allocate(capacity: 1)
        defer { mask.deallocate() }
        sigemptyset(mask)
        for sig in signals { sigaddset(mask, sig) }
        pthread_sigmask(SIG_UNBLOCK, mask, nil)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        signalPipeWriteEnd = ends[1]
        let readEnd = ends[0]
        let started = startDetachedThread(stackSize: 256 << 10) {
            while true {
                var byte: UInt8 = 0
                let n = read(readEnd, &byte, 1)
                if n == 1 {
                    onSignal(Int32(byte))
                } else if n < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
        guard started else { return false }
        for sig in signals {
            signal(sig) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
        }
        return true
    }
}
