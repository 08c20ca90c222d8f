import Archive
import DICOM
import DICOMNetwork
import QRServer

/// The configuration the policy tables run against (fixture F1's shape,
/// spec §0): a read-write, a read-only and a write-only AE.
let policyConfigurationText = """
    MaxAssociations = 2
    HostTable BEGIN
    viewer1 = (VIEWER1, localhost, 11201)
    viewer2 = (VIEWER2, 127.0.0.1, 11202)
    viewers = viewer1, viewer2
    HostTable END
    AETable BEGIN
    STORE      /nonexistent/store  RW  (200, 1024mb)  viewers
    READONLY   /nonexistent/ro     R   (200, 1024mb)  ANY
    WRITEONLY  /nonexistent/wo     W   (200, 1024mb)  ANY
    AETable END

    """

func policyConfiguration(_ text: String = policyConfigurationText) -> Configuration {
    (try? Configuration(parsing: text, fileName: "policy.cfg")) ?? Configuration(fileName: "policy.cfg")
}

enum UID {
    static let verification = SOPClass.verificationUID
    static let ct = "1.2.840.10008.5.1.4.1.1.2"
    static let mr = "1.2.840.10008.5.1.4.1.1.4"
    static let patientFind = "1.2.840.10008.5.1.4.1.2.1.1"
    static let patientMove = "1.2.840.10008.5.1.4.1.2.1.2"
    static let patientGet = "1.2.840.10008.5.1.4.1.2.1.3"
    static let studyFind = "1.2.840.10008.5.1.4.1.2.2.1"
    static let studyMove = "1.2.840.10008.5.1.4.1.2.2.2"
    static let studyGet = "1.2.840.10008.5.1.4.1.2.2.3"
    static let worklistFind = "1.2.840.10008.5.1.4.31"
    static let compositeInstanceRootGet = "1.2.840.10008.5.1.4.1.2.4.2"
    static let ile = "1.2.840.10008.1.2"
    static let ele = "1.2.840.10008.1.2.1"
    static let ebe = "1.2.840.10008.1.2.2"
    static let deflate = "1.2.840.10008.1.2.1.99"
    static let jpegBaseline = "1.2.840.10008.1.2.4.50"
    static let jpegLossless = "1.2.840.10008.1.2.4.70"
    static let privateSyntax = "1.2.3.4.5.6"
    static let uncompressed = [ile, ele, ebe]
}

/// Every service of the archive registered (storage, find, move, get), as
/// the policy sees them once their handlers land.
let allServices = ServiceCapabilities(
    abstractSyntaxes: Set([UID.verification] + SOPClass.allStorageUIDs
                          + QueryRetrieveInformationModel.all.map(\.sopClassUID)),
    commandFields: [.cEchoRQ, .cStoreRQ, .cFindRQ, .cMoveRQ, .cGetRQ])

/// A server that registers Verification alone: contexts of services with nothing
/// behind them are refused.
let verificationOnly = ServiceRegistry([VerificationService()]).capabilities

/// One proposed context: abstract syntax, transfer syntaxes, roles (nil: no role selection item).
struct Proposal: Sendable, CustomStringConvertible {
    var abstractSyntax: String
    var transferSyntaxes: [String] = UID.uncompressed
    var roles: SCPSCURoles?
    var description: String {
        "\(SOPClass.logName(abstractSyntax))\(roles.map { "@\($0)" } ?? "")"
    }
}

func request(called: String = "STORE", calling: String = "VIEWER1", _ proposals: [Proposal],
             applicationContext: String = AssociationPolicy.dicomApplicationContextName,
             implementationClassUID: String? = "1.2.3.4", address: String = "127.0.0.1") -> AssociationRequest {
    let items = proposals.enumerated().map { i, p in
        PresentationContextRQItem(id: UInt8(2 * i + 1), abstractSyntax: p.abstractSyntax, transferSyntaxes: p.transferSyntaxes)
    }
    var roles: [RoleSelection] = []
    for p in proposals {
        if let r = p.roles, !roles.contains(where: { $0.sopClassUID == p.abstractSyntax }) {
            roles.append(RoleSelection(sopClassUID: p.abstractSyntax, scuRole: r.scu, scpRole: r.scp))
        }
    }
    let rq = AAssociateRQ(calledAETitle: called, callingAETitle: calling, applicationContextName: applicationContext,
                          presentationContexts: items,
                          userInformation: UserInformation(maximumLength: 16384, implementationClassUID: implementationClassUID,
                                                           roleSelections: roles))
    return AssociationRequest(pdu: rq, peer: PeerAddress(ipAddress: address, port: 40000))
}

func policy(_ options: ServerOptions = ServerOptions(), services: ServiceCapabilities = allServices,
            profile: AssociationProfile? = nil, configuration: Configuration = policyConfiguration()) -> AssociationPolicy {
    AssociationPolicy(configuration: configuration, options: options, services: services, incomingProfile: profile)
}

/// What the requestor sees of one context: the result and, when accepted,
/// the transfer syntax and the roles it may take.
struct Outcome: Equatable, CustomStringConvertible {
    var result: UInt8
    var transferSyntax: String?
    var requestorIsSCU = true
    var requestorIsSCP = false

    static func accepted(_ ts: String, scu: Bool = true, scp: Bool = false) -> Outcome {
        Outcome(result: 0, transferSyntax: ts, requestorIsSCU: scu, requestorIsSCP: scp)
    }
    static func rejected(_ result: UInt8) -> Outcome { Outcome(result: result, transferSyntax: nil) }

    var description: String {
        result == 0 ? "accepted \(transferSyntax ?? "?") scu:\(requestorIsSCU) scp:\(requestorIsSCP)" : "rejected \(result)"
    }
}

/// The outcome of each proposal, as the A-ASSOCIATE-AC will carry it; nil when the association is rejected.
func outcomes(_ evaluation: PolicyEvaluation, _ request: AssociationRequest) -> [Outcome]? {
    guard case .accept(let answers) = evaluation.decision else { return nil }
    return request.presentationContexts.map { item in
        guard let answer = answers.first(where: { $0.id == item.id }), answer.result.isAccepted else {
            return .rejected(answers.first { $0.id == item.id }?.result.rawValue ?? 2)
        }
        let proposed = request.proposedRoles(for: item.abstractSyntax)
        let answered = answer.roles.flatMap {
            PresentationContextNegotiation.answerRoles(proposed: proposed, acceptSCU: $0.scu, acceptSCP: $0.scp)
        }
        let roles = PresentationContextNegotiation.negotiatedRoles(proposed: proposed, answered: answered)
        return Outcome(result: 0, transferSyntax: answer.transferSyntax, requestorIsSCU: roles.requestorIsSCU,
                       requestorIsSCP: roles.requestorIsSCP)
    }
}

/// The A-ASSOCIATE-RJ as (result, source, reason); nil when accepted.
func rejection(_ evaluation: PolicyEvaluation) -> [UInt8]? {
    guard case .reject(let rj) = evaluation.decision else { return nil }
    return [rj.result.rawValue, rj.source.rawValue, rj.reason.rawValue]
}

extension PolicyEvaluation {
    var lines: [String] { log.map(\.description) }
}
