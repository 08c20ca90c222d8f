/// Bytes that are not the data set, file or stream PS3.5 and PS3.10 say they
/// must be. Names the element being read (`tag`, nil before any was) and the
/// byte offset of its first byte — or of the item, delimiter or header at
/// fault — counted from the start of the file or of the data set given.
package struct DICOMParseError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Reason: Equatable, Sendable {
        /// The data ends inside an element header, a value or a sequence:
        /// `needed` more bytes were expected.
        case truncated(needed: Int)
        /// A value or item length that reaches past the end of the data or of
        /// the enclosing item or sequence (`available` bytes were left).
        case lengthPastEnd(length: UInt32, available: Int)
        /// A value length that is not a multiple of the VR's value size
        /// (PS3.5 §6.2: odd for US/SS/OW, not a multiple of 4 for UL/FL/AT…).
        case invalidLength(vr: VR, length: UInt32)
        /// Undefined length (FFFFFFFFH) on a VR that cannot have it (PS3.5 §7.1.1–§7.1.3).
        case undefinedLengthNotAllowed(vr: VR)
        /// An item, item delimiter or sequence delimiter where none may be (PS3.5 §7.5).
        case misplacedDelimiter(Tag)
        /// Something other than an item inside a sequence or encapsulated pixel data (PS3.5 §7.5, §A.4).
        case itemExpected(found: Tag)
        /// Sequences nested deeper than the decoder's fixed limit.
        case nestingTooDeep(limit: Int)
        /// Explicit VR bytes that name none of the VRs of PS3.5 §6.2.
        case unknownVR(UInt8, UInt8)
        /// Neither a Part 10 file nor a data set whose encoding can be recognised.
        case notRecognized
        /// The File Meta Information (PS3.10 §7.1) is unusable.
        case invalidFileMetaInformation(String)
        /// The deflated data set (PS3.5 §A.5) does not inflate.
        case inflate(String)
        /// Reading the byte source failed.
        case io(String)
    }

    package var reason: Reason
    package var tag: Tag?
    package var offset: Int

    package init(_ reason: Reason, tag: Tag? = nil, offset: Int) {
        (self.reason, self.tag, self.offset) = (reason, tag, offset)
    }

    package var description: String {
        var text = "at offset \(offset)"
        if let tag { text += " in \(DataDictionary.keyword(for: tag)) \(tag)" }
        switch reason {
        case .truncated(let needed): text += ": premature end of data, \(needed) more bytes needed"
        case .lengthPastEnd(let length, let available):
            text += ": length \(length) larger than the \(available) bytes remaining"
        case .invalidLength(let vr, let length): text += ": length \(length) is not a multiple of the \(vr) value size"
        case .undefinedLengthNotAllowed(let vr): text += ": undefined length not allowed for VR \(vr)"
        case .misplacedDelimiter(let found): text += ": \(found) where none may be"
        case .itemExpected(let found): text += ": item (fffe,e000) expected, found \(found)"
        case .nestingTooDeep(let limit): text += ": sequences nested deeper than \(limit) levels"
        case .unknownVR(let a, let b): text += ": unknown VR bytes \(Self.hex(a))\\\(Self.hex(b))"
        case .notRecognized: text += ": neither a DICOM file nor a recognisable data set"
        case .invalidFileMetaInformation(let why): text += ": invalid file meta information: \(why)"
        case .inflate(let why): text += ": deflated data set does not inflate: \(why)"
        case .io(let why): text += ": read error: \(why)"
        }
        return text
    }

    private static func hex(_ b: UInt8) -> String { (b < 16 ? "0" : "") + String(b, radix: 16) }
}

/// A data set that cannot be encoded as asked.
package struct DICOMEncodeError: Error, Equatable, Sendable, CustomStringConvertible {
    package var tag: Tag
    package var reason: String
    package init(tag: Tag, reason: String) { (self.tag, self.reason) = (tag, reason) }
    package var description: String { "cannot encode \(DataDictionary.keyword(for: tag)) \(tag): \(reason)" }
}
