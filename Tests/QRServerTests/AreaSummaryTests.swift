import Archive
import QRServer
import Testing

/// The line SIGUSR1 logs per storage area (issue 8): the area's own summary, then the headroom per quota.
@Suite struct AreaSummaryTests {
    static let mib: Int64 = 1 << 20
    static let held = "/srv/CT: 3 patients, 5 studies, 7 series, 120 instances, 12.3 MiB"

    static let cases: [(AreaSummary, String)] = [
        (AreaSummary(held: held, quotas: [.init("CT", StorageQuota(maxStudies: 200, maxBytesPerStudy: 1 << 30))],
                     fullness: .init(studies: 5, fullestStudyBytes: 4 * mib + mib / 2)),
         held + "; quota of CT: 5 of 200 studies (195 left), fullest study 4.5 MiB of 1.0 GiB (1019.5 MiB left)"),
        // Two AE titles with one quota share its clause; another quota gets its own; a full area has 0 left.
        (AreaSummary(held: "a: …", quotas: [.init("A", StorageQuota(maxStudies: 1, maxBytesPerStudy: 1000)),
                                            .init("B", StorageQuota(maxStudies: 1, maxBytesPerStudy: 1000)),
                                            .init("C", .unlimited)],
                     fullness: .init(studies: 1, fullestStudyBytes: 1000)),
         "a: …; quota of A, B: 1 of 1 studies (0 left), fullest study 1000 bytes of 1000 bytes (0 bytes left); "
            + "quota of C: no limit on studies, no limit per study"),
        (AreaSummary(held: "empty: …", quotas: [.init("E", StorageQuota(maxStudies: 10))], fullness: .init(studies: 0, fullestStudyBytes: 0)),
         "empty: …; quota of E: 0 of 10 studies (10 left), no limit per study"),
        (AreaSummary(held: "broken: index unreadable", quotas: [.init("X", .unlimited)], fullness: nil),
         "broken: index unreadable"),
    ]

    @Test(arguments: cases) func line(_ summary: AreaSummary, _ expected: String) {
        #expect(summary.line == expected)
    }
}
