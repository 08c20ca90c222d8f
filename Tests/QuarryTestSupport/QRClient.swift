import Foundation

/// The Query/Retrieve information models (PS3.4 C.6): Patient Root, Study
/// Root, Patient/Study Only — `P`, `S`, `O` as findscu's `-P`/`-S`/`-O`.
package enum QRInformationModel: String, Codable, Sendable, CaseIterable {
    case patientRoot = "P", studyRoot = "S", patientStudyOnly = "O"
}

/// One C-FIND, C-MOVE or C-GET of a batch (PS3.4 C.4). Keys are keywords or
/// `(gggg,eeee)`; a nil value leaves the key out of the identifier.
package struct QROperation: Encodable, Sendable, Hashable {
    package enum Service: String, Encodable, Sendable { case find, move, get }
    package var op: Service
    package var model: QRInformationModel
    package var keys: [String: String?]
    /// (0008,0005) of the identifier; the values are encoded in it.
    package var charset: String?
    /// C-MOVE's Move Destination.
    package var destination: String?
    /// Sends a C-CANCEL-RQ after this many responses.
    package var cancelAfter: Int?

    package static func find(_ model: QRInformationModel, _ keys: [String: String?], charset: String? = nil,
                             cancelAfter: Int? = nil) -> QROperation {
        QROperation(op: .find, model: model, keys: keys, charset: charset, cancelAfter: cancelAfter)
    }
    package static func move(_ model: QRInformationModel, to destination: String, _ keys: [String: String?],
                             cancelAfter: Int? = nil) -> QROperation {
        QROperation(op: .move, model: model, keys: keys, destination: destination, cancelAfter: cancelAfter)
    }
    package static func get(_ model: QRInformationModel, _ keys: [String: String?],
                            cancelAfter: Int? = nil) -> QROperation {
        QROperation(op: .get, model: model, keys: keys, cancelAfter: cancelAfter)
    }
}

/// One response of a C-FIND/C-MOVE/C-GET: its status, identifier (values
/// decoded, multi-values joined with `\`) and sub-operation counters.
package struct QRResponse: Decodable, Sendable, Hashable {
    package var status: UInt16
    package var identifier: [String: String]?
    package var errorComment: String?
    package var remaining: Int?
    package var completed: Int?
    package var failed: Int?
    package var warning: Int?
    package var isPending: Bool { status == 0xFF00 || status == 0xFF01 }

    package init(status: UInt16, identifier: [String: String]? = nil, errorComment: String? = nil,
                 remaining: Int? = nil, completed: Int? = nil, failed: Int? = nil, warning: Int? = nil) {
        (self.status, self.identifier, self.errorComment) = (status, identifier, errorComment)
        (self.remaining, self.completed, self.failed, self.warning) = (remaining, completed, failed, warning)
    }
}

/// What one operation of a batch gave.
package struct QROperationResult: Decodable, Sendable, Hashable {
    package var responses: [QRResponse]
    /// The first non-pending status; nil when none came (see `error`).
    package var finalStatus: UInt16?
    /// Why the operation did not complete (no accepted context, timeout, abort).
    package var error: String?
    /// SOP Instance UIDs received by C-GET, in order.
    package var received: [String]
    /// The transfer syntax of each C-GET C-STORE, in the same order.
    package var receivedTransferSyntaxes: [String]
    package var pending: [QRResponse] { responses.filter(\.isPending) }

    package init(responses: [QRResponse], finalStatus: UInt16?, error: String? = nil, received: [String] = [],
                 receivedTransferSyntaxes: [String] = []) {
        (self.responses, self.finalStatus, self.error) = (responses, finalStatus, error)
        (self.received, self.receivedTransferSyntaxes) = (received, receivedTransferSyntaxes)
    }
}

/// What a batch gave: the association's fate and one result per operation
/// (fewer when the association ended early).
package struct QRBatchOutcome: Decodable, Sendable {
    package struct Rejection: Decodable, Sendable, Hashable { package var result, source, reason: Int }
    package var association: String
    package var reject: Rejection?
    package var acceptedContexts: [String]?
    package var results: [QROperationResult]
    package var error: String?
    package var isEstablished: Bool { association == "established" }
}

/// Runs batches of Q/R operations through `Tests/InteropTests/Scripts/qr_client.py`
/// (pynetdicom, one association per batch, every network wait bounded by `timeout`).
package struct QRClient: Sendable {
    package var host = "127.0.0.1"
    package var port: UInt16
    package var callingAE: String
    package var calledAE: String
    package var timeout: Double
    /// SOP classes offered in the SCP role when a batch holds a C-GET (nil: CT, MR, SC and a few more).
    package var getStorageClasses: [String]?
    /// The transfer syntaxes offered with them (nil: explicit LE, implicit LE, explicit BE).
    package var getTransferSyntaxes: [String]?

    package init(port: UInt16, callingAE: String = "VIEWER1", calledAE: String = "STORE", timeout: Double = 20,
                 getStorageClasses: [String]? = nil) {
        (self.port, self.callingAE, self.calledAE, self.timeout) = (port, callingAE, calledAE, timeout)
        self.getStorageClasses = getStorageClasses
    }

    private struct Batch: Encodable {
        var host: String, port: UInt16, callingAE: String, calledAE: String, timeout: Double
        var getStorageClasses: [String]?
        var getTransferSyntaxes: [String]?
        var operations: [QROperation]
    }

    /// Runs `operations` in one association. Throws `QRClientFailure` when
    /// the script itself fails; a rejected or aborted association is an outcome.
    package func run(_ operations: [QROperation]) throws -> QRBatchOutcome {
        let batch = Batch(host: host, port: port, callingAE: callingAE, calledAE: calledAE, timeout: timeout,
                          getStorageClasses: getStorageClasses, getTransferSyntaxes: getTransferSyntaxes,
                          operations: operations)
        let input = try JSONEncoder().encode(batch)
        let script = InteropScripts.path("qr_client.py")
        // Each operation may wait `timeout` per response; the association one more.
        let limit = timeout * 3 + 30 + Double(operations.count) * 5
        let result = try runProcess(TestEnvironment.python, [script], stdin: input, timeout: limit)
        guard result.status == 0, !result.timedOut,
              let outcome = try? JSONDecoder().decode(QRBatchOutcome.self, from: Data(result.stdout.utf8)) else {
            throw QRClientFailure(script: script, result: result)
        }
        return outcome
    }

    /// Runs `operations` and insists on an established association with one
    /// result per operation; otherwise throws a readable `QRAssociationFailure`.
    package func results(_ operations: [QROperation], server: String = "server") throws -> [QROperationResult] {
        let outcome = try run(operations)
        guard outcome.isEstablished, outcome.results.count == operations.count else {
            throw QRAssociationFailure(server: server, calledAE: calledAE, port: port, outcome: outcome,
                                       expected: operations.count)
        }
        return outcome.results
    }
}

package struct QRClientFailure: Error, CustomStringConvertible {
    package var script: String
    package var result: ProcessResult
    package var description: String {
        let what = result.timedOut ? "timed out" : "exited with status \(result.status)"
        return "\(script) \(what)\n  stdout:\n\(indented(result.stdout))\n  stderr:\n\(indented(result.stderr))"
    }
}

package struct QRAssociationFailure: Error, CustomStringConvertible {
    package var server: String
    package var calledAE: String
    package var port: UInt16
    package var outcome: QRBatchOutcome
    package var expected: Int
    package var description: String {
        var text = "association to \(server) (\(calledAE) on port \(port)): \(outcome.association)"
        if let reject = outcome.reject {
            text += " — A-ASSOCIATE-RJ (result \(reject.result), source \(reject.source), reason \(reject.reason))"
        }
        if let error = outcome.error { text += " — \(error)" }
        if outcome.isEstablished {
            text += " — \(outcome.results.count) of \(expected) operations answered"
            if let last = outcome.results.last, let error = last.error { text += "; last: \(error)" }
        }
        return text
    }
}
