import DICOM

extension IncomingStore {
    /// Data sets larger than this are stored as received rather than converted
    /// (conversion decodes the whole data set in memory).
    static let maximumConversionSize: Int64 = 256 << 20

    /// Step 3 of `finish`, `+t…` (spec §1.2): the data set re-encoded in the
    /// syntax asked for, in a new temporary file; the first one is removed.
    /// Only between uncompressed syntaxes (and deflate): an object with
    /// encapsulated pixel data, one too large, or one that does not re-encode
    /// is stored as received, with a log line saying so. nil: nothing to do.
    func convert(_ object: IncomingObject, _ extracted: ExtractedAttributes) -> (IncomingObject, ExtractedAttributes)? {
        guard let name = options.writtenTransferSyntax.transferSyntax, let target = TransferSyntax(uid: name.rawValue),
              target.uid != extracted.transferSyntax.uid else { return nil }
        let source = extracted.transferSyntax
        let dataSetSize = object.size - headerLength
        guard source.isUncompressed || (source.isDeflated && !source.isEncapsulated) else {
            log.info("Store SCP: \(request.affectedSOPInstanceUID) is in \(source.name): stored as received, not in \(target.name)")
            return nil
        }
        guard dataSetSize <= Self.maximumConversionSize else {
            log.warn("Store SCP: \(request.affectedSOPInstanceUID): data set of \(dataSetSize) bytes stored as received "
                     + "(\(source.name)), not converted to \(target.name)")
            return nil
        }
        var replacement: IncomingObject?
        do {
            let reader = try area.storage.openStoredFile(object.temporaryName)
            reader.seek(to: headerLength)
            let bytes = try reader.read(upTo: Int(dataSetSize))
            let encoded = try DataSet(decoding: bytes, transferSyntax: source).encoded(transferSyntax: target)
            let new = try area.storage.beginIncomingObject()
            replacement = new
            var meta: FileMetaInformation?
            if options.writesFileMetaInformation {
                let information = Self.metaInformation(for: request, transferSyntaxUID: target.uid)
                try new.append(information.encodedHeader())
                meta = information
            }
            let offset = new.size
            try new.append(encoded)
            object.abort()
            headerLength = offset
            var converted = extracted
            (converted.transferSyntax, converted.fileMetaInformation, converted.dataSetOffset) = (target, meta, Int(offset))
            log.debug("Store SCP: \(request.affectedSOPInstanceUID) converted from \(source.name) to \(target.name)")
            return (new, converted)
        } catch {
            replacement?.abort()
            log.warn("Store SCP: \(request.affectedSOPInstanceUID) stored as received (\(source.name)): "
                     + "cannot convert to \(target.name): \(error)")
            return nil
        }
    }
}
