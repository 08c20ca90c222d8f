/// Storing test data with DCMTK's own storescu (spec Appendix B step 3).
extension QRServerUnderTest {
    /// Sends every file in `paths` (folders are scanned, `+sd`) in one
    /// association with `/usr/bin/storescu`. storescu halts at the first
    /// unsuccessful C-STORE and then exits non-zero (measured: status 167
    /// for a 0xA700), so a zero exit means every file was stored.
    package func store(_ paths: [String], callingAE: String = "VIEWER1", calledAE: String = "STORE",
                       timeout: Double = 120) throws {
        let arguments = ["TCP_NODELAY=1", TestEnvironment.dcmtk("storescu"), "-aet", callingAE, "-aec", calledAE,
                         "-to", "20", "-ta", "20", "-td", "20", "+sd", "127.0.0.1", String(port)] + paths
        let result = try runProcess("/usr/bin/env", arguments, timeout: timeout)
        guard result.status == 0, !result.timedOut else {
            throw StoreFailure(kind: kind, arguments: Array(arguments.dropFirst()), result: result, serverLog: log)
        }
    }
}

package struct StoreFailure: Error, CustomStringConvertible {
    package var kind: QRServerUnderTest.Kind
    package var arguments: [String]
    package var result: ProcessResult
    package var serverLog: String
    package var description: String {
        let what = result.timedOut ? "timed out" : "exited with status \(result.status)"
        return "storescu to \(kind) \(what): \(arguments.prefix(12).joined(separator: " ")) …\n"
            + "  storescu output:\n\(indented(result.output))\n  server log (tail):\n\(indented(serverLog))"
    }
}

/// The last `lines` lines of `text`, each indented by four spaces.
package func indented(_ text: String, lines: Int = 30) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).map { "    " + $0 }
        .joined(separator: "\n")
}
