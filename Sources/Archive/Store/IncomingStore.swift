import DICOM

/// One C-STORE being received into an `ArchiveArea` (DESIGN.md, "The way of
/// one C-STORE"), driven by the network layer:
///
///     let store = area.beginStore(request, options: options, log: log)
///     store.append(fragment)   // each P-DATA fragment of the data set, as it arrives
///     let result = store.finish()   // → C-STORE-RSP status and Error Comment
///
/// The fragments go to a temporary file in the area behind a Part 10 meta
/// header built from the command; nothing of the data set stays in memory.
/// `finish` reads the attributes back with the streaming reader, checks them,
/// makes the file durable under its final name, appends and syncs the index
/// record, and only then answers success. `append` never throws: a failure
/// (a full disk) is remembered, the rest of the data set is drained and
/// `finish` answers it. `abort` (the association went away) leaves no trace.
/// Used by one thread.
package final class IncomingStore {
    package let request: StoreRequest
    package let area: ArchiveArea
    package let options: StoreOptions
    let log: Log
    /// nil with `--ignore`, or when the temporary file could not be created.
    var object: IncomingObject?
    /// Bytes of the file before the data set (the meta header; 0 with `-F`).
    var headerLength: Int64 = 0
    /// Data set bytes received so far.
    package private(set) var receivedBytes: Int64 = 0
    /// The first failure writing the temporary file.
    var writeFailure: StorageAreaError?
    var isFinished = false

    init(area: ArchiveArea, request: StoreRequest, options: StoreOptions, log: Log) {
        (self.area, self.request, self.options, self.log) = (area, request, options, log)
        guard !options.ignoresData else { return }
        do {
            let object = try area.storage.beginIncomingObject()
            self.object = object
            if options.writesFileMetaInformation {
                let header = Self.metaInformation(for: request, transferSyntaxUID: request.transferSyntaxUID).encodedHeader()
                try object.append(header)
                headerLength = Int64(header.count)
            }
        } catch {
            writeFailure = error
            object?.abort()
            object = nil
        }
    }

    deinit { object?.abort() }

    /// The Part 10 meta information of a received object (PS3.10 §7.1): Media
    /// Storage SOP Class/Instance UID from the command, the transfer syntax the
    /// file is written in, Quarry's Implementation Class UID and Version Name,
    /// and the calling AE title as Source Application Entity Title.
    package static func metaInformation(for request: StoreRequest, transferSyntaxUID: String) -> FileMetaInformation {
        FileMetaInformation(mediaStorageSOPClassUID: trimmedUID(request.affectedSOPClassUID),
                            mediaStorageSOPInstanceUID: trimmedUID(request.affectedSOPInstanceUID),
                            transferSyntaxUID: trimmedUID(transferSyntaxUID),
                            implementationClassUID: QuarryIdentity.implementationClassUID,
                            implementationVersionName: QuarryIdentity.implementationVersionName,
                            sourceApplicationEntityTitle: trimmedTitle(request.callingAETitle))
    }

    /// Writes the next fragment of the data set to the temporary file.
    package func append(_ bytes: ArraySlice<UInt8>) {
        receivedBytes += Int64(bytes.count)
        guard writeFailure == nil, let object else { return }
        do { try object.append(bytes) } catch {
            writeFailure = error
            self.object = nil
        }
    }

    package func append(_ bytes: [UInt8]) { append(bytes[...]) }

    /// Gives up the store (the association was aborted or released mid data set):
    /// the temporary file is removed, nothing is indexed.
    package func abort() {
        isFinished = true
        object?.abort()
        object = nil
    }

    static func trimmedUID(_ uid: String) -> String {
        var s = Substring(uid)
        while let last = s.last, last == "\0" || last == " " { s.removeLast() }
        while s.first == " " { s.removeFirst() }
        return String(s)
    }

    static func trimmedTitle(_ title: String) -> String {
        var s = Substring(title)
        while s.last == " " { s.removeLast() }
        while s.first == " " { s.removeFirst() }
        return String(s)
    }
}

extension ArchiveArea {
    /// Starts receiving one C-STORE's data set into this area. `log` is the
    /// association's (the area's when nil).
    package func beginStore(_ request: StoreRequest, options: StoreOptions = StoreOptions(), log: Log? = nil) -> IncomingStore {
        IncomingStore(area: self, request: request, options: options, log: log ?? self.log)
    }
}
