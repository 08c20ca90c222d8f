import DICOM

/// One record of the journal, as the writer builds it. Text is the index's form
/// (`IndexValueDecoder`): UTF-8, trimmed.
enum JournalRecord: Equatable {
    case add(Add)
    case remove(sopInstanceUID: String)

    /// An instance stored. A level group carries the level's unique key and the
    /// values this instance gives that level: all of them when the record creates
    /// the level's entry, only those that fill empty values otherwise.
    struct Add: Equatable {
        var fileName: String
        var fileSize: Int64
        var transferSyntaxUID: String
        var sopClassUID: String
        var sopInstanceUID: String
        var specificCharacterSet: String
        var patient: LevelGroup
        var study: LevelGroup
        var series: LevelGroup
        var imageValues: [TagValue]
    }

    struct LevelGroup: Equatable {
        var key: String
        /// The character set of the values, when not the instance's (written by compaction).
        var specificCharacterSet: String?
        var values: [TagValue]
    }

    struct TagValue: Equatable {
        var tag: Tag
        var value: String
    }

    func framed(sequence: UInt64) -> [UInt8] {
        var w = JournalWriter()
        switch self {
        case .add(let add):
            w.string(add.fileName)
            w.u64(UInt64(bitPattern: add.fileSize))
            w.string(add.transferSyntaxUID)
            w.string(add.sopClassUID)
            w.string(add.sopInstanceUID)
            w.string(add.specificCharacterSet)
            for group in [add.patient, add.study, add.series] {
                w.string(group.key)
                if let cs = group.specificCharacterSet {
                    w.u8(1)
                    w.string(cs)
                } else {
                    w.u8(0)
                }
                Self.write(group.values, to: &w)
            }
            Self.write(add.imageValues, to: &w)
            return JournalFormat.frame(type: .addInstance, sequence: sequence, body: w.buffer)
        case .remove(let uid):
            w.string(uid)
            return JournalFormat.frame(type: .removeInstance, sequence: sequence, body: w.buffer)
        }
    }

    private static func write(_ values: [TagValue], to w: inout JournalWriter) {
        let kept = values.prefix(Int(UInt16.max))
        w.u16(UInt16(kept.count))
        for v in kept {
            w.u32(v.tag.raw)
            w.string(v.value)
        }
    }
}

/// A record read from the journal, borrowing its bytes (valid while the mapping is).
enum JournalRecordView {
    case add(AddView)
    case remove(sopInstanceUID: UnsafeRawBufferPointer)

    struct AddView {
        var fileName: UnsafeRawBufferPointer
        var fileSize: Int64
        var transferSyntaxUID: UnsafeRawBufferPointer
        var sopClassUID: UnsafeRawBufferPointer
        var sopInstanceUID: UnsafeRawBufferPointer
        var specificCharacterSet: UnsafeRawBufferPointer
        var patient: GroupView
        var study: GroupView
        var series: GroupView
        var imageValues: ValuesView
    }

    struct GroupView {
        var key: UnsafeRawBufferPointer
        var specificCharacterSet: UnsafeRawBufferPointer?
        var values: ValuesView
    }

    /// A run of (tag, value) pairs, already checked to be well formed.
    struct ValuesView {
        var bytes: UnsafeRawBufferPointer
        var count: Int

        func forEach(_ body: (Tag, UnsafeRawBufferPointer) -> Void) {
            var r = JournalReader(bytes)
            for _ in 0..<count {
                guard let raw = try? r.u32("tag"), let value = try? r.string("value") else { return }
                body(Tag(raw: raw), value)
            }
        }
    }

    /// Decodes a payload's body (after type and sequence); every field checked.
    init(type: JournalFormat.RecordType, body: UnsafeRawBufferPointer) throws(MalformedData) {
        var r = JournalReader(body)
        switch type {
        case .removeInstance:
            self = .remove(sopInstanceUID: try r.string("SOP Instance UID"))
        case .addInstance:
            let fileName = try r.string("file name")
            let fileSize = Int64(bitPattern: try r.u64("file size"))
            let ts = try r.string("Transfer Syntax UID")
            let sopClass = try r.string("SOP Class UID")
            let sopInstance = try r.string("SOP Instance UID")
            let cs = try r.string("Specific Character Set")
            let patient = try Self.group(&r)
            let study = try Self.group(&r)
            let series = try Self.group(&r)
            let image = try Self.values(&r, "image")
            guard fileSize >= 0 else { throw MalformedData(field: "file size", offset: 0, reason: "negative") }
            self = .add(AddView(fileName: fileName, fileSize: fileSize, transferSyntaxUID: ts, sopClassUID: sopClass,
                                sopInstanceUID: sopInstance, specificCharacterSet: cs,
                                patient: patient, study: study, series: series, imageValues: image))
        }
        guard r.remaining == 0 else {
            throw MalformedData(field: "record", offset: r.offset, reason: "\(r.remaining) bytes after the last field")
        }
    }

    private static func group(_ r: inout JournalReader) throws(MalformedData) -> GroupView {
        let key = try r.string("level key")
        let flags = try r.u8("level flags")
        let charset = flags & 1 == 1 ? try r.string("level Specific Character Set") : nil
        return GroupView(key: key, specificCharacterSet: charset, values: try values(&r, "level"))
    }

    private static func values(_ r: inout JournalReader, _ level: StaticString) throws(MalformedData) -> ValuesView {
        let count = Int(try r.u16("value count"))
        let start = r.offset
        for _ in 0..<count {
            _ = try r.u32("tag")
            _ = try r.string("value")
        }
        return ValuesView(bytes: UnsafeRawBufferPointer(rebasing: r.base[start..<r.offset]), count: count)
    }
}
