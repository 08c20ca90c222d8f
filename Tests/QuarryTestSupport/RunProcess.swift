import Foundation

/// What a finished process left behind.
package struct ProcessResult: Sendable {
    package var status: Int32
    package var stdout: String
    package var stderr: String
    /// True when the process was killed for running past its time limit.
    package var timedOut: Bool
    package var output: String { stdout + stderr }
}

/// Runs a program to completion (at most `timeout` seconds), collecting its output.
package func runProcess(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                        environment: [String: String]? = nil, currentDirectory: String? = nil,
                        timeout: Double = 120) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    let outData = LockedData(), errData = LockedData()
    out.fileHandleForReading.readabilityHandler = { h in outData.append(h.availableData) }
    err.fileHandleForReading.readabilityHandler = { h in errData.append(h.availableData) }
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try? input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
        if Date() > deadline { timedOut = true; process.terminate(); break }
        Thread.sleep(forTimeInterval: 0.01)
    }
    process.waitUntilExit()
    out.fileHandleForReading.readabilityHandler = nil
    err.fileHandleForReading.readabilityHandler = nil
    outData.append(out.fileHandleForReading.readDataToEndOfFile())
    errData.append(err.fileHandleForReading.readDataToEndOfFile())
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData.value, as: UTF8.self),
                         stderr: String(decoding: errData.value, as: UTF8.self), timedOut: timedOut)
}

/// Runs a Python snippet with the project's virtual environment (pydicom, pynetdicom).
package func runPython(_ script: String, _ arguments: [String] = [], timeout: Double = 120) throws -> ProcessResult {
    try runProcess(TestEnvironment.python, ["-c", script] + arguments, timeout: timeout)
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
