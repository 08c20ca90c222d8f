import Archive

/// The line the server logs for one storage area on SIGUSR1, and at start
/// with `-v` (issue 8): what the area holds (`ArchiveArea.summaryLine`) and
/// the room left under the quota of each AE title storing into it — the
/// studies against maxStudies, the fullest study against maxBytesPerStudy:
///
///     /srv/CT: 3 patients, 5 studies, 7 series, 120 instances, 12.3 MiB; quota of CT, CT2:
///     5 of 200 studies (195 left), fullest study 4.5 MiB of 1.0 GiB (1019.5 MiB left)
///
/// (one line; AE titles with the same quota share its clause).
package struct AreaSummary: Sendable, Equatable {
    /// What the index says of the area's fullness, for the headroom.
    package struct Fullness: Sendable, Equatable {
        package var studies: Int
        /// The bytes of the study holding the most.
        package var fullestStudyBytes: Int64

        package init(studies: Int, fullestStudyBytes: Int64) {
            (self.studies, self.fullestStudyBytes) = (studies, fullestStudyBytes)
        }

        package init(_ snapshot: IndexSnapshot) {
            studies = snapshot.count(at: .study)
            fullestStudyBytes = snapshot.entities(at: .study).map { snapshot.byteCount(of: $0) }.max() ?? 0
        }
    }

    package struct AEQuota: Sendable, Equatable {
        package var aeTitle: String
        package var quota: StorageQuota
        package init(_ aeTitle: String, _ quota: StorageQuota) { (self.aeTitle, self.quota) = (aeTitle, quota) }
    }

    /// `ArchiveArea.summaryLine()`: `<area>: 3 patients, … 12.3 MiB`.
    package var held: String
    /// The AE titles storing into the area, in AETable order, with their quotas.
    package var quotas: [AEQuota]
    /// nil: the index could not be read (`held` says so).
    package var fullness: Fullness?

    package init(held: String, quotas: [AEQuota], fullness: Fullness?) {
        (self.held, self.quotas, self.fullness) = (held, quotas, fullness)
    }

    /// The summary of `area` for the AE titles storing into it.
    package init(_ area: ArchiveArea, quotas: [AEQuota]) {
        self.init(held: area.summaryLine(), quotas: quotas, fullness: (try? area.index.snapshot()).map(Fullness.init))
    }

    package var line: String {
        guard let fullness else { return held }
        var groups: [(titles: [String], quota: StorageQuota)] = []
        for entry in quotas {
            if let i = groups.firstIndex(where: { $0.quota == entry.quota }) {
                groups[i].titles.append(entry.aeTitle)
            } else {
                groups.append(([entry.aeTitle], entry.quota))
            }
        }
        return groups.reduce(held) { text, group in
            text + "; quota of \(group.titles.joined(separator: ", ")): " + Self.headroom(group.quota, fullness)
        }
    }

    static func headroom(_ quota: StorageQuota, _ fullness: Fullness) -> String {
        let bytes = AreaStatistics.humanBytes
        let studies = quota.maxStudies.map {
            "\(fullness.studies) of \($0) studies (\(max($0 - fullness.studies, 0)) left)"
        } ?? "no limit on studies"
        let perStudy = quota.maxBytesPerStudy.map {
            "fullest study \(bytes(fullness.fullestStudyBytes)) of \(bytes($0)) "
                + "(\(bytes(max($0 - fullness.fullestStudyBytes, 0))) left)"
        } ?? "no limit per study"
        return studies + ", " + perStudy
    }
}
