import Archive
import DICOM

extension QueryRetrieveServer {
    /// A summary per storage area of the configuration in force, in AETable order.
    package func areaSummaries() -> [AreaSummary] {
        let snapshot = self.snapshot
        var order: [String] = []
        var titles: [String: [String]] = [:]
        for entry in snapshot.configuration.aeTable {
            guard let area = snapshot.storageAreas.area(forAETitle: entry.aeTitle),
                  titles[area.path].map({ !$0.contains(entry.aeTitle) }) ?? true else { continue }
            if titles[area.path] == nil { order.append(area.path) }
            titles[area.path, default: []].append(entry.aeTitle)
        }
        return order.map { path in
            AreaSummary(path: path, quotas: (titles[path] ?? []).map { ($0, StorageQuota.unlimited) }, counts: nil,
                        problem: "no index open in this build")
        }
    }

    /// SIGUSR1, and start with `-v`: one `I:` line per storage area. Give
    /// `log.requested` for a signal (printed at the default level too).
    package func logAreaSummaries(to log: Log) {
        for summary in areaSummaries() { log.info(summary.line) }
    }
}
