import DICOM
import DICOMNetwork

/// The Verification SOP Class as SCP (PS3.4 Annex A; PS3.7 §9.1.5): every
/// C-ECHO-RQ is answered 0x0000, on any AE the peer may associate with
/// (spec §9.1), logging `I: Received Echo SCP RQ: MsgID <n>` as dcmqrscp.
package struct VerificationService: DIMSEServiceProvider {
    package init() {}

    package var commandFields: Set<CommandField> { [.cEchoRQ] }
    package var abstractSyntaxes: Set<String> { [SOPClass.verificationUID] }

    package func handle(_ command: IncomingCommand, context: ServiceContext) throws {
        guard case .cEchoRQ(let request) = command.message else { return }
        context.log.info("Received Echo SCP RQ: MsgID \(request.messageID)")
        let response = CEchoRSP(messageIDBeingRespondedTo: request.messageID,
                                affectedSOPClassUID: request.affectedSOPClassUID, status: .success)
        do {
            try context.association.send(response, presentationContextID: command.presentationContextID)
        } catch {
            context.log.error("echoSCP: Echo Response Failed: \(error)")
            throw error
        }
    }
}
