import Archive
import DICOM
import DICOMNetwork

/// What a proposed abstract syntax is to dcmqrscp.
enum AbstractSyntaxKind: Equatable {
    case verification
    case storage
    case queryRetrieve(QueryRetrieveInformationModel)
    case shutdown
    case other

    init(_ uid: String) {
        if uid == SOPClass.verificationUID {
            self = .verification
        } else if uid == SOPClass.privateShutdownUID {
            self = .shutdown
        } else if let model = QueryRetrieveInformationModel(sopClassUID: uid) {
            self = .queryRetrieve(model)
        } else if SOPClass.isStorage(uid) {
            self = .storage
        } else {
            self = .other
        }
    }
}

/// The presentation contexts' answers and what the policy logged deciding them.
struct ContextNegotiation {
    var answers: [PresentationContextAnswer] = []
    var log: [PolicyEvaluation.LogLine] = []
    var shutdownRequested = false
    var holdsStorageContexts = false
}

extension AssociationPolicy {
    /// Spec §3.4 and §4, in dcmqrscp's order: each context answered; then the
    /// shutdown class; storage contexts refused (user-rejection) on an AE that
    /// is not writable unless the requestor is only SCP for them (a C-GET
    /// receiver); Quarry's rule for write-only AEs; MOVE without FIND;
    /// `--no-parallel-store`.
    func negotiatePresentationContexts(_ request: AssociationRequest, entry: AEEntry,
                                       live: LiveAssociations) -> ContextNegotiation {
        var result = ContextNegotiation()
        result.answers = request.presentationContexts.map { answer(for: $0, request: request) }
        func accepted(_ uid: String) -> Bool {
            zip(request.presentationContexts, result.answers).contains { $0.abstractSyntax == uid && $1.result.isAccepted }
        }
        if accepted(SOPClass.privateShutdownUID) {
            result.shutdownRequested = true
            return result
        }
        if !entry.access.canWrite { refuseStorageContexts(&result, request) }
        if !entry.access.canRead {
            var refused: [String] = []
            for (i, proposal) in request.presentationContexts.enumerated() where result.answers[i].result.isAccepted {
                guard case .queryRetrieve(let model) = AbstractSyntaxKind(proposal.abstractSyntax) else { continue }
                result.answers[i] = .reject(proposal.id, .userRejection)
                if !refused.contains(model.description) { refused.append(model.description) }
            }
            if !refused.isEmpty {
                result.log.append(.init(.warn, "Refusing presentation contexts \(refused.joined(separator: ", ")): "
                    + "\"\(entry.aeTitle)\" has access \"\(entry.access.token)\" (write only, AETable line \(entry.line)); "
                    + "Quarry refuses C-FIND, C-MOVE and C-GET on a write-only AE"))
            }
        }
        for root in QueryRetrieveInformationModel.Root.allCases {
            let move = QueryRetrieveInformationModel(root: root, service: .move).sopClassUID
            let find = QueryRetrieveInformationModel(root: root, service: .find).sopClassUID
            guard accepted(move), !accepted(find) else { continue }
            if options.requireFind {
                for (i, proposal) in request.presentationContexts.enumerated()
                where proposal.abstractSyntax == move && result.answers[i].result.isAccepted {
                    result.answers[i] = .reject(proposal.id, .userRejection)
                }
            } else {
                result.log.append(.init(.error, "Move Presentation Context but no Find (accepting for now)"))
            }
        }
        if options.noParallelStore, entry.access.canWrite, live.storingAETitles.contains(entry.aeTitle) {
            refuseStorageContexts(&result, request)
        }
        result.holdsStorageContexts = zip(request.presentationContexts, result.answers).contains { proposal, answer in
            answer.result.isAccepted && SOPClass.isStorage(proposal.abstractSyntax)
                && Self.roles(of: answer, proposed: request.proposedRoles(for: proposal.abstractSyntax)).requestorIsSCU
        }
        return result
    }

    /// dcmqrscp's `refuseAnyStorageContexts`: every accepted storage context
    /// in which the requestor is not exclusively SCP becomes user-rejection.
    func refuseStorageContexts(_ result: inout ContextNegotiation, _ request: AssociationRequest) {
        for (i, proposal) in request.presentationContexts.enumerated()
        where result.answers[i].result.isAccepted && SOPClass.isStorage(proposal.abstractSyntax) {
            let roles = Self.roles(of: result.answers[i], proposed: request.proposedRoles(for: proposal.abstractSyntax))
            if roles.requestorIsSCU || !roles.requestorIsSCP {
                result.answers[i] = .reject(proposal.id, .userRejection)
            }
        }
    }

    /// The roles a context ends up with (PS3.7 §D.3.3.4).
    static func roles(of answer: PresentationContextAnswer,
                      proposed: SCPSCURoles?) -> (requestorIsSCU: Bool, requestorIsSCP: Bool) {
        let answered = answer.roles.flatMap {
            PresentationContextNegotiation.answerRoles(proposed: proposed, acceptSCU: $0.scu, acceptSCP: $0.scp)
        }
        return PresentationContextNegotiation.negotiatedRoles(proposed: proposed, answered: answered)
    }
}
