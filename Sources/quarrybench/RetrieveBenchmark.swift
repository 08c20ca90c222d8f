import DICOM
import DICOMNetwork
import Foundation

/// C-MOVE or C-GET of one whole study (Study Root, STUDY level): seconds from the
/// request to the final response, objects and bytes received, and the received
/// SOP Instance UIDs checked against `--expect` (one UID a line).
struct RetrieveBenchmark {
    enum Operation { case move, get }

    let arguments: BenchArguments
    let operation: Operation

    init(_ arguments: BenchArguments, operation: Operation) { (self.arguments, self.operation) = (arguments, operation) }

    func run() throws -> [String: Any] {
        let study = try arguments.string("study")
        let identifier = DataSet(level: "STUDY", keys: [(Tag(0x0020, 0x000D), .UI, study)])
        var result: [String: Any]
        let received: ReceivedObjects
        switch operation {
        case .move:
            let destination = try MoveDestination(port: UInt16(try arguments.int("dest-port", default: 0)))
            destination.start()
            defer { destination.stop() }
            received = destination.received
            result = try move(identifier, destination: destination)
        case .get:
            received = ReceivedObjects()
            result = try get(identifier, received: received)
        }
        let uids = received.uids
        result["received"] = uids.count
        result["bytes"] = received.bytes
        if let error = received.error { result["receiver_error"] = error }
        if let path = arguments.optional("expect") {
            let expected = Set(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init))
            let got = Set(uids)
            result["expected"] = expected.count
            result["missing"] = expected.subtracting(got).count
            result["unexpected"] = got.subtracting(expected).count
            result["duplicates"] = uids.count - got.count
        }
        return result
    }

    private func move(_ identifier: DataSet, destination: MoveDestination) throws -> [String: Any] {
        let client = try BenchClient(arguments, contexts: BenchClient.queryContexts(BenchUID.studyRootMove))
        defer { client.release() }
        let association = client.association
        let (id, syntax) = try client.context(BenchUID.studyRootMove)
        let start = now()
        try association.send(CMoveRQ(messageID: association.nextMessageID(), affectedSOPClassUID: BenchUID.studyRootMove,
                                     moveDestination: try arguments.string("dest-aet")),
                             presentationContextID: id, dataSet: try identifier.encoded(transferSyntax: syntax))
        var last: CMoveRSP?
        while true {
            guard case .command(let c) = try association.receive(), case .cMoveRSP(let rsp) = c.message else {
                throw BenchFailure("expected a C-MOVE-RSP")
            }
            if c.hasDataSet { try association.skipDataSet() }
            last = rsp
            if rsp.status.rawValue != 0xFF00 { break }
        }
        let seconds = now() - start
        // The sub-association may still be closing: wait briefly for its last store.
        let deadline = now() + 5
        while destination.received.uids.count < Int(last?.numberOfCompletedSuboperations ?? 0), now() < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
        return summary(last, seconds: seconds)
    }

    private func get(_ identifier: DataSet, received: ReceivedObjects) throws -> [String: Any] {
        var contexts = BenchClient.queryContexts(BenchUID.studyRootGet)
        for uid in BenchUID.storageClasses {
            contexts.append(ProposedPresentationContext(abstractSyntax: uid, transferSyntaxes: BenchUID.uncompressed,
                                                        roles: SCPSCURoles(scu: false, scp: true)))
        }
        let client = try BenchClient(arguments, contexts: contexts)
        defer { client.release() }
        let association = client.association
        let (id, syntax) = try client.context(BenchUID.studyRootGet)
        let start = now()
        try association.send(CGetRQ(messageID: association.nextMessageID(), affectedSOPClassUID: BenchUID.studyRootGet),
                             presentationContextID: id, dataSet: try identifier.encoded(transferSyntax: syntax))
        var last: CGetRSP?
        while true {
            guard case .command(let c) = try association.receive() else { throw BenchFailure("released during C-GET") }
            switch c.message {
            case .cStoreRQ(let rq):
                try answerStore(rq, context: c.presentationContextID, on: association, into: received)
            case .cGetRSP(let rsp):
                if c.hasDataSet { try association.skipDataSet() }
                last = rsp
                if rsp.status.rawValue != 0xFF00 { return summary(last, seconds: now() - start) }
            default:
                throw BenchFailure("unexpected \(c.message.commandField) during C-GET")
            }
        }
    }

    private func summary(_ rsp: (some RetrieveResponse)?, seconds: Double) -> [String: Any] {
        [
            "seconds": seconds,
            "status": Int(rsp?.status.rawValue ?? 0xFFFF),
            "completed": Int(rsp?.numberOfCompletedSuboperations ?? 0),
            "failed": Int(rsp?.numberOfFailedSuboperations ?? 0),
            "warning": Int(rsp?.numberOfWarningSuboperations ?? 0),
        ]
    }
}
