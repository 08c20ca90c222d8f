import Archive
import Foundation
import QuarryTestSupport
import Testing

/// Quotas read exactly as dcmqrscp 3.6.7 reads them (spec §2.5), without its
/// clamp to 500 studies and 1 GiB.
@Suite struct ConfigurationQuotaTests {
    static func entry(_ quota: String) -> String { "AETable BEGIN\nARCHIVE /data RW \(quota) ANY\nAETable END\n" }

    @Test(arguments: [
        ("(200, 1024mb)", 200, 1 << 30),
        ("( 10 , 10mb )", 10, 10 << 20),
        ("(10,10mb)", 10, 10 << 20),
        ("'10, 10mb'", 10, 10 << 20),
        ("(10, 1000b)", 10, 1000),
        ("(10, 10kb)", 10, 10 << 10),
        ("(10, 10KB)", 10, 10 << 10),
        ("(10, 10Mb)", 10, 10 << 20),
        ("(10, 2GB)", 10, 2 << 30),
        ("(10, 4gb)", 10, 4 << 30),                 // dcmqrscp clamps to 1 GiB; Quarry keeps it
        ("(1000, 10mb)", 1000, 10 << 20),           // dcmqrscp clamps to 500; Quarry keeps it
        ("(10, 1tb)", 10, 1),                       // "t" is no unit: 1 byte
        ("(10, 1.5gb)", 10, 1 << 30),               // atoi: 1
        ("(10, 1000)", 10, -1),                     // no trailing b: dcmqrscp's upper limit
        ("(10, 10m)", 10, -1),
        ("(10, 10 mb)", 10, -1),                    // the size is "10"
        ("(-1, 10mb)", -1, 10 << 20),
        ("(10, -5mb)", 10, -5 << 20),
        ("(+5, 1kb)", 5, 1024),
        ("(99999999999, 10mb)", 1_215_752_191, 10 << 20),   // %d keeps the low 32 bits
        ("(10, 2147483647b)", 10, 2_147_483_647),
        ("(10, 3000000000b)", 10, -1_294_967_296),          // atoi keeps the low 32 bits
    ] as [(String, Int, Int)])
    func quotaReadAsDcmqrscpReadsIt(_ quota: String, _ studies: Int, _ bytes: Int) throws {
        let configuration = try Configuration(parsing: Self.entry(quota), fileName: "q.cfg")
        #expect(configuration.aeTable.first?.quota.maxStudies == studies)
        #expect(configuration.aeTable.first?.quota.maxBytesPerStudy == bytes)
        #expect(try DCMTKConfigOracle.verdict(for: Self.entry(quota), in: TemporaryDirectory("quarry-config")).accepted)
    }

    /// Values dcmqrscp leaves undefined (DCMTK 3.6.8 rejects these lines):
    /// accepted, nil, and a warning.
    @Test(arguments: [
        ("(10)", 10 as Int?, nil as Int?),
        ("(10 10mb)", 10, nil),
        ("(abc, 10mb)", nil, nil),
        ("(, 10mb)", nil, nil),
        ("10", 10, nil),
    ])
    func undefinedQuotaValuesAreNil(_ quota: String, _ studies: Int?, _ bytes: Int?) throws {
        let configuration = try Configuration(parsing: Self.entry(quota), fileName: "q.cfg")
        #expect(configuration.aeTable.first?.quota.maxStudies == studies)
        #expect(configuration.aeTable.first?.quota.maxBytesPerStudy == bytes)
        #expect(configuration.warnings.count == 1)
        #expect(try DCMTKConfigOracle.verdict(for: Self.entry(quota), in: TemporaryDirectory("quarry-config")).accepted)
    }

    /// A zero (or no quota at all) rejects the file, silently in dcmqrscp.
    @Test(arguments: [
        ("(0, 10mb)", "Quota of AE title \"ARCHIVE\" allows 0 studies in configuration file, line 2"),
        ("(10, 0mb)", "Quota of AE title \"ARCHIVE\" allows 0 bytes per study in configuration file, line 2"),
        ("(10, mb)", "Quota of AE title \"ARCHIVE\" allows 0 bytes per study in configuration file, line 2"),
        ("(10, 4294967296b)", "Quota of AE title \"ARCHIVE\" allows 0 bytes per study in configuration file, line 2"),
        ("(10, 10mb", "Missing quota for AE title \"ARCHIVE\" in configuration file, line 2"),
    ])
    func zeroQuotaIsAnError(_ quota: String, _ message: String) throws {
        let error = try #require(throws: ConfigurationError.self) { try Configuration(parsing: Self.entry(quota), fileName: "q.cfg") }
        #expect(error.errors.map(\.message) == [message])
        let verdict = try DCMTKConfigOracle.verdict(for: Self.entry(quota), in: TemporaryDirectory("quarry-config"))
        #expect(!verdict.accepted)
        #expect(verdict.configErrorLines.isEmpty)
    }
}
