import DICOM
import DICOMNetwork
import Foundation
import Synchronization

/// What the receiving end of a retrieve saw: SOP Instance UIDs and data set bytes.
final class ReceivedObjects: Sendable {
    private struct State { var uids: [String] = []; var bytes = 0; var error: String?; var done = false }
    private let state = Mutex(State())

    func add(_ uid: String, bytes: Int) { state.withLock { $0.uids.append(uid); $0.bytes += bytes } }
    func fail(_ text: String) { state.withLock { $0.error = $0.error ?? text } }
    func finish() { state.withLock { $0.done = true } }
    var uids: [String] { state.withLock { $0.uids } }
    var bytes: Int { state.withLock { $0.bytes } }
    var error: String? { state.withLock { $0.error } }
    var isDone: Bool { state.withLock { $0.done } }
}

/// Answers one C-STORE-RQ already received on `association`: reads (and drops) the
/// data set, counting its bytes, and answers success.
func answerStore(_ rq: CStoreRQ, context: UInt8, on association: Association, into received: ReceivedObjects) throws {
    var bytes = 0
    try association.receiveDataSet { bytes += $0.count }
    received.add(rq.affectedSOPInstanceUID, bytes: bytes)
    try association.send(CStoreRSP(messageIDBeingRespondedTo: rq.messageID, affectedSOPClassUID: rq.affectedSOPClassUID,
                                   affectedSOPInstanceUID: rq.affectedSOPInstanceUID, status: .success),
                         presentationContextID: context)
}

/// The C-MOVE destination: accepts associations on `port` (every proposed context,
/// an uncompressed syntax preferred) and answers their C-STOREs until stopped.
final class MoveDestination: Sendable {
    let listener: TCPListener
    let received = ReceivedObjects()

    init(port: UInt16) throws { listener = try TCPListener(port: port) }

    func start() {
        let thread = Thread { [self] in
            while !received.isDone {
                do {
                    guard let connection = try listener.accept(timeout: .milliseconds(200)) else { continue }
                    serve(connection)
                } catch {
                    if !received.isDone { received.fail("accept: \(error)") }
                    return
                }
            }
        }
        thread.start()
    }

    func stop() { received.finish(); listener.close() }

    private func serve(_ connection: TCPConnection) {
        let configuration = AssociationConfiguration(
            implementationClassUID: QuarryIdentity.implementationClassUID, implementationVersionName: "QUARRYBENCH",
            maximumPDULength: 65536, acseTimeout: .seconds(30), dimseTimeout: .seconds(120))
        do {
            let outcome = try AssociationAcceptor(configuration: configuration).negotiate(connection) { request in
                .accept(request.presentationContexts.map { p in
                    let syntax = BenchUID.uncompressed.first { p.transferSyntaxes.contains($0) } ?? p.transferSyntaxes.first ?? ""
                    return .accept(p.id, transferSyntax: syntax)
                })
            }
            guard case .established(let association) = outcome else { return }
            while case .command(let c) = try association.receive() {
                switch c.message {
                case .cStoreRQ(let rq): try answerStore(rq, context: c.presentationContextID, on: association, into: received)
                case .cEchoRQ(let rq):
                    try association.send(CEchoRSP(messageIDBeingRespondedTo: rq.messageID,
                                                  affectedSOPClassUID: rq.affectedSOPClassUID, status: .success),
                                         presentationContextID: c.presentationContextID)
                default:
                    received.fail("unexpected \(c.message.commandField) at the move destination")
                    association.abort()
                    return
                }
            }
        } catch {
            received.fail("move destination: \(error)")
        }
    }
}
