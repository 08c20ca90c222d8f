import DICOM
import Testing

struct CharsetCase: Sendable, CustomStringConvertible {
    var value: String          // (0008,0005)
    var bytes: [UInt8]
    var text: String
    /// Encoding the text gives these exact bytes back.
    var roundTrips = true
    var description: String { "\(value): \(text)" }
}

/// Bytes from ASCII text and byte arrays, in order.
private func bytes(_ parts: any BytePart...) -> [UInt8] { parts.flatMap(\.bytes) }

private protocol BytePart { var bytes: [UInt8] { get } }
extension String: BytePart { var bytes: [UInt8] { Array(utf8) } }
extension Array: BytePart where Element == UInt8 { var bytes: [UInt8] { self } }

private let esc: UInt8 = 0x1B

@Suite struct SpecificCharacterSetTests {
    /// PS3.5 Annexes H, I, J (the same bytes as pydicom's chr*.dcm test files) and ISO 8859 facts.
    static let cases: [CharsetCase] = [
        .init(value: "", bytes: bytes("Doe^John"), text: "Doe^John"),
        .init(value: "ISO_IR 6", bytes: bytes("Doe^John"), text: "Doe^John"),
        .init(value: "ISO_IR 100", bytes: bytes("Buc^J", [0xE9], "r", [0xF4], "me"), text: "Buc^Jérôme"),
        .init(value: "ISO_IR 100", bytes: bytes([0xC4], "neas^R", [0xFC], "diger"), text: "Äneas^Rüdiger"),
        .init(value: "ISO_IR 101", bytes: [0xA3, 0xF3, 0x64, 0xBC], text: "Łódź"),
        .init(value: "ISO_IR 109", bytes: [0xA1, 0x61, 0xBF, 0xBF], text: "Ħażż"),
        .init(value: "ISO_IR 110", bytes: [0xC0, 0xA3, 0xB3], text: "ĀŖŗ"),
        .init(value: "ISO_IR 144", bytes: [0xBB, 0xEE, 0xDA, 0x63, 0x65, 0xDC, 0xD1, 0x79, 0x70, 0xD3], text: "Люкceмбypг"),
        .init(value: "ISO_IR 127", bytes: [0xE2, 0xC8, 0xC7, 0xE6, 0xEA, 0x5E, 0xE4, 0xE6, 0xD2, 0xC7, 0xD1], text: "قباني^لنزار"),
        .init(value: "ISO_IR 126", bytes: [0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2], text: "Διονυσιος"),
        .init(value: "ISO_IR 138", bytes: [0xF9, 0xF8, 0xE5, 0xEF, 0x5E, 0xE3, 0xE1, 0xE5, 0xF8, 0xE4], text: "שרון^דבורה"),
        .init(value: "ISO_IR 148", bytes: [0xD0, 0xDD, 0xFE], text: "Ğİş"),
        .init(value: "ISO_IR 203", bytes: [0xA4, 0xA6, 0xB8], text: "€Šž"),
        .init(value: "ISO_IR 166", bytes: [0xE4, 0xB7, 0xC2], text: "ไทย"),
        .init(value: "ISO_IR 13", bytes: [0xD4, 0xCF, 0xC0, 0xDE], text: "ﾔﾏﾀﾞ"),
        .init(value: "ISO_IR 192", bytes: bytes("Wang^XiaoDong=", [0xE7, 0x8E, 0x8B, 0x5E, 0xE5, 0xB0, 0x8F, 0xE6, 0x9D, 0xB1], "="),
              text: "Wang^XiaoDong=王^小東="),
        .init(value: "GB18030", bytes: bytes("Wang^XiaoDong=", [0xCD, 0xF5, 0x5E, 0xD0, 0xA1, 0xB6, 0xAB], "="),
              text: "Wang^XiaoDong=王^小东="),
        .init(value: "GBK", bytes: bytes("Wang^XiaoDong=", [0xCD, 0xF5, 0x5E, 0xD0, 0xA1, 0xB6, 0xAB], "="),
              text: "Wang^XiaoDong=王^小东="),
        .init(value: "GB18030", bytes: [0x81, 0x30, 0x81, 0x30, 0x81, 0x30, 0x84, 0x36, 0x90, 0x30, 0x81, 0x30,
                                        0x95, 0x32, 0x82, 0x36, 0x84, 0x31, 0xA4, 0x39, 0xA2, 0xE3],
              text: "\u{80}¥\u{10000}\u{20000}\u{FFFF}€"),
        // PS3.5 H.3.1 (chrH31.dcm).
        .init(value: "\\ISO 2022 IR 87",
              bytes: bytes("Yamada^Tarou=", [esc], "$B;3ED", [esc], "(B^", [esc], "$BB@O:", [esc], "(B=", [esc],
                           "$B$d$^$@", [esc], "(B^", [esc], "$B$?$m$&", [esc], "(B"),
              text: "Yamada^Tarou=山田^太郎=やまだ^たろう"),
        // PS3.5 H.3.2 (chrH32.dcm): JIS X 0201 katakana in G1, romaji in G0.
        .init(value: "ISO 2022 IR 13\\ISO 2022 IR 87",
              bytes: bytes([0xD4, 0xCF, 0xC0, 0xDE], "^", [0xC0, 0xDB, 0xB3], "=", [esc], "$B;3ED", [esc], "(J^", [esc],
                           "$BB@O:", [esc], "(J=", [esc], "$B$d$^$@", [esc], "(J^", [esc], "$B$?$m$&", [esc], "(J"),
              text: "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"),
        // PS3.5 I.2 (chrI2.dcm): KS X 1001 in G1, designated again after each delimiter.
        .init(value: "\\ISO 2022 IR 149",
              bytes: bytes("Hong^Gildong=", [esc], "$)C", [0xFB, 0xF3], "^", [esc], "$)C", [0xD1, 0xCE, 0xD4, 0xD7], "=",
                           [esc], "$)C", [0xC8, 0xAB], "^", [esc], "$)C", [0xB1, 0xE6, 0xB5, 0xBF]),
              text: "Hong^Gildong=洪^吉洞=홍^길동"),
        // chrKoreanMulti.dcm: a needless ESC ( B at the end; decoded, not reproduced.
        .init(value: "\\ISO 2022 IR 149", bytes: bytes([esc], "$)C", [0xB1, 0xE8, 0xC8, 0xF1, 0xC1, 0xDF], [esc], "(B"),
              text: "김희중", roundTrips: false),
        .init(value: "ISO 2022 IR 6\\ISO 2022 IR 87", bytes: bytes([esc], "$B$d$^$@", [esc], "(B^", [esc], "$B$?$m$&", [esc], "(B"),
              text: "やまだ^たろう"),
        // PS3.5 J.3: GB 2312 in G1.
        .init(value: "\\ISO 2022 IR 58",
              bytes: bytes("Zhang^XiaoDong=", [esc], "$)A", [0xD5, 0xC5], "^", [esc], "$)A", [0xD0, 0xA1, 0xB6, 0xAB], "="),
              text: "Zhang^XiaoDong=张^小东="),
        // Single-byte code extensions: Latin-1 initially in G1, Greek designated when needed,
        // Latin-1 designated again at the value delimiter.
        .init(value: "ISO 2022 IR 100\\ISO 2022 IR 126",
              bytes: bytes("M", [0xFC], "ller^", [esc, 0x2D, 0x46, 0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2],
                           [esc, 0x2D, 0x41], "\\", [0xFC]),
              text: "Müller^Διονυσιος\\ü"),
        .init(value: "\\ISO 2022 IR 144", bytes: bytes("Ivanov ", [esc, 0x2D, 0x4C, 0xB8, 0xD2, 0xD0, 0xDD, 0xDE, 0xD2]),
              text: "Ivanov Иванов"),
    ]

    @Test(arguments: cases) func decodeAndEncode(_ c: CharsetCase) throws {
        let set = try SpecificCharacterSet(c.value)
        #expect(try set.decode(c.bytes, vr: .PN) == c.text)
        #expect(set.decodeLossy(c.bytes, vr: .PN) == c.text)
        if c.roundTrips {
            #expect(try set.encode(c.text, vr: .PN) == c.bytes)
        } else {
            #expect(try set.decode(set.encode(c.text, vr: .PN), vr: .PN) == c.text)
        }
    }

    static let singleByteTerms = ["ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144", "ISO_IR 127",
                                  "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 166"]

    /// Every byte a set defines decodes to one character that encodes back to it;
    /// ISO 8859 has 96 graphic characters at most in 0xA0…0xFF.
    @Test(arguments: singleByteTerms) func singleByteRoundTrip(term: String) throws {
        let set = try SpecificCharacterSet(term)
        var defined = 0
        for byte in UInt8(0xA0)...0xFF {
            guard let text = try? set.decode([byte]) else { continue }
            defined += 1
            #expect(text.unicodeScalars.count == 1)
            #expect(try set.encode(text) == [byte], "\(term) 0x\(String(byte, radix: 16))")
        }
        #expect(defined > 80 || term == "ISO_IR 127" || term == "ISO_IR 138")
        #expect(try set.encode("Plain ASCII 0-9 ~") == Array("Plain ASCII 0-9 ~".utf8))
    }

    static let encodeFailures: [(String, String, CharacterSetError)] = [
        ("", "Müller", .unrepresentable("ü", characterSet: "ASCII")),
        ("ISO_IR 6", "Ø", .unrepresentable("Ø", characterSet: "ASCII")),
        ("ISO_IR 100", "Łódź", .unrepresentable("Ł", characterSet: "ISO_IR 100")),
        ("ISO_IR 100", "山田", .unrepresentable("山", characterSet: "ISO_IR 100")),
        ("ISO_IR 144", "Müller", .unrepresentable("ü", characterSet: "ISO_IR 144")),
        ("GBK", "\u{10000}", .unrepresentable("\u{10000}", characterSet: "GBK")),
        ("\\ISO 2022 IR 87", "김", .unrepresentable("김", characterSet: "\\ISO 2022 IR 87")),
        ("ISO 2022 IR 100", "Δ", .unrepresentable("Δ", characterSet: "ISO 2022 IR 100")),
    ]

    @Test(arguments: encodeFailures) func unrepresentable(_ value: String, _ text: String, _ error: CharacterSetError) throws {
        let set = try SpecificCharacterSet(value)
        #expect(throws: error) { try set.encode(text) }
        #expect(!set.canEncode(text))
    }

    static let decodeFailures: [(String, [UInt8], CharacterSetError, String)] = [
        ("", [0x4D, 0xFC, 0x6C], .invalidBytes(offset: 1, characterSet: "ASCII"), "M\u{FFFD}l"),
        ("ISO_IR 192", [0x41, 0xC3], .invalidBytes(offset: 1, characterSet: "ISO_IR 192"), "A\u{FFFD}"),
        ("ISO_IR 192", [0xE0, 0x80, 0x80], .invalidBytes(offset: 0, characterSet: "ISO_IR 192"), "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("ISO_IR 192", [0xED, 0xA0, 0x80], .invalidBytes(offset: 0, characterSet: "ISO_IR 192"), "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("ISO_IR 192", [0xFF], .invalidBytes(offset: 0, characterSet: "ISO_IR 192"), "\u{FFFD}"),
        ("ISO_IR 127", [0x41, 0xA1], .invalidBytes(offset: 1, characterSet: "ISO_IR 127"), "A\u{FFFD}"),   // unassigned in 8859-6
        ("GB18030", [0x41, 0x81], .invalidBytes(offset: 1, characterSet: "GB18030"), "A\u{FFFD}"),        // truncated
        ("\\ISO 2022 IR 87", [esc, 0x24, 0x42, 0x3B], .invalidBytes(offset: 3, characterSet: "\\ISO 2022 IR 87"), "\u{FFFD}"),
        ("\\ISO 2022 IR 87", [esc, 0x25, 0x41], .invalidBytes(offset: 0, characterSet: "\\ISO 2022 IR 87"), "\u{FFFD}%A"),
    ]

    @Test(arguments: decodeFailures) func invalidBytes(_ value: String, _ data: [UInt8], _ error: CharacterSetError, _ lossy: String) throws {
        let set = try SpecificCharacterSet(value)
        #expect(throws: error) { try set.decode(data) }
        #expect(set.decodeLossy(data) == lossy)
    }

    static let badValues: [(String, CharacterSetError)] = [
        ("ISO_IR 999", .unsupported(term: "ISO_IR 999")),
        ("ISO-IR 100", .unsupported(term: "ISO-IR 100")),
        ("iso_ir 100", .unsupported(term: "iso_ir 100")),
        ("ISO_IR 100\\ISO_IR 192", .cannotBeCombined(term: "ISO_IR 192")),
        ("GB18030\\ISO 2022 IR 58", .cannotBeCombined(term: "GB18030")),
        ("\\ISO 2022 IR 999", .unsupported(term: "ISO 2022 IR 999")),
    ]

    @Test(arguments: badValues) func unsupportedValues(_ value: String, _ error: CharacterSetError) {
        #expect(throws: error) { try SpecificCharacterSet(value) }
    }

    @Test func unsupportedMessageNamesTheTerm() {
        #expect(CharacterSetError.unsupported(term: "ISO_IR 999").description
                == "Specific Character Set \"ISO_IR 999\" is not supported")
    }

    @Test func namesAndProperties() throws {
        #expect(SpecificCharacterSet.ascii.description == "ASCII")
        #expect(try SpecificCharacterSet("").isASCII)
        #expect(try SpecificCharacterSet("ISO 2022 IR 6").isASCII)
        #expect(try SpecificCharacterSet(" ISO_IR 100 ") == .latin1)
        #expect(SpecificCharacterSet.latin1.description == "ISO_IR 100")
        #expect(SpecificCharacterSet.utf8.isUTF8)
        let japanese = try SpecificCharacterSet("\\ISO 2022 IR 87")
        #expect(japanese.value == "\\ISO 2022 IR 87")
        #expect(japanese.definedTerms == ["", "ISO 2022 IR 87"])
        #expect(japanese.usesCodeExtensions)
        #expect(!SpecificCharacterSet.latin1.usesCodeExtensions)
        #expect(try SpecificCharacterSet(terms: []) == .ascii)
        #expect(SpecificCharacterSet.supportedTerms.contains("ISO 2022 IR 159"))
    }

    /// DCMTK's C-FIND response conversion (spec §6.6): Latin-1 → ASCII fails for
    /// `Müller`, Latin-1 → UTF-8 succeeds, ASCII data converts to anything.
    @Test func conversions() throws {
        let muller: [UInt8] = [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72]
        #expect(throws: CharacterSetError.unrepresentable("ü", characterSet: "ASCII")) {
            try SpecificCharacterSet.convert(muller, from: .latin1, to: .ascii)
        }
        #expect(try SpecificCharacterSet.convert(muller, from: .latin1, to: .utf8) == [0x4D, 0xC3, 0xBC, 0x6C, 0x6C, 0x65, 0x72])
        #expect(try SpecificCharacterSet.convert([0x4D, 0xC3, 0xBC], from: .utf8, to: .latin1) == [0x4D, 0xFC])
        #expect(try SpecificCharacterSet.convert(Array("Doe^John".utf8), from: .ascii, to: SpecificCharacterSet("\\ISO 2022 IR 87"))
                == Array("Doe^John".utf8))
        #expect(throws: CharacterSetError.invalidBytes(offset: 1, characterSet: "ISO_IR 192")) {
            try SpecificCharacterSet.convert([0x4D, 0xFC], from: .utf8, to: .latin1)
        }
        let japanese = try SpecificCharacterSet("\\ISO 2022 IR 87")
        let utf8Name = Array("山田^太郎".utf8)
        let converted = try SpecificCharacterSet.convert(utf8Name, from: .utf8, to: japanese, vr: .PN)
        #expect(converted == bytes([esc], "$B;3ED", [esc], "(B^", [esc], "$BB@O:", [esc], "(B"))
    }

    /// Outside PN, `^` and `=` are ordinary characters: no return to ASCII before them.
    @Test func delimitersOnlyInPersonNames() throws {
        let japanese = try SpecificCharacterSet("\\ISO 2022 IR 87")
        #expect(try japanese.encode("山=", vr: .LO) == bytes([esc], "$B;3", [esc], "(B="))
        #expect(try japanese.encode("山\\田", vr: .LO) == bytes([esc], "$B;3", [esc], "(B\\", [esc], "$BED", [esc], "(B"))
    }
}
