import Archive
import DICOM
import Testing

/// `*` and `?` matching over Unicode scalars, enough to show which decoded values a key selects.
private func wildcardMatches(_ pattern: String, _ value: String) -> Bool {
    let p = Array(pattern.unicodeScalars), v = Array(value.unicodeScalars)
    func match(_ i: Int, _ j: Int) -> Bool {
        if i == p.count { return j == v.count }
        if p[i] == "*" { return (j...v.count).contains { match(i + 1, $0) } }
        return j < v.count && (p[i] == "?" || p[i] == v[j]) && match(i + 1, j + 1)
    }
    return match(0, 0)
}

struct MatchingCase: Sendable, CustomStringConvertible {
    var request: String?
    var key: [UInt8]
    var matches: [String]
    var description: String { "[\(request ?? "no (0008,0005)")] \(key)" }
}

@Suite struct ResponseCharacterSetMatchingTests {
    static let records: [CharsetRecord] = [.p001, .p004, .p005, .p006, .p007]

    /// Spec §6.6 (measured): `M*ller*` in ASCII matches both Müller records,
    /// `Müller*` in UTF-8 or in Latin-1 matches both; Cyrillic keys match the
    /// UTF-8 and the ISO_IR 144 record alike.
    static let cases: [MatchingCase] = [
        .init(request: nil, key: Array("M*ller*".utf8), matches: ["P004", "P005"]),
        .init(request: "ISO_IR 192", key: Array("Müller*".utf8), matches: ["P004", "P005"]),
        .init(request: "ISO_IR 100", key: [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x2A], matches: ["P004", "P005"]),
        .init(request: "ISO_IR 192", key: Array("Иванов*".utf8), matches: ["P006", "P007"]),
        .init(request: "ISO_IR 144", key: [0xB8, 0xD2, 0xD0, 0xDD, 0xDE, 0xD2, 0x2A], matches: ["P006", "P007"]),
        .init(request: "ISO_IR 100", key: Array("*J?rg".utf8), matches: ["P005"]),
        // UTF-8 sent without declaring it: dcmqrscp compares those bytes with UTF-8 (and converted) values.
        .init(request: nil, key: Array("Müller*".utf8), matches: ["P004", "P005"]),
        .init(request: nil, key: Array("Doe^John".utf8), matches: ["P001"]),
    ]

    @Test(arguments: cases)
    func keysMatchWhateverSetTheyCameIn(_ c: MatchingCase) {
        let decoder = MatchingTextDecoder(requestCharacterSet: c.request)
        let key = decoder.queryText(c.key, vr: .PN)
        let matched = Self.records.filter { record in
            let stored = record.storedElements.first { $0.tag == .patientName }?.bytes ?? []
            let text = decoder.storedText(stored, vr: .PN, characterSet: record.characterSet)
            return wildcardMatches(key, text.withoutPadding)
        }
        #expect(matched.map(\.id) == c.matches)
    }

    @Test func textValuesAreDecodedWithTheirSet() throws {
        let decoder = MatchingTextDecoder(requestCharacterSet: "ISO_IR 100 ")
        #expect(decoder.requestCharacterSet == "ISO_IR 100")
        #expect(decoder.queryText([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], vr: .LO) == "Müller")
        #expect(decoder.storedText(Array("Müller".utf8), vr: .LO, characterSet: "ISO_IR 192") == "Müller")
        let jis = try SpecificCharacterSet("ISO 2022 IR 6\\ISO 2022 IR 87").encode("山田^太郎", vr: .PN)
        #expect(decoder.storedText(jis, vr: .PN, characterSet: "ISO 2022 IR 6\\ISO 2022 IR 87") == "山田^太郎")
    }

    /// Other VRs are compared byte for byte: each byte becomes the scalar of the same number.
    @Test func otherValuesStayByteForByte() {
        let decoder = MatchingTextDecoder(requestCharacterSet: "ISO_IR 192")
        #expect(decoder.queryText(Array("20230506".utf8), vr: .DA) == "20230506")
        #expect(decoder.storedText([0x41, 0xFC], vr: .CS, characterSet: "ISO_IR 192") == "A\u{FC}")
    }

    /// Bytes their set does not define are compared as they are, with dcmqrscp's warning.
    @Test func undecodableValuesAreComparedAsTheyAre() {
        let captured = StorageTestLog()
        let decoder = MatchingTextDecoder(requestCharacterSet: nil)
        #expect(decoder.storedText([0x41, 0xFC], vr: .LO, characterSet: "ISO_IR 999", log: captured.log) == "A\u{FC}")
        #expect(captured.text == "W: Character set conversion of the candidate failed with the following error: "
            + "'Cannot select source character set: SpecificCharacterSet (0008,0005) value 'ISO_IR 999' not supported', "
            + "will compare values that use different (incompatible) character sets: \"ASCII\" and \"ISO_IR 999\"\n")
        // Latin-1 bytes without a declaration are not UTF-8: compared byte for byte, silently, as dcmqrscp does.
        let quiet = StorageTestLog()
        #expect(decoder.queryText([0x4D, 0xFC], vr: .PN, log: quiet.log) == "M\u{FC}")
        #expect(quiet.text.isEmpty)
        // An incomplete two-byte character in a declared set.
        let cyrillic = MatchingTextDecoder(requestCharacterSet: "ISO_IR 144")
        let warned = StorageTestLog()
        #expect(cyrillic.storedText([0x41, 0x81], vr: .PN, characterSet: "GB18030", log: warned.log) == "A\u{81}")
        #expect(warned.text == "W: Character set conversion of the candidate failed with the following error: "
            + "'Cannot convert character encoding: Invalid or incomplete multibyte or wide character', "
            + "will compare values that use different (incompatible) character sets: \"ISO_IR 144\" and \"GB18030\"\n")
    }
}
