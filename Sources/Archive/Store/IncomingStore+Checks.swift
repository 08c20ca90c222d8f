import DICOM

extension IncomingStore {
    /// Step 2 of `finish`: the data set against the command, and the UIDs the
    /// index files the object under. Returns the refusal, or nil to go on.
    func check(_ extracted: ExtractedAttributes) -> StoreResult? {
        // dcmqrscp: SOP Class and Instance UID must be present (0xC000, "Bad image
        // file") and equal to the command's (0xA900), spec §5.3.
        guard let sopClass = extracted.attributes[.sopClassUID], let sopInstance = extracted.attributes[.sopInstanceUID] else {
            let missing = extracted.attributes[.sopClassUID] == nil ? "SOP Class UID (0008,0016)" : "SOP Instance UID (0008,0018)"
            return failure(.cannotUnderstand, "No \(missing) in the data set",
                           log: "Bad image file: \(request.affectedSOPInstanceUID): no \(missing)")
        }
        let padding = options.toleratesUIDPadding
        if comparable(sopClass, padding) != comparable(request.affectedSOPClassUID, padding) {
            log.warn("Store SCP: Data Set does not match SOP Class: SOP Class UID \(quoted(sopClass)) "
                     + "in the data set, \(request.affectedSOPClassUID) in the command")
            return StoreResult(status: .dataSetDoesNotMatchSOPClass, errorComment: "SOP Class UID differs from the command")
        }
        if comparable(sopInstance, padding) != comparable(request.affectedSOPInstanceUID, padding) {
            log.warn("Store SCP: Data Set does not match SOP Class: SOP Instance UID \(quoted(sopInstance)) "
                     + "in the data set, \(request.affectedSOPInstanceUID) in the command")
            return StoreResult(status: .dataSetDoesNotMatchSOPClass, errorComment: "SOP Instance UID differs from the command")
        }
        // Beyond dcmqrscp, which indexes such objects where no hierarchical query
        // finds them: the keys of the index must be usable (issue 5).
        for (tag, name) in Self.keyUIDs {
            guard let raw = extracted.attributes[tag] else {
                return failure(.cannotUnderstand, "No \(name) \(tag) in the data set",
                               log: "Store SCP: refusing \(request.affectedSOPInstanceUID): no \(name) \(tag)")
            }
            let validation = UniqueIdentifier.validate(String(decoding: raw, as: UTF8.self))
            if let problem = validation.errors.first {
                return failure(.cannotUnderstand, "Unusable \(name): \(problem)",
                               log: "Store SCP: refusing \(request.affectedSOPInstanceUID): \(name) \(quoted(raw)) is unusable: \(problem)")
            }
            if !validation.irregularities.isEmpty {
                log.warn("Store SCP: storing \(request.affectedSOPInstanceUID) with an irregular \(name) \"\(validation.uid)\": "
                         + validation.irregularities.map(\.description).joined(separator: ", "))
            }
        }
        return nil
    }

    static let keyUIDs: [(Tag, String)] = [
        (.sopInstanceUID, "SOP Instance UID"), (.studyInstanceUID, "Study Instance UID"), (.seriesInstanceUID, "Series Instance UID"),
    ]

    /// A UID as compared with the command's: trailing NUL padding removed
    /// (PS3.5 §9.1), and with `-up` surrounding spaces too.
    private func comparable(_ raw: [UInt8], _ toleratesSpaces: Bool) -> String {
        comparable(String(decoding: raw, as: UTF8.self), toleratesSpaces)
    }

    private func comparable(_ uid: String, _ toleratesSpaces: Bool) -> String {
        var s = Substring(uid)
        while let last = s.last, last == "\0" || (toleratesSpaces && last == " ") { s.removeLast() }
        while toleratesSpaces, s.first == " " { s.removeFirst() }
        return String(s)
    }

    /// A raw value for a log line: quoted, control characters escaped.
    private func quoted(_ raw: [UInt8]) -> String {
        "\"" + raw.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "\\x" + ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "\""
    }
}
