/// The command line of quarrybench: a command, positional HOST PORT, `--name value` options.
struct BenchArguments {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "missing or invalid \(name)" }
    }

    let command: String
    private(set) var positional: [String] = []
    private var options: [String: String] = [:]

    init(_ words: [String]) {
        command = words.first ?? ""
        var i = 1
        while i < words.count {
            let w = words[i]
            if w.hasPrefix("--"), i + 1 < words.count {
                options[String(w.dropFirst(2))] = words[i + 1]
                i += 2
            } else {
                positional.append(w)
                i += 1
            }
        }
    }

    func string(_ name: String) throws -> String {
        guard let v = options[name], !v.isEmpty else { throw Missing(name: "--" + name) }
        return v
    }

    func string(_ name: String, default value: String) -> String { options[name] ?? value }

    func double(_ name: String, default value: Double) throws -> Double {
        guard let text = options[name] else { return value }
        guard let v = Double(text) else { throw Missing(name: "--" + name) }
        return v
    }

    func int(_ name: String, default value: Int) throws -> Int {
        guard let text = options[name] else { return value }
        guard let v = Int(text) else { throw Missing(name: "--" + name) }
        return v
    }

    func optional(_ name: String) -> String? { options[name] }

    var host: String { get throws { guard positional.count >= 1 else { throw Missing(name: "HOST") }; return positional[0] } }
    var port: UInt16 {
        get throws {
            guard positional.count >= 2, let p = UInt16(positional[1]) else { throw Missing(name: "PORT") }
            return p
        }
    }
}
