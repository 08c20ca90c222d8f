import DICOM

extension IncomingStore {
    /// Ends the store once the data set's last fragment was appended (PS3.4
    /// Annex B.2.3; spec §5.1, §5.3), in this order:
    ///
    /// 1. the temporary file is read back with the streaming reader, to its end:
    ///    a data set that does not parse or ends early → 0xC000;
    /// 2. SOP Class/Instance UID present (else 0xC000) and equal to the command's
    ///    (else 0xA900, as dcmqrscp); Study and Series Instance UID present and
    ///    usable — not empty, no NUL, `/`, `\` (else 0xC000, beyond dcmqrscp);
    ///    irregular UIDs (leading zeros, over 64 characters) are stored with a warning;
    /// 3. `+t…`: the data set re-encoded in the syntax asked for;
    /// 4. the file made durable: data sync, rename to `<prefix>_<hex>.dcm` never
    ///    replacing a file, directory sync (a full disk → 0xA700);
    /// 5. the index record appended and synced, duplicates and quotas resolved
    ///    (a quota that refuses → 0xA700, the file removed);
    /// 6. the files of the replaced duplicate and of evicted instances deleted,
    ///    now that the new object is durable — then 0x0000.
    package func finish() -> StoreResult {
        guard !isFinished else { return failure(.refusedOutOfResources, "Store already finished", log: nil) }
        isFinished = true
        if options.ignoresData {
            log.debug("Store SCP: --ignore: \(receivedBytes) bytes of \(request.affectedSOPInstanceUID) received, nothing stored")
            return StoreResult(status: .success)
        }
        guard var object, writeFailure == nil else {
            let error = writeFailure ?? StorageAreaError(.objectFinished, path: area.path)
            return failure(.refusedOutOfResources, error.kind == .outOfDiskSpace ? "Out of disk space" : "Cannot write file",
                           log: "Store SCP: Cannot write image file: \(error)")
        }
        defer { self.object = nil; object.abort() }

        let syntax = Self.transferSyntax(request.transferSyntaxUID)
        let extracted: ExtractedAttributes
        do { extracted = try readBack(object, syntax) } catch {
            return failure(.cannotUnderstand, "Data set does not parse: \(error.reasonSummary)",
                           log: "Store SCP: cannot understand the data set of \(request.affectedSOPInstanceUID): \(error)")
        }
        if let refusal = check(extracted) { return refusal }

        var stored = extracted
        if let converted = convert(object, extracted) { (object, stored) = converted }
        let quota = options.quota ?? area.quota
        if let limit = quota.maxBytesPerStudy, object.size > limit {
            return quotaRefusal(.instanceLargerThanStudyLimit(instanceBytes: object.size, maxBytesPerStudy: limit))
        }

        let file: StoredFile
        do { file = try object.commit(finalPrefix: SOPClass.modalityPrefix(Self.trimmedUID(request.affectedSOPClassUID))) } catch {
            return failure(.refusedOutOfResources, error.kind == .outOfDiskSpace ? "Out of disk space" : "Cannot write file",
                           log: "Store SCP: Cannot write image file: \(error)")
        }
        let outcome: StoreOutcome
        do { outcome = try area.index.add(stored.instanceRecord(fileName: file.name, fileSize: file.size), quota: quota) } catch {
            area.storage.removeFile(file.name, reason: .unsuccessfulStore, log: log)
            if case .quotaExceeded(let violation) = error { return quotaRefusal(violation) }
            return failure(.refusedOutOfResources, "Index write failed",
                           log: "storeSCP: Database: storeRequest Failed (Refused: OutOfResources): \(error)")
        }
        removeDisplacedFiles(outcome, newFile: file, studyInstanceUID: stored.studyInstanceUID ?? "")
        log.debug("Store SCP: stored \(request.affectedSOPInstanceUID) as \(file.path) (\(file.size) bytes, index record \(outcome.sequence))")
        return StoreResult(status: .success, storedFile: file, outcome: outcome)
    }

    /// Step 1: the attributes, read from the temporary file (constant memory).
    private func readBack(_ object: IncomingObject, _ syntax: TransferSyntax) throws(DICOMParseError) -> ExtractedAttributes {
        let reader: StoredFileReader
        do { reader = try area.storage.openStoredFile(object.temporaryName) } catch {
            throw DICOMParseError(.io(error.description), offset: 0)
        }
        reader.seek(to: headerLength)
        let meta = options.writesFileMetaInformation ? Self.metaInformation(for: request, transferSyntaxUID: syntax.uid) : nil
        return try ExtractedAttributes.read(dataSet: StoredFileByteSource(reader), transferSyntax: syntax,
                                            fileMetaInformation: meta, dataSetOffset: Int(headerLength))
    }

    /// The negotiated syntax; one PS3.6 does not list is read as explicit VR little endian
    /// with encapsulated pixel data (what every private compressed syntax is).
    static func transferSyntax(_ uid: String) -> TransferSyntax {
        TransferSyntax(uid: uid) ?? TransferSyntax(uid: trimmedUID(uid), name: trimmedUID(uid), isEncapsulated: true)
    }

    func failure(_ status: StoreStatus, _ comment: String, log message: String?) -> StoreResult {
        if let message { log.error(message) }
        return StoreResult(status: status, errorComment: comment)
    }

    private func quotaRefusal(_ violation: QuotaViolation) -> StoreResult {
        let comment: String = switch violation {
        case .instanceLargerThanStudyLimit(_, let limit): "Quota: instance larger than maxBytesPerStudy \(limit)"
        case .studyBytes(_, _, let limit): "Quota: study would exceed maxBytesPerStudy \(limit)"
        case .studies(_, let limit): "Quota: storage area holds maxStudies \(limit)"
        }
        return failure(.refusedOutOfResources, comment,
                       log: "storeSCP: Database: storeRequest Failed (Refused: OutOfResources): \(area.path): \(violation)")
    }
}

extension DICOMParseError {
    /// Where and what, short enough for an Error Comment.
    var reasonSummary: String {
        switch reason {
        case .truncated: "ends early at offset \(offset)"
        case .lengthPastEnd: "length past the end at offset \(offset)"
        default: "at offset \(offset)"
        }
    }
}
