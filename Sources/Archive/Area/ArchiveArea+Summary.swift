extension ArchiveArea {
    /// One line about what the area holds, for the server's log (issue 8: on
    /// SIGUSR1, and at start with `-v`): `<area>: 3 patients, 5 studies,
    /// 7 series, 120 instances, 12.3 MiB`.
    package func summaryLine() -> String {
        guard let snapshot = try? index.snapshot() else { return "\(path): index unreadable" }
        return "\(path): \(snapshot.count(at: .patient)) patients, \(snapshot.count(at: .study)) studies, "
            + "\(snapshot.count(at: .series)) series, \(snapshot.count(at: .image)) instances, "
            + AreaStatistics.humanBytes(snapshot.byteCount)
    }
}
