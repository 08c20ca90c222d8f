import Foundation
import QuarryTestSupport

/// Runs one test of this very test binary in a process of its own, for what
/// a shared test process cannot show: a crash (the child kills itself with
/// SIGKILL at a chosen step) and the peak memory of one store (VmHWM is
/// per process, and other tests run in parallel with ours).
///
/// The child's entry points are tests enabled only when `variable` is set
/// (`ArchiveChildEntryPoints`); they report through the file named by `output`.
enum ChildProcess {
    static let variable = "QUARRY_ARCHIVE_TEST_CHILD"

    /// The task this process was started for; nil in a normal test run.
    static var task: String? { ProcessInfo.processInfo.environment[variable] }

    static func setting(_ name: String) -> String { ProcessInfo.processInfo.environment["QUARRY_CHILD_" + name] ?? "" }

    /// Runs `entry` (a test function name of `ArchiveChildEntryPoints`) with `task` and `settings`
    /// (seen by the child as `setting(name)`); returns what the child wrote to its output file.
    static func run(entry: String, task: String, settings: [String: String], in folder: TemporaryDirectory,
                    timeout: Double = 120) throws -> (result: ProcessResult, output: String) {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let outputPath = folder.file("child-\(UUID().uuidString.prefix(8)).out").path
        var environment = ProcessInfo.processInfo.environment
        environment[variable] = task
        environment["QUARRY_CHILD_OUTPUT"] = outputPath
        for (name, value) in settings { environment["QUARRY_CHILD_" + name] = value }
        let result = try runProcess(executable, ["--testing-library", "swift-testing",
                                                 "--filter", "ArchiveChildEntryPoints/\(entry)"],
                                    environment: environment, timeout: timeout)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (result, output)
    }

    /// Appends a line to the parent's output file (in the child), synced so a
    /// SIGKILL right after cannot lose it.
    static func report(_ line: String) {
        let path = setting("OUTPUT")
        guard !path.isEmpty, let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { return }
        handle.seekToEndOfFile()
        handle.write(Data((line + "\n").utf8))
        try? handle.synchronize()
        try? handle.close()
    }

    /// The peak resident set size of this process so far (VmHWM, /proc/self/status), in KiB.
    static func peakResidentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? -1
        }
        return -1
    }
}
