import DICOM
@testable import DICOMNetwork
import Foundation
import QuarryTestSupport
import Synchronization
import Testing

let verification = "1.2.840.10008.1.1"
let implicitLittleEndian = "1.2.840.10008.1.2"
let explicitLittleEndian = "1.2.840.10008.1.2.1"
let testIdentity = (uid: "1.2.826.0.1.3680043.9.7433.1.1", version: "QUARRY_TEST")

func testConfiguration(maximumPDULength: UInt32 = 16384, acse: Duration = .seconds(5)) -> AssociationConfiguration {
    AssociationConfiguration(implementationClassUID: testIdentity.uid, implementationVersionName: testIdentity.version,
                             maximumPDULength: maximumPDULength, acseTimeout: acse, dimseTimeout: .seconds(10),
                             connectTimeout: .seconds(5))
}

/// Accepts every context whose abstract syntax is in `accepted`, with the first
/// of `preference` proposed; echoes proposed roles.
func acceptingPolicy(_ accepted: Set<String>, preference: [String] = [explicitLittleEndian, implicitLittleEndian])
    -> @Sendable (AssociationRequest) -> AssociationDecision {
    { request in
        .accept(request.presentationContexts.map { pc in
            guard accepted.contains(pc.abstractSyntax) else { return .reject(pc.id, .abstractSyntaxNotSupported) }
            guard let ts = PresentationContextNegotiation.selectTransferSyntax(proposed: pc.transferSyntaxes,
                                                                              preference: preference) else {
                return .reject(pc.id, .transferSyntaxesNotSupported)
            }
            return .accept(pc.id, transferSyntax: ts, roles: request.proposedRoles(for: pc.abstractSyntax))
        })
    }
}

/// Runs `body` on a thread of its own and hands back what it returned (or threw).
final class Background<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            let r = Result { try body() }
            result.withLock { $0 = r }
            done.signal()
        }
        thread.start()
    }

    /// Waits at most `seconds` for the thread.
    func value(within seconds: Double = 20) throws -> T {
        guard done.wait(timeout: .now() + seconds) == .success else { throw TestTimeout() }
        done.signal()
        return try result.withLock { $0 }!.get()
    }
}

struct TestTimeout: Error {}

/// A thread that accepts one connection on `listener` and serves it as an
/// acceptor: C-ECHO answered, C-STORE data sets handed to `store`.
func serveOneAssociation(_ listener: TCPListener, configuration: AssociationConfiguration,
                         policy: @escaping @Sendable (AssociationRequest) -> AssociationDecision,
                         store: @escaping @Sendable (IncomingCommand, [ArraySlice<UInt8>]) -> Status = { _, _ in .success })
    -> Background<[String]> {
    Background {
        guard let connection = try listener.accept(timeout: .seconds(20)) else { throw TestTimeout() }
        var events: [String] = []
        switch try AssociationAcceptor(configuration: configuration).negotiate(connection, policy: policy) {
        case .rejected(_, let rj):
            return ["rejected \(rj.result.rawValue),\(rj.source.rawValue),\(rj.reason.rawValue)"]
        case .established(let association):
            while true {
                let message: IncomingMessage
                do { message = try association.receive() } catch {
                    events.append("error \(error)")
                    return events
                }
                guard case .command(let command) = message else {
                    events.append("released")
                    return events
                }
                switch command.message {
                case .cEchoRQ(let rq):
                    events.append("C-ECHO \(rq.messageID)")
                    try association.send(CEchoRSP(messageIDBeingRespondedTo: rq.messageID),
                                         presentationContextID: command.presentationContextID)
                case .cStoreRQ(let rq):
                    var fragments: [ArraySlice<UInt8>] = []
                    try association.receiveDataSet { fragments.append($0) }
                    events.append("C-STORE \(rq.affectedSOPInstanceUID) \(fragments.count) fragments")
                    let status = store(command, fragments)
                    try association.send(CStoreRSP(messageIDBeingRespondedTo: rq.messageID,
                                                   affectedSOPClassUID: rq.affectedSOPClassUID,
                                                   affectedSOPInstanceUID: rq.affectedSOPInstanceUID, status: status),
                                         presentationContextID: command.presentationContextID)
                default:
                    events.append("other \(command.message.commandField)")
                    association.abort()
                    return events
                }
            }
        }
    }
}
