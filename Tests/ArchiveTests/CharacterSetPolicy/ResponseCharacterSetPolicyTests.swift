import Archive
import DICOM
import Testing

struct PolicyCase: Sendable, CustomStringConvertible {
    var terms: [String]?
    var commandLine: ResponseCharacterSetPolicy.CommandLineChoices
    var expected: ResponseCharacterSetPolicy
    var description: String { "\(terms.map { "\($0)" } ?? "no line") + \(commandLine)" }
}

private typealias P = ResponseCharacterSetPolicy
private typealias C = ResponseCharacterSetPolicy.CommandLineChoices

@Suite struct ResponseCharacterSetPolicyTests {
    /// The file's `SpecificCharacterSet` terms, then the command line's options on top (spec §1.2, §2.4).
    static let construction: [PolicyCase] = [
        .init(terms: nil, commandLine: C(), expected: P(characterSet: "", overridesRequest: false, fallsBack: true)),
        .init(terms: ["fallback"], commandLine: C(), expected: P(characterSet: "", fallsBack: true)),
        .init(terms: ["ISO_IR 192", "override"], commandLine: C(),
              expected: P(characterSet: "ISO_IR 192", overridesRequest: true, fallsBack: false)),
        .init(terms: ["ISO_IR 192"], commandLine: C(), expected: P(characterSet: "ISO_IR 192", fallsBack: false)),
        .init(terms: ["override"], commandLine: C(), expected: P(characterSet: "", overridesRequest: true, fallsBack: false)),
        .init(terms: ["ISO_IR 100", "ISO_IR 192"], commandLine: C(), expected: P(characterSet: "ISO_IR 192", fallsBack: false)),
        .init(terms: [" ISO_IR 100 ", "transliterate", "discard", "abort"], commandLine: C(),
              expected: P(characterSet: "ISO_IR 100", fallsBack: false, transliterates: true, discardsIllegalCharacters: true)),
        // Option words are case-sensitive, as in dcmqrscp: "Override" is a character set term.
        .init(terms: ["Override"], commandLine: C(), expected: P(characterSet: "Override", fallsBack: false)),
        .init(terms: [], commandLine: C(), expected: P(characterSet: "", fallsBack: false)),
        .init(terms: nil, commandLine: C(overridesRequest: true, characterSet: "ISO_IR 192"),
              expected: P(characterSet: "ISO_IR 192", overridesRequest: true, fallsBack: true)),
        .init(terms: ["ISO_IR 192", "override"], commandLine: C(overridesRequest: false),
              expected: P(characterSet: "ISO_IR 192", overridesRequest: false, fallsBack: false)),
        .init(terms: ["ISO_IR 192", "fallback"], commandLine: C(characterSet: ""),
              expected: P(characterSet: "", fallsBack: true)),
        .init(terms: ["ISO_IR 192", "fallback"], commandLine: C(overridesRequest: true),
              expected: P(characterSet: "ISO_IR 192", overridesRequest: true, fallsBack: true)),
        .init(terms: nil, commandLine: C(characterSet: "ISO_IR 100", transliterates: true, discardsIllegalCharacters: true),
              expected: P(characterSet: "ISO_IR 100", fallsBack: true, transliterates: true, discardsIllegalCharacters: true)),
        .init(terms: ["transliterate"], commandLine: C(discardsIllegalCharacters: true),
              expected: P(fallsBack: false, transliterates: true, discardsIllegalCharacters: true)),
    ]

    @Test(arguments: construction)
    func builtFromFileThenCommandLine(_ c: PolicyCase) {
        #expect(P(configurationTerms: c.terms, commandLine: c.commandLine) == c.expected)
    }

    @Test(arguments: [("ISO_IR 192", true), ("", true), ("ISO 2022 IR 6\\ISO 2022 IR 87", true), ("ISO_IR 999", false),
                      ("ISO_IR 192\\ISO_IR 100", false)])
    func unknownTargetIsReported(_ term: String, _ usable: Bool) {
        #expect((P(characterSet: term).characterSetProblem == nil) == usable)
    }

    @Test(arguments: [(nil, ""), ("", ""), ("  ", ""), ("ISO_IR 100 ", "ISO_IR 100"), ("\\ISO 2022 IR 87", "\\ISO 2022 IR 87"),
                      (" ISO 2022 IR 6 \\ ISO 2022 IR 100 ", "ISO 2022 IR 6\\ISO 2022 IR 100"), ("\\", "")] as [(String?, String)])
    func characterSetValuesAreComparedWithoutPadding(_ raw: String?, _ normalized: String) {
        #expect(P.normalized(raw) == normalized)
    }

    /// dcmqrscp converts element by element and sent P009's StudyDescription in
    /// Latin-1 under `ISO_IR 192` (measured); Quarry leaves the whole response
    /// in the record's set when any value cannot be converted.
    @Test func aFailedConversionChangesNoValue() throws {
        let record = CharsetRecord.p009
        let outcome = P.dcmqrscpDefault.apply(to: record.storedElements, recordCharacterSet: record.characterSet,
                                              requestCharacterSet: "ISO_IR 100")
        #expect(outcome.elements == record.storedElements)
        #expect(outcome.specificCharacterSet == "ISO_IR 192")
    }

    struct Approximation: Sendable, CustomStringConvertible {
        var transliterates: Bool, discards: Bool
        var record: CharsetRecord
        var patientName: String
        var description: String { "translit \(transliterates) discard \(discards) \(record)" }
    }

    /// `-Ct`/`-Cd` (`transliterate`, `discard`): dcmqrscp 3.6.7 as packaged by
    /// Debian fails every conversion with "Conversion flags not supported by the
    /// underlying implementation" (measured); Quarry does what the options say.
    @Test(arguments: [
        Approximation(transliterates: true, discards: false, record: .p005, patientName: "Muller^Jorg"),
        Approximation(transliterates: false, discards: true, record: .p005, patientName: "Mller^Jrg"),
        Approximation(transliterates: true, discards: true, record: .p004, patientName: "Muller^Jurgen"),
        Approximation(transliterates: true, discards: false, record: .p007, patientName: "??????^????"),
        Approximation(transliterates: true, discards: true, record: .p007, patientName: "^"),
    ])
    func approximatedToASCII(_ a: Approximation) throws {
        let policy = P(transliterates: a.transliterates, discardsIllegalCharacters: a.discards)
        let outcome = policy.apply(to: a.record.storedElements, recordCharacterSet: a.record.characterSet, requestCharacterSet: "")
        #expect(outcome.specificCharacterSet == nil)
        let name = outcome.elements.first { $0.tag == .patientName }?.bytes ?? []
        #expect(String(decoding: name, as: UTF8.self).withoutPadding == a.patientName)
        #expect(outcome.messages.map(\.description) == [DCMTKLine.converted(a.record.characterSet, "ASCII")])
    }

    @Test(arguments: [("ß", "ss"), ("Ł", "L"), ("ő", "o"), ("Æ", "AE"), ("œ", "oe"), ("é", "e"), ("“", "\""), ("€", "EUR"), ("Ж", nil)]
          as [(Character, String?)])
    func transliterationTable(_ c: Character, _ expected: String?) {
        let outcome = P(transliterates: true).apply(
            to: [DataElement(tag: .patientName, vr: .PN, bytes: Array(String(c).utf8) + (String(c).utf8.count % 2 == 0 ? [] : [0x20]))],
            recordCharacterSet: "ISO_IR 192", requestCharacterSet: nil)
        let text = String(decoding: outcome.elements[0].bytes, as: UTF8.self).withoutPadding
        #expect(text == (expected ?? "?"))
    }

    /// Values Specific Character Set does not govern are sent as stored, sequences are converted inside.
    @Test func onlyTextValuesAreConvertedAlsoInSequences() throws {
        let latin1 = try SpecificCharacterSet("ISO_IR 100")
        let date = DataElement(tag: .studyDate, vr: .DA, bytes: Array("20230506".utf8))
        let code = DataElement(tag: .modality, vr: .CS, bytes: Array("CT".utf8))
        let inner = DataElement(tag: Tag(0x0008, 0x0104), vr: .LO, bytes: try latin1.encode("Größe") + [0x20])
        let sequence = DataElement(tag: Tag(0x0008, 0x1032), vr: .SQ, value: .sequence(ItemSequence(items: [
            SequenceItem(dataSet: DataSet([inner]), hasUndefinedLength: true)], hasUndefinedLength: true)))
        let outcome = P.dcmqrscpDefault.apply(to: [date, code, sequence], recordCharacterSet: "ISO_IR 100",
                                              requestCharacterSet: "ISO_IR 192")
        #expect(outcome.specificCharacterSet == "ISO_IR 192")
        #expect(outcome.elements[0] == date)
        #expect(outcome.elements[1] == code)
        let item = outcome.elements[2].sequence?.items.first
        #expect(item?.hasUndefinedLength == true)
        #expect(item?.dataSet[Tag(0x0008, 0x0104)]?.bytes == Array("Größe".utf8) + [0x20])
    }

    /// Converted values are padded to even length again (PS3.5 §6.2): `Jörg ` (Latin-1, 6 bytes) is 5 bytes in UTF-8, plus one space.
    @Test func convertedValuesArePaddedToEvenLength() {
        let outcome = P.dcmqrscpDefault.apply(
            to: [DataElement(tag: .patientName, vr: .PN, bytes: [0x4A, 0xF6, 0x72, 0x67, 0x20, 0x20])],
            recordCharacterSet: "ISO_IR 100", requestCharacterSet: "ISO_IR 192")
        #expect(outcome.elements[0].bytes == [0x4A, 0xC3, 0xB6, 0x72, 0x67, 0x20])
    }

    /// DCMTK's words when a record's or a request's (0008,0005) names a set it does not know (measured with `ISO_IR 999`).
    @Test func unknownCharacterSetsAreLoggedAndLeftAlone() {
        let elements = CharsetRecord.p001.storedElements
        let record = P.dcmqrscpDefault.apply(to: elements, recordCharacterSet: "ISO_IR 999", requestCharacterSet: nil)
        #expect(record.elements == elements)
        #expect(record.specificCharacterSet == "ISO_IR 999")
        #expect(record.messages.map(\.description) == [
            "W: Converting response from character set \"ISO_IR 999\" to character set \"ASCII\" failed, (error message: "
                + "Cannot select source character set: SpecificCharacterSet (0008,0005) value 'ISO_IR 999' not supported)"])

        let p005 = CharsetRecord.p005
        let request = P.dcmqrscpDefault.apply(to: p005.storedElements, recordCharacterSet: p005.characterSet,
                                              requestCharacterSet: "ISO_IR 999")
        #expect(request.specificCharacterSet == "ISO_IR 100")
        #expect(request.messages.map(\.description) == [
            "W: Converting response from character set \"ISO_IR 100\" to character set \"ISO_IR 999\" failed, (error message: "
                + "Cannot select destination character set: SpecificCharacterSet (0008,0005) value 'ISO_IR 999' not supported)",
            DCMTKLine.trying("ISO_IR 100", "ASCII")] + DCMTKLine.failure("ISO_IR 100", "ASCII", encoding: "ASCII"))
    }

    /// A request with ISO 2022 code extensions (Japanese) gets converted
    /// responses; dcmqrscp 3.6.7's iconv cannot select `ISO 2022 IR 87` at all.
    @Test func codeExtensionsAreATarget() throws {
        let japanese = "ISO 2022 IR 6\\ISO 2022 IR 87"
        let name = DataElement(tag: .patientName, vr: .PN, bytes: Array("山田^太郎".utf8) + [0x20])
        let outcome = P.dcmqrscpDefault.apply(to: [name], recordCharacterSet: "ISO_IR 192", requestCharacterSet: japanese)
        #expect(outcome.specificCharacterSet == japanese)
        #expect(try SpecificCharacterSet(japanese).decode(outcome.elements[0].bytes, vr: .PN).withoutPadding == "山田^太郎")
    }
}

extension String {
    /// Without the spaces around it.
    var withoutPadding: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
