import Archive
import DICOM
import DICOMNetwork
import Foundation

/// One response of a C-FIND, C-MOVE or C-GET as a test reads it.
struct QRResponse: Sendable {
    var status: Status
    var remaining: UInt16?
    var completed: UInt16?
    var failed: UInt16?
    var warning: UInt16?
    var errorComment: String?
    var identifier: DataSet?

    var counters: [Int?] { [remaining, completed, failed, warning].map { $0.map(Int.init) } }
    var failedUIDs: [String] {
        (identifier?.string(Tag(0x0008, 0x0058)) ?? "").split(separator: "\\").map(String.init)
    }
}

/// A Q/R SCU in this process: proposes FIND/MOVE/GET of every model and, for C-GET,
/// storage contexts with the SCP role.
final class TestClient {
    let association: Association
    static let explicitLittle = "1.2.840.10008.1.2.1", implicitLittle = "1.2.840.10008.1.2"
    static let explicitBig = "1.2.840.10008.1.2.2"

    init(port: UInt16, calledAE: String = "STORE", callingAE: String = "VIEWER1",
         storageClasses: [String] = [TestArchive.ct, TestArchive.mr],
         getTransferSyntaxes: [String] = [explicitLittle, implicitLittle]) throws {
        var contexts = QueryRetrieveInformationModel.all.map {
            ProposedPresentationContext(abstractSyntax: $0.sopClassUID, transferSyntaxes: [Self.explicitLittle, Self.implicitLittle])
        }
        contexts += storageClasses.map {
            ProposedPresentationContext(abstractSyntax: $0, transferSyntaxes: getTransferSyntaxes, roles: .scpOnly)
        }
        association = try AssociationRequestor(callingAETitle: callingAE, configuration: testConfiguration())
            .request(calledAETitle: calledAE, host: "127.0.0.1", port: port, presentationContexts: contexts)
    }

    func release() throws { try association.release() }

    private func context(_ model: QueryRetrieveInformationModel) -> UInt8 {
        association.acceptedPresentationContext(abstractSyntax: model.sopClassUID)?.id ?? 0
    }

    /// Sends a C-FIND and collects its responses; C-CANCEL after `cancelAfter` pending ones.
    func find(_ root: QueryRetrieveInformationModel.Root, _ identifier: DataSet, cancelAfter: Int? = nil) throws -> [QRResponse] {
        let model = QueryRetrieveInformationModel(root: root, service: .find)
        let id = association.nextMessageID()
        try association.send(CFindRQ(messageID: id, affectedSOPClassUID: model.sopClassUID),
                             presentationContextID: context(model),
                             dataSet: try identifier.encoded(transferSyntax: .explicitVRLittleEndian))
        return try collect(id, model: model, cancelAfter: cancelAfter) { _ in }
    }

    func move(_ root: QueryRetrieveInformationModel.Root, to destination: String, _ identifier: DataSet,
              cancelAfter: Int? = nil) throws -> [QRResponse] {
        let model = QueryRetrieveInformationModel(root: root, service: .move)
        let id = association.nextMessageID()
        try association.send(CMoveRQ(messageID: id, affectedSOPClassUID: model.sopClassUID, moveDestination: destination),
                             presentationContextID: context(model),
                             dataSet: try identifier.encoded(transferSyntax: .explicitVRLittleEndian))
        return try collect(id, model: model, cancelAfter: cancelAfter) { _ in }
    }

    /// Sends a C-GET, answers its C-STOREs with `status`, collects responses and objects.
    func get(_ root: QueryRetrieveInformationModel.Root, _ identifier: DataSet, cancelAfter: Int? = nil,
             status: Status = .success) throws -> (responses: [QRResponse], received: [ReceivedObject]) {
        let model = QueryRetrieveInformationModel(root: root, service: .get)
        let id = association.nextMessageID()
        try association.send(CGetRQ(messageID: id, affectedSOPClassUID: model.sopClassUID),
                             presentationContextID: context(model),
                             dataSet: try identifier.encoded(transferSyntax: .explicitVRLittleEndian))
        var received: [ReceivedObject] = []
        let responses = try collect(id, model: model, cancelAfter: cancelAfter) { command in
            guard case .cStoreRQ(let rq) = command.message else { return }
            var bytes: [UInt8] = []
            try self.association.receiveDataSet { bytes += $0 }
            received.append(ReceivedObject(sop: rq.affectedSOPInstanceUID,
                                           transferSyntax: command.presentationContext.transferSyntax ?? "",
                                           originator: rq.moveOriginatorApplicationEntityTitle,
                                           originatorMessageID: rq.moveOriginatorMessageID, bytes: bytes))
            try self.association.send(CStoreRSP(messageIDBeingRespondedTo: rq.messageID, affectedSOPClassUID: rq.affectedSOPClassUID,
                                                affectedSOPInstanceUID: rq.affectedSOPInstanceUID, status: status),
                                      presentationContextID: command.presentationContextID)
        }
        return (responses, received)
    }

    private func collect(_ id: UInt16, model: QueryRetrieveInformationModel, cancelAfter: Int?,
                         other: (IncomingCommand) throws -> Void) throws -> [QRResponse] {
        var responses: [QRResponse] = []
        var cancelled = false
        while true {
            guard case .command(let command) = try association.receive() else { throw AssociationError.peerReleased }
            var response: QRResponse
            switch command.message {
            case .cFindRSP(let r):
                response = QRResponse(status: r.status, errorComment: r.errorComment)
            case .cMoveRSP(let r):
                response = QRResponse(status: r.status, remaining: r.numberOfRemainingSuboperations,
                                      completed: r.numberOfCompletedSuboperations, failed: r.numberOfFailedSuboperations,
                                      warning: r.numberOfWarningSuboperations, errorComment: r.errorComment)
            case .cGetRSP(let r):
                response = QRResponse(status: r.status, remaining: r.numberOfRemainingSuboperations,
                                      completed: r.numberOfCompletedSuboperations, failed: r.numberOfFailedSuboperations,
                                      warning: r.numberOfWarningSuboperations, errorComment: r.errorComment)
            default:
                try other(command)
                continue
            }
            if command.hasDataSet {
                response.identifier = try DataSet(decoding: try association.receiveDataSet(),
                                                  transferSyntax: TransferSyntax(uid: command.presentationContext.transferSyntax ?? "")
                                                      ?? .explicitVRLittleEndian)
            }
            responses.append(response)
            if !response.status.isPending { return responses }
            if let cancelAfter, !cancelled, responses.count >= cancelAfter {
                try association.send(CCancelRQ(messageIDBeingRespondedTo: id), presentationContextID: context(model))
                cancelled = true
            }
        }
    }
}

/// An identifier from `Keyword=value` pairs (value "" for a zero-length key).
func identifier(_ level: String, _ keys: [String: String] = [:]) -> DataSet {
    var ds = DataSet()
    ds.setString(.queryRetrieveLevel, .CS, level)
    for (keyword, value) in keys {
        guard let entry = DataDictionary.entry(forKeyword: keyword) else { continue }
        ds.setString(entry.tag, entry.vr, value)
    }
    return ds
}
