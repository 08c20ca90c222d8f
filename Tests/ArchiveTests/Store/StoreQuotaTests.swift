import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// Quotas as dcmqrscp enforces them by default (spec §5.5), without its caps,
/// ordered by journal sequence; and `--quota-policy reject`.
@Suite struct StoreQuotaTests {
    @Test func newStudyBeyondMaxStudiesEvictsTheLeastRecentlyStoredInto() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, quota: StorageQuota(maxStudies: 2), log: .silent)
        let a1 = try #require(try store(StoreTestObject(1, study: 1, patientID: "PA"), into: area).storedFile)
        let a2 = try #require(try store(StoreTestObject(2, study: 1, patientID: "PA"), into: area).storedFile)
        _ = try store(StoreTestObject(1, study: 2, patientID: "PB"), into: area)
        _ = try store(StoreTestObject(3, study: 1, patientID: "PA"), into: area)   // study 1 is now the most recent
        _ = try store(StoreTestObject(1, study: 3, patientID: "PC"), into: area)   // evicts study 2
        let log = StorageTestLog()
        let result = try store(StoreTestObject(1, study: 4, patientID: "PD"), into: area, log: log.log)   // evicts study 1
        #expect(result.status == .success)
        #expect(result.outcome?.evicted.count == 3)
        let study1 = "\(StoreTestObject.root).1"
        let bytes = (result.outcome?.evicted ?? []).reduce(Int64(0)) { $0 + $1.instance.fileSize }
        #expect(log.text.contains("W: Quota of 2 studies in \(dir.path): removing study \(study1) of patient \"PA\" (3 instances, \(bytes) bytes)"))
        #expect(log.text.contains("W: Deleting file: \(a1.path) due to quota or duplicate SOP instance UID"))
        #expect(log.text.contains("W: Deleting file: \(a2.path) due to quota or duplicate SOP instance UID"))
        let snapshot = try area.index.snapshot()
        #expect(snapshot.count(at: .study) == 2)
        #expect(snapshot.studiesByLastStore.compactMap { snapshot.string(.studyInstanceUID, of: $0) }
                == ["\(StoreTestObject.root).3", "\(StoreTestObject.root).4"])
        #expect(try objectFiles(dir.path).count == 2)
    }

    @Test func studyBeyondMaxBytesLosesItsOldestInstances() throws {
        let dir = try TemporaryDirectory()
        let size = Int64(try StoreTestObject(1).encoded().count + 400)   // about one file
        let area = try ArchiveArea.open(atPath: dir.path, quota: StorageQuota(maxBytesPerStudy: 2 * size + size / 2), log: .silent)
        let first = try #require(try store(StoreTestObject(1), into: area).storedFile)
        _ = try store(StoreTestObject(2), into: area)
        let log = StorageTestLog()
        let third = try store(StoreTestObject(3), into: area, log: log.log)
        #expect(third.status == .success)
        #expect(third.outcome?.evicted.map(\.instance.fileName) == [first.name])
        #expect(log.text.contains("removing the oldest 1 instance (\(first.size) bytes) of study \(StoreTestObject.root).1 of patient \"P1\""))
        #expect(try area.index.snapshot().sopInstanceUIDs == ["\(StoreTestObject.root).1.1.2", "\(StoreTestObject.root).1.1.3"])
    }

    @Test(arguments: [StorageQuota.Policy.delete, .reject])
    func instanceLargerThanMaxBytesPerStudyIsRefused(policy: StorageQuota.Policy) throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, quota: StorageQuota(maxBytesPerStudy: 2000, policy: policy), log: .silent)
        var big = StoreTestObject(1)
        big.pixelBytes = 4000
        let log = StorageTestLog()
        let result = try store(big, into: area, log: log.log)
        #expect(result.status == .refusedOutOfResources)
        #expect(result.errorComment == "Quota: instance larger than maxBytesPerStudy 2000")
        #expect(log.text.contains("E: storeSCP: Database: storeRequest Failed (Refused: OutOfResources)"))
        #expect(try leftovers(dir.path).isEmpty)
    }

    @Test func rejectPolicyRefusesANewStudyBeyondMaxStudies() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, quota: StorageQuota(maxStudies: 1, policy: .reject), log: .silent)
        let kept = try #require(try store(StoreTestObject(1, study: 1), into: area).storedFile)
        let result = try store(StoreTestObject(1, study: 2), into: area)
        #expect(result.status == .refusedOutOfResources)
        #expect(result.errorComment == "Quota: storage area holds maxStudies 1")
        #expect(try objectFiles(dir.path) == [kept.name])
        #expect(try store(StoreTestObject(2, study: 1), into: area).status == .success)   // the same study still grows
    }

    @Test func rejectPolicyRefusesAnInstanceBeyondMaxBytesPerStudy() throws {
        let dir = try TemporaryDirectory()
        let size = Int64(try StoreTestObject(1).encoded().count + 400)
        let area = try ArchiveArea.open(atPath: dir.path, quota: StorageQuota(maxBytesPerStudy: size + size / 2, policy: .reject), log: .silent)
        _ = try store(StoreTestObject(1), into: area)
        let result = try store(StoreTestObject(2), into: area)
        #expect(result.status == .refusedOutOfResources)
        #expect(result.errorComment == "Quota: study would exceed maxBytesPerStudy \(size + size / 2)")
        #expect(try objectFiles(dir.path).count == 1)
    }

    /// The quota a store names (its AE's) wins over the area's.
    @Test func storeOptionsQuotaOverridesTheAreas() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, quota: StorageQuota(maxStudies: 1, policy: .reject), log: .silent)
        _ = try store(StoreTestObject(1, study: 1), into: area)
        let result = try store(StoreTestObject(1, study: 2), into: area, options: StoreOptions(quota: .unlimited))
        #expect(result.status == .success)
    }

    @Test(arguments: [
        (ConfiguredQuota(text: "10, 1mb", maxStudies: 10, maxBytesPerStudy: 1 << 20), StorageQuota(maxStudies: 10, maxBytesPerStudy: 1 << 20)),
        (ConfiguredQuota(text: "900, 5gb", maxStudies: 900, maxBytesPerStudy: 5 << 30), StorageQuota(maxStudies: 900, maxBytesPerStudy: 5 << 30)),
        (ConfiguredQuota(text: "10, 10", maxStudies: 10, maxBytesPerStudy: -1), StorageQuota(maxStudies: 10, maxBytesPerStudy: 1 << 30)),
        (ConfiguredQuota(text: "-1, 10mb", maxStudies: -1, maxBytesPerStudy: 10 << 20), StorageQuota(maxStudies: nil, maxBytesPerStudy: 10 << 20)),
        (ConfiguredQuota(text: "abc, 10mb", maxStudies: nil, maxBytesPerStudy: nil), StorageQuota()),
    ])
    func configuredQuotaIsHonouredAsWritten(configured: ConfiguredQuota, expected: StorageQuota) {
        #expect(StorageQuota(configured: configured, policy: .delete) == expected)
    }
}
