import DICOM

extension Log {
    /// The log for what an administrator asks for by a signal — SIGHUP's
    /// verdict, SIGUSR1's statistics: `I:` lines that print at the default
    /// level (warn) too, since whoever sent the signal wants the answer;
    /// `-q` and `-ll error`/`fatal`/`off` still silence them.
    package var requested: Log {
        var log = self
        if log.threshold == .warn { log.threshold = .info }
        return log
    }
}
