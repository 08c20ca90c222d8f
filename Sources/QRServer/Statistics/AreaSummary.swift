import Archive

/// The line the server logs for one storage area on SIGUSR1, and at start
/// with `-v` (issue 8): what the area holds and the room left under the
/// quota of each AE title storing into it.
///
///     /srv/CT (AE titles CT, CT2): 3 patients, 5 studies, 7 series, 120 instances, 12.3 MiB;
///     quota of CT: 5 of 200 studies (195 left), fullest study 4.1 MiB of 1 GiB (1019.9 MiB left)
///
/// (one line; AE titles with the same quota share its clause).
package struct AreaSummary: Sendable, Equatable {
    package struct Counts: Sendable, Equatable {
        package var patients = 0, studies = 0, series = 0, instances = 0
        package var bytes: Int64 = 0
        /// The bytes of the study holding the most.
        package var fullestStudyBytes: Int64 = 0

        package init(patients: Int = 0, studies: Int = 0, series: Int = 0, instances: Int = 0, bytes: Int64 = 0,
                     fullestStudyBytes: Int64 = 0) {
            (self.patients, self.studies, self.series, self.instances) = (patients, studies, series, instances)
            (self.bytes, self.fullestStudyBytes) = (bytes, fullestStudyBytes)
        }

        /// What `snapshot` holds.
        package init(_ snapshot: IndexSnapshot) {
            patients = snapshot.count(at: .patient)
            studies = snapshot.count(at: .study)
            series = snapshot.count(at: .series)
            instances = snapshot.count(at: .image)
            bytes = snapshot.byteCount
            fullestStudyBytes = snapshot.entities(at: .study).map { snapshot.byteCount(of: $0) }.max() ?? 0
        }
    }

    package var path: String
    /// The AE titles storing into the area, in AETable order, with their quotas.
    package var quotas: [(aeTitle: String, quota: StorageQuota)]
    /// nil: the index could not be read (`problem` says why).
    package var counts: Counts?
    package var problem: String?

    package init(path: String, quotas: [(aeTitle: String, quota: StorageQuota)], counts: Counts?, problem: String? = nil) {
        (self.path, self.quotas, self.counts, self.problem) = (path, quotas, counts, problem)
    }

    package static func == (a: Self, b: Self) -> Bool { a.line == b.line }

    package var line: String {
        let titles = quotas.map(\.aeTitle)
        var text = path + (titles.isEmpty ? "" : " (AE title\(titles.count == 1 ? "" : "s") \(titles.joined(separator: ", ")))")
        guard let counts else { return text + ": " + (problem ?? "no index") }
        text += ": \(counts.patients) patient\(Self.plural(counts.patients)), \(counts.studies) stud"
            + "\(counts.studies == 1 ? "y" : "ies"), \(counts.series) series, \(counts.instances) instance"
            + "\(Self.plural(counts.instances)), \(Self.bytes(counts.bytes))"
        var groups: [(titles: [String], quota: StorageQuota)] = []
        for (title, quota) in quotas {
            if let i = groups.firstIndex(where: { $0.quota == quota }) { groups[i].titles.append(title) } else {
                groups.append(([title], quota))
            }
        }
        for group in groups {
            text += "; quota of \(group.titles.joined(separator: ", ")): " + Self.headroom(group.quota, counts)
        }
        return text
    }

    static func headroom(_ quota: StorageQuota, _ counts: Counts) -> String {
        let studies = quota.maxStudies.map {
            "\(counts.studies) of \($0) studies (\(max($0 - counts.studies, 0)) left)"
        } ?? "no limit on studies"
        let bytes = quota.maxBytesPerStudy.map {
            "fullest study \(Self.bytes(counts.fullestStudyBytes)) of \(Self.bytes($0)) "
                + "(\(Self.bytes(max($0 - counts.fullestStudyBytes, 0))) left)"
        } ?? "no limit per study"
        return studies + ", " + bytes
    }

    static func plural(_ n: Int) -> String { n == 1 ? "" : "s" }

    /// 1536 → "1.5 KiB" (one decimal, cut), below 1 KiB in bytes.
    static func bytes(_ n: Int64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(n), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return n == 1 ? "1 byte" : "\(n) bytes" }
        let tenths = Int(value * 10)
        return (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + " " + units[unit]
    }
}
