import DICOM

/// A DIMSE command received on an association.
package struct IncomingCommand: Sendable, Equatable {
    package var presentationContext: NegotiatedPresentationContext
    package var message: DIMSEMessage
    /// The command set as received (group 0000), for logging or fields not modelled.
    package var commandSet: DataSet
    /// Command Data Set Type (0000,0800) ≠ 0101H: a data set follows; read it with
    /// `receiveDataSet` (or `skipDataSet`) before the next command.
    package var hasDataSet: Bool

    package var presentationContextID: UInt8 { presentationContext.id }
}

/// What the peer did next.
package enum IncomingMessage: Sendable, Equatable {
    case command(IncomingCommand)
    /// The peer released the association; the A-RELEASE-RP has been sent and the connection closed.
    case released
}

extension Association {
    // MARK: Receiving

    /// Waits (DIMSE timeout) for the next command, or the peer's release. A data set
    /// left unread from the previous command is skipped first. A DIMSE protocol
    /// violation aborts the association and throws.
    package func receive() throws(AssociationError) -> IncomingMessage {
        if pendingDataSetContextID != nil { try skipDataSet() }
        var bytes: [UInt8] = []
        var contextID: UInt8?
        while true {
            guard let pdv = try nextPDV() else {
                if contextID == nil { return .released }
                throw .peerReleased
            }
            guard pdv.isCommand else { throw violation("data set fragment received where a command was expected") }
            if let contextID, pdv.presentationContextID != contextID {
                throw violation("command fragments on presentation contexts \(contextID) and \(pdv.presentationContextID)")
            }
            contextID = pdv.presentationContextID
            guard bytes.count + pdv.value.count <= CommandSetCoding.maximumLength else {
                throw violation("command set longer than \(CommandSetCoding.maximumLength) bytes")
            }
            bytes.append(contentsOf: pdv.value)
            if pdv.isLast { break }
        }
        let id = contextID ?? 0
        guard let context = presentationContext(id: id), context.isAccepted else {
            throw violation("DIMSE No valid Presentation Context ID: \(id)")
        }
        let commandSet: DataSet
        let message: DIMSEMessage
        do {
            commandSet = try CommandSetCoding.decode(bytes)
            message = try DIMSEMessage(commandSet: commandSet)
        } catch let error as MalformedData {
            throw violation("\(error)")
        } catch {
            throw violation("\(error)")
        }
        let hasDataSet = commandSet.uint16(.commandDataSetType).map { $0 != commandDataSetTypeNone } ?? false
        if hasDataSet { pendingDataSetContextID = id }
        return .command(IncomingCommand(presentationContext: context, message: message, commandSet: commandSet,
                                        hasDataSet: hasDataSet))
    }

    /// A command if one has arrived (for C-CANCEL between pending responses),
    /// without waiting for one; nil when nothing is there yet.
    package func receiveIfAvailable() throws(AssociationError) -> IncomingMessage? {
        guard inboxIndex < inbox.count || connection.hasInput() else { return nil }
        return try receive()
    }

    /// Streams the data set announced by the last command to `append`, fragment by
    /// fragment as PDVs arrive (STYLE §5). If `append` throws, its error is
    /// rethrown and the rest of the data set is still pending: call `skipDataSet()`
    /// before answering.
    package func receiveDataSet(_ append: (ArraySlice<UInt8>) throws -> Void) throws {
        guard let contextID = pendingDataSetContextID else {
            throw AssociationError.illegalState("no data set was announced")
        }
        try DICOMNetwork.receiveDataSet(next: { () throws -> (value: ArraySlice<UInt8>, isLast: Bool) in
            guard let pdv = try self.nextPDV() else { throw AssociationError.peerReleased }
            guard !pdv.isCommand, pdv.presentationContextID == contextID else {
                throw self.violation(pdv.isCommand ? "command fragment inside a data set"
                                     : "data set fragments on presentation contexts \(contextID) and \(pdv.presentationContextID)")
            }
            if pdv.isLast { self.pendingDataSetContextID = nil }
            return (pdv.value, pdv.isLast)
        }, append: append)
    }

    /// The announced data set whole, refusing more than `limit` bytes (the
    /// association is aborted then). For identifiers, not for stored objects.
    package func receiveDataSet(limit: Int = 16 << 20) throws(AssociationError) -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            try receiveDataSet { fragment in
                guard bytes.count + fragment.count <= limit else {
                    throw self.violation("data set longer than \(limit) bytes")
                }
                bytes.append(contentsOf: fragment)
            }
        } catch let error as AssociationError {
            throw error
        } catch {
            throw .illegalState("\(error)")
        }
        return bytes
    }

    /// Reads and drops the rest of the announced data set.
    package func skipDataSet() throws(AssociationError) {
        guard pendingDataSetContextID != nil else { return }
        do {
            try receiveDataSet { _ in }
        } catch let error as AssociationError {
            throw error
        } catch {
            throw .illegalState("\(error)")
        }
    }

    /// The next PDV, reading a P-DATA-TF when the last one is used up; nil when the
    /// peer released instead (the A-RELEASE-RP has been sent).
    func nextPDV() throws(AssociationError) -> PresentationDataValue? {
        if inboxIndex < inbox.count {
            defer { inboxIndex += 1 }
            return inbox[inboxIndex]
        }
        switch try upperLayer.receivePDU(timeout: dimseTimeout) {
        case .pDataTF(let pData):
            inbox = pData.values
            inboxIndex = 1
            return inbox[0]
        case .releaseRQ:
            try upperLayer.perform(.releaseResponse, sending: .releaseRP(AReleaseRP()))
            return nil
        case let other:
            throw violation("unexpected \(PDU.name(ofType: other.type)) PDU")
        }
    }

    /// Aborts the association for a DIMSE protocol violation and returns the error to throw.
    func violation(_ text: String) -> AssociationError {
        log.debug("DIMSE protocol violation: \(text); aborting association")
        upperLayer.abort()
        return .dimse(text)
    }

    // MARK: Sending

    /// Sends a command and, when given, its data set, fragmented within the peer's
    /// maximum. Command Data Set Type follows `dataSet`.
    package func send(_ command: some DIMSECommand, presentationContextID: UInt8, dataSet: [UInt8]? = nil) throws(AssociationError) {
        try sendCommand(command, presentationContextID: presentationContextID, hasDataSet: dataSet != nil)
        guard let dataSet else { return }
        for pdv in MessageFragmenter.fragments(of: dataSet, presentationContextID: presentationContextID,
                                               isCommand: false, maximumLength: maximumSendPDVLength) {
            try sendPDV(pdv)
        }
    }

    /// Sends a command and a data set read from `next` (nil at the end; a file
    /// read in chunks), fragmenting as the chunks come: memory stays one PDV.
    package func send(_ command: some DIMSECommand, presentationContextID: UInt8,
                      dataSetChunks next: () throws -> ArraySlice<UInt8>?) throws {
        try sendCommand(command, presentationContextID: presentationContextID, hasDataSet: true)
        var fragmenter = MessageFragmenter(presentationContextID: presentationContextID, isCommand: false,
                                           maximumLength: maximumSendPDVLength)
        while let chunk = try next() {
            try fragmenter.append(chunk) { pdv throws(AssociationError) in try sendPDV(pdv) }
        }
        try fragmenter.finish { pdv throws(AssociationError) in try sendPDV(pdv) }
    }

    private func sendCommand(_ command: some DIMSECommand, presentationContextID: UInt8,
                             hasDataSet: Bool) throws(AssociationError) {
        guard presentationContext(id: presentationContextID)?.isAccepted == true else {
            throw .illegalState("DIMSE No valid Presentation Context ID: \(presentationContextID)")
        }
        let bytes = CommandSetCoding.encode(command.commandSet(hasDataSet: hasDataSet))
        for pdv in MessageFragmenter.fragments(of: bytes, presentationContextID: presentationContextID,
                                               isCommand: true, maximumLength: maximumSendPDVLength) {
            try sendPDV(pdv)
        }
    }

    /// One PDV per P-DATA-TF, as DCMTK sends them.
    func sendPDV(_ pdv: PresentationDataValue) throws(AssociationError) {
        try upperLayer.perform(.pDataRequest, sending: .pDataTF(PDataTF(values: [pdv])))
    }
}
