import Foundation

/// The Python helpers of the interop tests (`Tests/InteropTests/Scripts/`)
/// and the spec's probes (`../shared/spec/probes/`), run with the project's
/// virtual environment (`TestEnvironment.python`).
package enum InteropScripts {
    package static var directory: URL {
        TestEnvironment.repositoryRoot.appendingPathComponent("Tests/InteropTests/Scripts")
    }

    package static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A probe of the spec (`make_fixture_data.py`, `find.py`, `move.py`, `dest.py`…).
    package static func probe(_ name: String) -> String {
        TestEnvironment.specDirectory.appendingPathComponent("probes/\(name)").path
    }

    /// Runs a script file with the project's Python; throws `ScriptFailure`
    /// unless it exits 0 within `timeout` seconds.
    @discardableResult
    package static func run(_ script: String, _ arguments: [String], timeout: Double = 120) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: TestEnvironment.python) else {
            throw ScriptFailure(script: script, detail: "no Python at \(TestEnvironment.python) (make test-deps)")
        }
        let result = try runProcess(TestEnvironment.python, [script] + arguments, timeout: timeout)
        guard result.status == 0, !result.timedOut else {
            let what = result.timedOut ? "timed out" : "exited with status \(result.status)"
            throw ScriptFailure(script: script, detail: "\(what)\n\(indented(result.output))")
        }
        return result.stdout
    }
}

package struct ScriptFailure: Error, CustomStringConvertible {
    package var script: String
    package var detail: String
    package init(script: String, detail: String) { (self.script, self.detail) = (script, detail) }
    package var description: String { "\(script): \(detail)" }
}
