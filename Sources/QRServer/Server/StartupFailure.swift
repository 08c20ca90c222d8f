/// Why quarryscp does not start: printed as dcmqrscp prints it (spec §1.3),
/// `diagnosticText` raw on standard error (CONFIG Error lines, which `-q`
/// does not hide), then `F: <message>` through the log; the process exits
/// with `status` (10 for start-up failures, 1 for `-xf` problems, as dcmqrscp).
package struct StartupFailure: Error, Equatable, Sendable {
    package var diagnosticText: String
    package var message: String
    package var status: Int32

    package init(_ message: String, status: Int32 = 10, diagnosticText: String = "") {
        (self.message, self.status, self.diagnosticText) = (message, status, diagnosticText)
    }
}
