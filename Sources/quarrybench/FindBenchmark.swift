import DICOM
import DICOMNetwork
import Foundation

/// C-FIND latency: classes of Study Root queries, each repeated in one association
/// until `--seconds` have passed (at least `--min-repeats`, at most
/// `--max-repeats` times), cycling through the class's queries. One untimed
/// query per class first (warm-up), then the timed ones; `--echoes` C-ECHO round
/// trips on the same association give the client's and loopback's floor.
struct FindBenchmark {
    struct QueryClass {
        var name: String
        var level: String
        var queries: [(keys: [(Tag, VR, String)], expected: Int?)]
    }

    let arguments: BenchArguments
    let classes: [QueryClass]

    init(_ arguments: BenchArguments) throws {
        self.arguments = arguments
        classes = try Self.load(try arguments.string("queries"))
    }

    /// `{"classes": [{"name", "level", "queries": [{"keys": [["00100010", "PN", "DOE*"]], "expected": 3}]}]}`
    static func load(_ path: String) throws -> [QueryClass] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["classes"] as? [[String: Any]] else { throw BenchFailure("\(path): no \"classes\"") }
        return try list.map { c in
            guard let name = c["name"] as? String, let level = c["level"] as? String,
                  let queries = c["queries"] as? [[String: Any]], !queries.isEmpty else {
                throw BenchFailure("\(path): a class needs name, level and queries")
            }
            return QueryClass(name: name, level: level, queries: try queries.map { q in
                guard let keys = q["keys"] as? [[String]] else { throw BenchFailure("\(path): a query needs keys") }
                return (try keys.map(Self.key), q["expected"] as? Int)
            })
        }
    }

    static func key(_ k: [String]) throws -> (Tag, VR, String) {
        guard k.count == 3, k[0].count == 8, let raw = UInt32(k[0], radix: 16), let vr = VR(rawValue: k[1]) else {
            throw BenchFailure("bad key \(k)")
        }
        return (Tag(raw: raw), vr, k[2])
    }

    func run() throws -> [String: Any] {
        let seconds = try arguments.double("seconds", default: 3)
        let minRepeats = try arguments.int("min-repeats", default: 5)
        let maxRepeats = try arguments.int("max-repeats", default: 500)
        let client = try BenchClient(arguments, contexts: BenchClient.queryContexts(BenchUID.studyRootFind))
        defer { client.release() }
        var echoes: [Double] = []
        for _ in 0..<(try arguments.int("echoes", default: 200)) { echoes.append(try client.echo() * 1000) }
        var results: [[String: Any]] = []
        for c in classes {
            let identifiers = c.queries.map { DataSet(level: c.level, keys: $0.keys) }
            _ = try client.find(identifiers[0])
            var latencies: [Double] = [], matches: [Int] = []
            var mismatches: [[String: Any]] = [], failures: [String] = []
            let start = now()
            var i = 0
            while latencies.count < maxRepeats && (latencies.count < minRepeats || now() - start < seconds) {
                let q = i % identifiers.count
                let t0 = now()
                let (count, status) = try client.find(identifiers[q])
                latencies.append((now() - t0) * 1000)
                matches.append(count)
                if status != .success { failures.append(String(status.rawValue, radix: 16)) }
                if let expected = c.queries[q].expected, expected != count, mismatches.count < 5 {
                    mismatches.append(["query": q, "expected": expected, "matches": count])
                }
                i += 1
            }
            results.append(["name": c.name, "level": c.level, "latencies_ms": latencies, "matches": matches,
                            "mismatches": mismatches, "failures": failures])
        }
        return ["echo_ms": echoes, "classes": results]
    }
}

/// C-ECHO round trips in one association (also the bench's "is it up yet" probe).
func echoes(_ arguments: BenchArguments) throws -> [String: Any] {
    let client = try BenchClient(arguments, contexts: [
        ProposedPresentationContext(abstractSyntax: BenchUID.verification, transferSyntaxes: BenchUID.uncompressed)])
    defer { client.release() }
    var latencies: [Double] = []
    for _ in 0..<(try arguments.int("count", default: 1)) { latencies.append(try client.echo() * 1000) }
    return ["echo_ms": latencies]
}

/// Every SOP Instance UID the target holds: one IMAGE-level Study Root C-FIND with
/// universal Study, Series and SOP Instance UIDs (what the bench verifies stores by).
struct InstanceLister {
    let arguments: BenchArguments
    init(_ arguments: BenchArguments) { self.arguments = arguments }

    func run() throws -> [String: Any] {
        let client = try BenchClient(arguments, contexts: BenchClient.queryContexts(BenchUID.studyRootFind))
        defer { client.release() }
        var uids: [String] = []
        let identifier = DataSet(level: "IMAGE", keys: [
            (Tag(0x0020, 0x000D), .UI, ""), (Tag(0x0020, 0x000E), .UI, ""), (Tag(0x0008, 0x0018), .UI, "")])
        let start = now()
        let (_, status) = try client.find(identifier) { uids.append($0.string(Tag(0x0008, 0x0018)) ?? "") }
        let seconds = now() - start
        if let out = arguments.optional("out") {
            try Data((uids.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: out))
        }
        return ["count": uids.count, "distinct": Set(uids).count, "status": Int(status.rawValue), "seconds": seconds]
    }
}
