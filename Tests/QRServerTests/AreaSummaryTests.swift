import Archive
import QRServer
import Testing

/// The line SIGUSR1 logs per storage area (issue 8).
@Suite struct AreaSummaryTests {
    static let mib: Int64 = 1 << 20

    static let cases: [(AreaSummary, String)] = [
        (AreaSummary(path: "/srv/CT", quotas: [("CT", StorageQuota(maxStudies: 200, maxBytesPerStudy: 1 << 30))],
                     counts: .init(patients: 3, studies: 5, series: 7, instances: 120, bytes: 12 * mib + mib / 3,
                                   fullestStudyBytes: 4 * mib + mib / 2)),
         "/srv/CT (AE title CT): 3 patients, 5 studies, 7 series, 120 instances, 12.3 MiB; "
            + "quota of CT: 5 of 200 studies (195 left), fullest study 4.5 MiB of 1 GiB (1019.5 MiB left)"),
        // Two AE titles with one quota share its clause; another quota gets its own; a full area has 0 left.
        (AreaSummary(path: "a", quotas: [("A", StorageQuota(maxStudies: 1, maxBytesPerStudy: 1000)),
                                         ("B", StorageQuota(maxStudies: 1, maxBytesPerStudy: 1000)),
                                         ("C", .unlimited)],
                     counts: .init(patients: 1, studies: 1, series: 1, instances: 1, bytes: 1, fullestStudyBytes: 1)),
         "a (AE titles A, B, C): 1 patient, 1 study, 1 series, 1 instance, 1 byte; "
            + "quota of A, B: 1 of 1 studies (0 left), fullest study 1 byte of 1000 bytes (999 bytes left); "
            + "quota of C: no limit on studies, no limit per study"),
        (AreaSummary(path: "empty", quotas: [("E", StorageQuota(maxStudies: 10))], counts: .init()),
         "empty (AE title E): 0 patients, 0 studies, 0 series, 0 instances, 0 bytes; "
            + "quota of E: 0 of 10 studies (10 left), no limit per study"),
        (AreaSummary(path: "broken", quotas: [("X", .unlimited)], counts: nil, problem: "index unreadable: checksum"),
         "broken (AE title X): index unreadable: checksum"),
    ]

    @Test(arguments: cases) func line(_ summary: AreaSummary, _ expected: String) {
        #expect(summary.line == expected)
    }
}
