import Archive
import DICOM
import DICOMNetwork

/// The Storage Service Class as SCP (PS3.4 Annex B; spec §5): each C-STORE-RQ's
/// data set is streamed fragment by fragment into the called AE's storage
/// area (`ArchiveArea.beginStore`), and the C-STORE-RSP is sent only once the
/// object and its index record are durable — or with the status the archive
/// decided (0xA700, 0xA900, 0xC000) and its Error Comment.
///
/// Logs as dcmqrscp (spec §10): `I: Received Store SCP:` and the request's
/// dump with `-v`; the response's dump after `I: Sending:` on success, after
/// `W: NOTICE: StoreSCP:` otherwise.
package struct StorageService: DIMSEServiceProvider {
    package init() {}

    package var commandFields: Set<CommandField> { [.cStoreRQ] }
    /// DCMTK's storage SOP classes (`dcmAllStorageSOPClassUIDs`, spec §3.4).
    package var abstractSyntaxes: Set<String> { Set(SOPClass.allStorageUIDs) }

    package func handle(_ command: IncomingCommand, context: ServiceContext) throws {
        guard case .cStoreRQ(let request) = command.message else { return }
        let log = context.log
        log.info("Received Store SCP:\n" + command.message.dcmtkDump(direction: .incoming, hasDataSet: command.hasDataSet))
        guard command.hasDataSet else {
            try respond(to: request, command, context, status: .failedUnableToProcess, comment: "C-STORE-RQ without a data set")
            return
        }
        // Storage contexts of a read-only AE were refused at negotiation (spec §4); a
        // C-STORE arriving on another context (a C-GET receiver's SCP-role one) stores nothing.
        guard context.calledAE.access.canWrite else {
            try context.association.skipDataSet()
            try respond(to: request, command, context, status: .notAuthorized,
                        comment: "Storage area of \(context.calledAETitle) is read-only")
            return
        }
        let store = context.archiveArea.beginStore(
            StoreRequest(affectedSOPClassUID: request.affectedSOPClassUID, affectedSOPInstanceUID: request.affectedSOPInstanceUID,
                         callingAETitle: context.callingAETitle,
                         transferSyntaxUID: command.presentationContext.transferSyntax ?? TransferSyntax.implicitVRLittleEndian.uid),
            options: Self.storeOptions(context.options, quota: context.quota), log: log)
        do {
            try context.association.receiveDataSet { fragment in store.append(fragment) }
        } catch {
            store.abort()
            throw error
        }
        let result = store.finish()
        try respond(to: request, command, context, status: Status(result.status.rawValue), comment: result.errorComment)
    }

    /// The command line's output options (spec §1.2) and the AE's quota.
    static func storeOptions(_ options: ServerOptions, quota: StorageQuota) -> StoreOptions {
        let written: StoreOptions.WrittenTransferSyntax = switch options.writeTransferSyntax {
        case .same: .asReceived
        case .explicitLittleEndian: .explicitVRLittleEndian
        case .explicitBigEndian: .explicitVRBigEndian
        case .implicitLittleEndian: .implicitVRLittleEndian
        case .deflatedExplicitLittleEndian: .deflatedExplicitVRLittleEndian
        }
        return StoreOptions(writtenTransferSyntax: written, writesFileMetaInformation: options.writeFileMetaInformation,
                            ignoresData: options.ignoreStoreData, toleratesUIDPadding: options.correctUIDPadding, quota: quota)
    }

    private func respond(to request: CStoreRQ, _ command: IncomingCommand, _ context: ServiceContext,
                         status: Status, comment: String?) throws {
        let response = CStoreRSP(messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                                 affectedSOPInstanceUID: request.affectedSOPInstanceUID, status: status,
                                 errorComment: status == .success ? nil : comment)
        let dump = DIMSEMessage.cStoreRSP(response).dcmtkDump(direction: .outgoing, hasDataSet: false)
        if status == .success {
            context.log.info("Sending:\n" + dump)
        } else {
            context.log.warn("NOTICE: StoreSCP:\n" + dump)
        }
        do {
            try context.association.send(response, presentationContextID: command.presentationContextID)
        } catch {
            context.log.error("storeSCP: Store Response Failed: \(error)")
            throw error
        }
    }
}
