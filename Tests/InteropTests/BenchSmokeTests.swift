import Foundation
import QuarryTestSupport
import Testing

/// `make bench`'s driver (bench/run.py, issue 7) on a tiny corpus, so that it
/// cannot rot as the code changes. No timing is asserted: only that the run
/// completes, produces every figure, and that the checks the bench makes on the
/// way pass (stored objects present, query results as expected, retrieved objects
/// verified by SOP Instance UID). Orthanc is left out (the smoke preset skips it
/// with a note), so the test does not depend on it being installed.
@Suite struct BenchSmokeTests {
    typealias JSON = [String: Any]

    static func object(_ value: Any?, _ path: String...) -> Any? {
        var v = value
        for key in path { v = (v as? JSON)?[key] }
        return v
    }

    @Test func benchDriverRunsOnATinyCorpus() throws {
        let folder = try TemporaryDirectory("quarry-bench-smoke")
        let script = TestEnvironment.repositoryRoot.appendingPathComponent("bench/run.py").path
        let run = try runProcess(TestEnvironment.python, [
            script, "--preset", "smoke", "--bin-dir", TestEnvironment.binDirectory.path,
            "--data-dir", folder.path, "--results-dir", folder.file("results").path,
        ], timeout: 240)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.stdout.contains("Orthanc skipped: not part of the smoke preset"))
        let data = try Data(contentsOf: folder.file("results/bench-smoke.json"))
        let results = try #require(try JSONSerialization.jsonObject(with: data) as? JSON)
        let table = try String(contentsOf: folder.file("results/bench-smoke.txt"), encoding: .utf8)
        #expect(table.contains("Q÷dcmqrscp"))

        // The offline index.dat writer agrees with DCMTK's dcmqridx.
        #expect(results["dcmqridx_equivalence"] as? Bool == true)
        // Ceiling and limits were measured.
        #expect((Self.object(results, "ceiling", "small_1", "images_per_s") as? Double ?? 0) > 0)
        #expect((Self.object(results, "limits", "loopback", "mb_per_s") as? Double ?? 0) > 0)

        for target in ["quarry", "dcmqrscp"] {
            let t = Self.object(results, "targets", target)
            #expect(Self.object(t, "status") as? String == "ok", "\(target): \(Self.object(t, "status") ?? "absent")")
            #expect((Self.object(t, "errors") as? JSON)?.isEmpty == true, "\(target): \(Self.object(t, "errors") ?? "")")
            // dcmqrscp loses objects when several associations store at once
            // (forked children pick the same file name); only one association is checked for it.
            for store in target == "quarry" ? ["small_1", "small_4", "large_1", "large_4"] : ["small_1", "large_1"] {
                let verified = Self.object(t, "store", store, "verified")
                #expect(Self.object(verified, "missing") as? Int == 0, "\(target) \(store): \(verified ?? "")")
                #expect(Self.object(verified, "unexpected") as? Int == 0, "\(target) \(store)")
                #expect((Self.object(t, "store", store, "images_per_s") as? Double ?? 0) > 0, "\(target) \(store)")
            }
            for size in ["250", "500"] {
                for query in ["study-name", "study-date", "series", "image"] {
                    let c = Self.object(t, "find", size, "classes", query)
                    #expect((Self.object(c, "median_ms") as? Double ?? 0) > 0, "\(target) \(query) @ \(size)")
                    #expect((Self.object(c, "mismatches") as? [Any])?.isEmpty == true, "\(target) \(query) @ \(size): \(c ?? "")")
                    #expect((Self.object(c, "failures") as? [Any])?.isEmpty == true, "\(target) \(query) @ \(size)")
                }
                #expect((Self.object(t, "find", size, "peak_rss") as? Int ?? 0) > 0, "\(target) RSS @ \(size)")
            }
            for operation in ["move", "get"] {
                #expect(Self.object(t, "retrieve", operation, "verified") as? Bool == true,
                        "\(target) \(operation): \(Self.object(t, "retrieve", operation) ?? "")")
            }
        }
        // Quarry alone: an index built from a synthetic journal, queried.
        let synthetic = Self.object(results, "quarry_synthetic", "1000")
        #expect((Self.object(synthetic, "build", "load_seconds") as? Double ?? -1) >= 0)
        #expect((Self.object(synthetic, "classes", "series", "mismatches") as? [Any])?.isEmpty == true, "\(synthetic ?? "")")
    }
}
