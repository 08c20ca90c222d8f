import DICOM

/// What the index lock guards: the in-memory state and the journal file it mirrors
/// up to `appliedOffset`. Every method runs with the index lock held; the journal's
/// `flock` is taken by the caller (`lockCurrent`) around them.
struct JournalCore: Sendable {
    let path: String
    let directory: String
    var file: JournalFile
    var state = IndexState()
    /// File offset up to which records have been applied to `state`.
    var appliedOffset = 0
    /// Records in the file (live and dead), for the compaction decision.
    var recordsInFile = 0

    init(directory: String) throws(IndexError) {
        self.directory = directory
        self.path = directory.hasSuffix("/") ? directory + JournalFormat.fileName : directory + "/" + JournalFormat.fileName
        self.file = try JournalFile.open(path, create: true)
    }

    /// Takes the journal's `flock` on the file currently at `path`: when another process
    /// compacted (renamed a new file over it), reopens and reloads.
    mutating func lockCurrent(exclusive: Bool, log: Log, forceLoad: Bool = false) throws(IndexError) {
        var reload = forceLoad
        while true {
            try file.lock(exclusive: exclusive)
            if file.isStillAtPath() { break }
            file.unlock()
            file = try JournalFile.open(path, create: true)
            reload = true
        }
        if reload {
            do throws(IndexError) { _ = try load(exclusive: exclusive, log: log) } catch {
                file.unlock()
                throw error
            }
        }
    }

    /// Rebuilds the state from the whole file. Under the exclusive lock it also writes
    /// the header of a new journal and cuts off a torn tail. Returns how many damaged
    /// spans were skipped.
    @discardableResult
    mutating func load(exclusive: Bool, log: Log) throws(IndexError) -> Int {
        state = IndexState()
        appliedOffset = 0
        recordsInFile = 0
        var size = try file.size()
        if size < JournalFormat.headerLength {
            guard exclusive else { return 0 }    // a new journal; its writer writes the header
            let header = JournalFormat.Header().encoded
            if size > 0 {
                let present = try file.read(at: 0, count: size)
                guard header.starts(with: present) else {
                    throw .notAnIndex(path: path, reason: "\(size) bytes, shorter than a header")
                }
                log.warn("Index journal \(path): incomplete header (\(size) bytes) rewritten")
                try file.truncate(to: 0)
            }
            try file.append(header, sizeBefore: 0)
            try file.sync()
            try JournalFile.syncDirectory(directory)
            size = header.count
        }
        let headerBytes = try file.read(at: 0, count: JournalFormat.headerLength)
        let parsed = headerBytes.withUnsafeBytes { b in
            Result { () throws(MalformedData) -> JournalFormat.Header in try JournalFormat.Header(b) }
        }
        let header: JournalFormat.Header
        switch parsed {
        case .success(let h): header = h
        case .failure(let error): throw .notAnIndex(path: path, reason: error.description)
        }
        guard header.version == JournalFormat.version else { throw .unsupportedVersion(path: path, version: header.version) }
        state.lastSequence = header.baseSequence
        appliedOffset = JournalFormat.headerLength
        return try replay(upTo: size, exclusive: exclusive, log: log)
    }

    /// Applies the records another writer appended since `appliedOffset`.
    mutating func catchUp(exclusive: Bool, log: Log) throws(IndexError) {
        let size = try file.size()
        if size < appliedOffset {
            try load(exclusive: exclusive, log: log)
        } else if size > appliedOffset {
            try replay(upTo: size, exclusive: exclusive, log: log)
        }
    }

    /// True when nothing was appended since the last catch-up (no lock needed to ask).
    func isCurrent() -> Bool {
        guard file.isStillAtPath(), let size = try? file.size() else { return false }
        return size == appliedOffset
    }

    @discardableResult
    private mutating func replay(upTo size: Int, exclusive: Bool, log: Log) throws(IndexError) -> Int {
        let start = appliedOffset
        let file = self.file
        let result = try file.withMapping(start..<size) { bytes in
            JournalScanner.scan(bytes, after: recordsInFile == 0 ? 0 : state.lastSequence) { sequence, record in
                state.apply(record, sequence: sequence)
            }
        }
        for span in result.skipped {
            log.warn("Index journal \(path): skipped \(span.count) damaged bytes at offset \(start + span.lowerBound)")
        }
        appliedOffset = start + result.end
        recordsInFile += result.records
        if let tail = result.tail, exclusive {
            log.warn("Index journal \(path): cut off \(tail.count) bytes of an incomplete or damaged record at offset \(start + tail.lowerBound)")
            try file.truncate(to: appliedOffset)
            try file.syncData()
        }
        return result.skipped.count
    }

    /// Appends `record`'s frame to `bytes` with the next sequence number and applies it.
    mutating func append(_ record: JournalRecord, to bytes: inout [UInt8]) throws(IndexError) -> UInt64 {
        let sequence = state.lastSequence + 1
        let frame = record.framed(sequence: sequence)
        let applied: Bool = frame.withUnsafeBytes { b in
            guard let f = JournalScanner.frame(in: b, at: 0, after: state.lastSequence), f.end == b.count else { return false }
            state.apply(f.record, sequence: f.sequence)
            return true
        }
        guard applied else { throw .invalidRecord("record of \(frame.count) bytes cannot be framed") }
        bytes += frame
        return sequence
    }
}
