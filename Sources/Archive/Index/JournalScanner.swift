import DICOM

/// Walks the records of a journal's bytes (after the header), checking each frame's
/// length, CRC-32C, type, structure and that sequence numbers grow.
///
/// Damage in the middle (a record whose checksum fails but after which valid
/// records follow) is skipped: the scanner searches forward for the next offset
/// where a valid record with a higher sequence number starts. Damage with no valid
/// record after it is the tail: a write torn by a crash, which the owner of the
/// exclusive lock cuts off.
enum JournalScanner {
    struct Result {
        /// Offset (relative to the scanned bytes) just past the last valid record.
        var end = 0
        /// Damaged spans skipped between valid records.
        var skipped: [Range<Int>] = []
        /// Bytes after the last valid record that hold no valid record.
        var tail: Range<Int>?
        var lastSequence: UInt64
        var records = 0
    }

    struct Frame {
        var end: Int
        var sequence: UInt64
        var record: JournalRecordView
    }

    static func scan(_ bytes: UnsafeRawBufferPointer, after lastSequence: UInt64,
                     _ body: (UInt64, JournalRecordView) -> Void) -> Result {
        var result = Result(lastSequence: lastSequence)
        var position = 0
        while position < bytes.count {
            if let frame = frame(in: bytes, at: position, after: result.lastSequence) {
                body(frame.sequence, frame.record)
                result.lastSequence = frame.sequence
                result.records += 1
                position = frame.end
                result.end = position
                continue
            }
            var next = position + 1
            while next < bytes.count, frame(in: bytes, at: next, after: result.lastSequence, resynchronising: true) == nil {
                next += 1
            }
            if next >= bytes.count {
                result.tail = position..<bytes.count
                break
            }
            result.skipped.append(position..<next)
            position = next
        }
        return result
    }

    /// The valid record starting at `position`, or nil.
    static func frame(in bytes: UnsafeRawBufferPointer, at position: Int, after lastSequence: UInt64,
                      resynchronising: Bool = false) -> Frame? {
        let available = bytes.count - position
        guard available >= JournalFormat.frameOverhead + JournalFormat.minimumPayload else { return nil }
        let length = Int(read32(bytes, position))
        guard length >= JournalFormat.minimumPayload, length <= JournalFormat.maximumPayload,
              length <= available - JournalFormat.frameOverhead else { return nil }
        let payloadStart = position + JournalFormat.frameOverhead
        guard let type = JournalFormat.RecordType(rawValue: bytes[payloadStart]) else { return nil }
        var sequence: UInt64 = 0
        for k in 0..<8 { sequence |= UInt64(bytes[payloadStart + 1 + k]) << (8 * k) }
        guard sequence > lastSequence else { return nil }
        if resynchronising, sequence - lastSequence > 1 << 32 { return nil }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<payloadStart + length])
        let crc = CRC32C.checksum(payload, continuing: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[position..<position + 4])))
        guard crc == read32(bytes, position + 4) else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: payload[JournalFormat.minimumPayload...])
        guard let record = try? JournalRecordView(type: type, body: body) else { return nil }
        return Frame(end: payloadStart + length, sequence: sequence, record: record)
    }

    private static func read32(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
