import Archive
import DICOM

extension QueryRetrieveServer {
    /// A summary per storage area of the configuration in force, in AETable
    /// order, each with the AE titles storing into it and their quotas.
    package func areaSummaries() -> [AreaSummary] {
        let snapshot = self.snapshot
        let areas = snapshot.storageAreas
        var titles: [ObjectIdentifier: [String]] = [:]
        for entry in snapshot.configuration.aeTable {
            guard let area = areas.area(forAETitle: entry.aeTitle) else { continue }
            let key = ObjectIdentifier(area)
            if !(titles[key]?.contains(entry.aeTitle) ?? false) { titles[key, default: []].append(entry.aeTitle) }
        }
        return areas.areas.map { area in
            AreaSummary(area, quotas: (titles[ObjectIdentifier(area)] ?? []).map {
                AreaSummary.AEQuota($0, areas.quota(forAETitle: $0))
            })
        }
    }

    /// SIGUSR1, and start with `-v`: one `I:` line per storage area. Give
    /// `log.requested` for a signal (printed at the default level too).
    package func logAreaSummaries(to log: Log) {
        for summary in areaSummaries() { log.info(summary.line) }
    }
}
