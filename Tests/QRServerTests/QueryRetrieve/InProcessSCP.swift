import Archive
import DICOM
import DICOMNetwork
import Foundation
@testable import QRServer
import QuarryTestSupport
import Synchronization

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

    func value(within seconds: Double = 30) throws -> T {
        guard done.wait(timeout: .now() + seconds) == .success else { throw TestTimeout() }
        done.signal()
        guard let r = result.withLock({ $0 }) else { throw TestTimeout() }
        return try r.get()
    }
}

struct TestTimeout: Error {}

/// Collects log lines.
final class OperationLog: Sendable {
    private let lines = Mutex<[String]>([])
    var log: Log { Log(threshold: .debug) { [self] _, text in lines.withLock { $0.append(text) } } }
    var text: String { lines.withLock { $0.joined() } }
}

func testConfiguration(maximumPDULength: UInt32 = 16384) -> AssociationConfiguration {
    AssociationConfiguration(implementationClassUID: QuarryIdentity.implementationClassUID,
                             implementationVersionName: "QUARRY_TEST", maximumPDULength: maximumPDULength,
                             acseTimeout: .seconds(10), dimseTimeout: .seconds(20), connectTimeout: .seconds(5))
}

/// Accepts every proposed context whose abstract syntax passes `accepts`, with the first
/// of `preference` that was proposed, echoing proposed roles.
func acceptingPolicy(_ accepts: @escaping @Sendable (String) -> Bool = { _ in true },
                     preference: [String] = ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2"])
    -> @Sendable (AssociationRequest) -> AssociationDecision {
    { request in
        .accept(request.presentationContexts.map { pc in
            guard accepts(pc.abstractSyntax) else { return .reject(pc.id, .abstractSyntaxNotSupported) }
            guard let ts = PresentationContextNegotiation.selectTransferSyntax(proposed: pc.transferSyntaxes,
                                                                              preference: preference) else {
                return .reject(pc.id, .transferSyntaxesNotSupported)
            }
            return .accept(pc.id, transferSyntax: ts, roles: request.proposedRoles(for: pc.abstractSyntax))
        })
    }
}

/// A Q/R SCP in this process: accepts one association on `listener` and answers
/// C-FIND, C-MOVE and C-GET with the operations under test, until release.
func serveQueryRetrieve(_ listener: TCPListener, archive: TestArchive, configuration: Configuration,
                        options: ServerOptions = ServerOptions(), outgoingProfile: AssociationProfile? = nil,
                        log: Log) -> Background<Void> {
    Background {
        guard let connection = try listener.accept(timeout: .seconds(20)) else { throw TestTimeout() }
        guard case .established(let association) = try AssociationAcceptor(configuration: testConfiguration())
            .negotiate(connection, policy: acceptingPolicy()) else { return }
        while true {
            guard case .command(let command) = try association.receive() else { return }
            let environment = QueryRetrieveEnvironment(
                association: association, presentationContext: command.presentationContext, index: archive.index,
                storage: archive.storage, configuration: configuration, options: options, log: log, peerHost: "localhost",
                outgoingProfile: outgoingProfile)
            switch command.message {
            case .cFindRQ(let rq): try FindOperation(environment: environment, request: rq, command: command).run()
            case .cMoveRQ(let rq): try MoveOperation(environment: environment, request: rq, command: command).run()
            case .cGetRQ(let rq): try GetOperation(environment: environment, request: rq, command: command).run()
            case .cCancelRQ: log.info("dispatch: late C-CANCEL-RQ, ignoring")
            default: return
            }
        }
    }
}

/// What a store destination received: SOP Instance UID, transfer syntax, Move Originator AE, bytes.
struct ReceivedObject: Sendable {
    var sop: String
    var transferSyntax: String
    var originator: String?
    var originatorMessageID: UInt16?
    var bytes: [UInt8]
}

final class ReceivedObjects: Sendable {
    private let items = Mutex<[ReceivedObject]>([])
    func append(_ item: ReceivedObject) { items.withLock { $0.append(item) } }
    var all: [ReceivedObject] { items.withLock { $0 } }
}

/// A C-STORE SCP in this process (a move destination): serves `associations`
/// associations one after the other, records what arrived, answers `status`.
final class StoreDestination: Sendable {
    let listener: TCPListener
    let received = ReceivedObjects()
    private let thread: Background<Void>

    init(associations: Int = 1, accepts: @escaping @Sendable (String) -> Bool = { _ in true },
         preference: [String] = ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2"],
         status: @escaping @Sendable (String) -> Status = { _ in .success }, delay: Double = 0) throws {
        let listener = try TCPListener(port: 0)
        self.listener = listener
        let received = received
        thread = Background {
            for _ in 0..<associations {
                guard let connection = try listener.accept(timeout: .seconds(20)) else { throw TestTimeout() }
                guard case .established(let association) = try AssociationAcceptor(configuration: testConfiguration())
                    .negotiate(connection, policy: acceptingPolicy(accepts, preference: preference)) else { continue }
                while true {
                    guard case .command(let command) = try association.receive() else { break }
                    guard case .cStoreRQ(let rq) = command.message else { break }
                    var bytes: [UInt8] = []
                    try association.receiveDataSet { bytes += $0 }
                    if delay > 0 { Thread.sleep(forTimeInterval: delay) }
                    received.append(ReceivedObject(sop: rq.affectedSOPInstanceUID,
                                                   transferSyntax: command.presentationContext.transferSyntax ?? "",
                                                   originator: rq.moveOriginatorApplicationEntityTitle,
                                                   originatorMessageID: rq.moveOriginatorMessageID, bytes: bytes))
                    try association.send(CStoreRSP(messageIDBeingRespondedTo: rq.messageID,
                                                   affectedSOPClassUID: rq.affectedSOPClassUID,
                                                   affectedSOPInstanceUID: rq.affectedSOPInstanceUID,
                                                   status: status(rq.affectedSOPClassUID)),
                                         presentationContextID: command.presentationContextID)
                }
            }
        }
    }

    var port: UInt16 { listener.port }
    var sopInstanceUIDs: [String] { received.all.map(\.sop) }

    func wait() throws { try thread.value() }
}
