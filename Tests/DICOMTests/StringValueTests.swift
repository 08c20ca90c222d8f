import DICOM
import Testing

@Suite struct StringValueTests {
    static let personNames: [ParseCase] = [
        .ok("Doe^John"), .ok("Doe^John^Q^Dr^Jr"), .ok("Doe"), .ok("^John"),
        .ok("Doe^John^^^", "Doe^John"), .ok("Doe^John  ", "Doe^John"),
        .ok("Yamada^Tarou=山田^太郎=やまだ^たろう"), .ok("=山田^太郎", "=山田^太郎"), .ok("Doe==", "Doe"),
        .ok("Müller^Jürgen"), .ok("\u{1B}$B;3ED\u{1B}(B^\u{1B}$BB@O:\u{1B}(B"),   // ISO 2022 escapes kept
        .bad("", .empty), .bad("   ", .empty),
        .bad("A^B^C^D^E^F", .tooManyComponents(maximum: 5)), .bad("A=B=C=D", .tooManyComponents(maximum: 3)),
        .bad(String(repeating: "x", count: 65), .tooLong(maximum: 64)),
        .bad("Doe\\Roe", .invalidCharacter("\\", offset: 3)), .bad("Doe\nJohn", .invalidCharacter("\n", offset: 3)),
        .bad("Doe\rJohn", .invalidCharacter("\r", offset: 3)),
    ]

    @Test(arguments: personNames) func personName(_ c: ParseCase) { c.check(PersonName.self) }

    @Test func personNameComponents() throws {
        let name = try PersonName(parsing: "Yamada^Tarou^Q^Dr^Jr=山田^太郎=やまだ^たろう")
        #expect(name.alphabetic == PersonName.ComponentGroup(familyName: "Yamada", givenName: "Tarou", middleName: "Q",
                                                            namePrefix: "Dr", nameSuffix: "Jr"))
        #expect(name.ideographic.familyName == "山田" && name.ideographic.givenName == "太郎")
        #expect(name.phonetic.description == "やまだ^たろう")
        #expect(String(repeating: "x", count: 64).count == 64)
        #expect(throws: Never.self) { try PersonName(parsing: String(repeating: "x", count: 64) + "=" + String(repeating: "y", count: 64)) }
    }

    static let aeTitles: [ParseCase] = [
        .ok("STORESCP"), .ok("  STORESCP  ", "STORESCP"), .ok("A B"), .ok("ABCDEFGHIJKLMNOP"), .ok("lower-case_1.@"),
        .bad("", .empty), .bad("                ", .empty),
        .bad("ABCDEFGHIJKLMNOPQ", .tooLong(maximum: 16)),
        .bad("AE\\TITLE", .invalidCharacter("\\", offset: 2)), .bad("AE\tX", .invalidCharacter("\t", offset: 2)),
        .bad("AÉ", .invalidCharacter("É", offset: 1)),
    ]

    @Test(arguments: aeTitles) func aeTitle(_ c: ParseCase) { c.check(ApplicationEntityTitle.self) }

    static let codeStrings: [ParseCase] = [
        .ok("ORIGINAL"), .ok("ISO_IR 100"), .ok("CT ", "CT"), .ok(" MR", "MR"), .ok("ABCDEFGHIJKLMNOP"), .ok("A_1 2"),
        .bad("", .empty), .bad("ABCDEFGHIJKLMNOPQ", .tooLong(maximum: 16)),
        .bad("ct", .invalidCharacter("c", offset: 0)), .bad("ISO-IR", .invalidCharacter("-", offset: 3)),
        .bad("A\\B", .invalidCharacter("\\", offset: 1)),
    ]

    @Test(arguments: codeStrings) func codeString(_ c: ParseCase) { c.check(CodeString.self) }

    static let integerStrings: [ParseCase] = [
        .ok("0"), .ok("42"), .ok("-42"), .ok("+42", "42"), .ok("007", "7"), .ok(" 12 ", "12"),
        .ok("2147483647"), .ok("-2147483648"), .ok("+00000000001", "1"),
        .bad("", .empty), .bad("2147483648", .outOfRange(field: "integer")),
        .bad("-2147483649", .outOfRange(field: "integer")), .bad("1234567890123", .tooLong(maximum: 12)),
        .bad("+", .format(expected: "[+|-]digits")), .bad("1-2", .format(expected: "[+|-]digits")),
        .bad("1.5", .invalidCharacter(".", offset: 1)), .bad("1 2", .invalidCharacter(" ", offset: 1)),
    ]

    @Test(arguments: integerStrings) func integerString(_ c: ParseCase) { c.check(IntegerString.self) }

    static let dsForm = "[+|-]digits[.digits][E[+|-]digits]"
    static let decimalStrings: [ParseCase] = [
        .ok("0"), .ok("1.5"), .ok("-1.5"), .ok("+.5"), .ok("5."), .ok("1e10"), .ok("1.5E-3"), .ok(" 2.0 ", "2.0"),
        .ok("1234567890123456"),
        .bad("", .empty), .bad("12345678901234567", .tooLong(maximum: 16)),
        .bad(".", .format(expected: dsForm)), .bad("1e", .format(expected: dsForm)), .bad("1.2.3", .format(expected: dsForm)),
        .bad("--1", .format(expected: dsForm)), .bad("e5", .format(expected: dsForm)),
        .bad("1e999", .outOfRange(field: "decimal")),
        .bad("NaN", .invalidCharacter("N", offset: 0)), .bad("1,5", .invalidCharacter(",", offset: 1)),
    ]

    @Test(arguments: decimalStrings) func decimalString(_ c: ParseCase) { c.check(DecimalString.self) }

    @Test func decimalValues() throws {
        #expect(try DecimalString(parsing: "1.5E-3").value == 0.0015)
        #expect(try DecimalString(parsing: "-2").value == -2)
        #expect(try IntegerString(parsing: "-0042").value == -42)
    }

    static let ageStrings: [ParseCase] = [
        .ok("045Y"), .ok("000D"), .ok("012W"), .ok("006M"), .ok("999Y"),
        .bad("", .empty), .bad("45Y", .format(expected: "nnnD, nnnW, nnnM or nnnY")),
        .bad("0045Y", .format(expected: "nnnD, nnnW, nnnM or nnnY")),
        .bad("045", .format(expected: "nnnD, nnnW, nnnM or nnnY")),
        .bad("Y045", .format(expected: "nnnD, nnnW, nnnM or nnnY")),
        .bad("045y", .invalidCharacter("y", offset: 3)), .bad("045X", .invalidCharacter("X", offset: 3)),
    ]

    @Test(arguments: ageStrings) func ageString(_ c: ParseCase) { c.check(AgeString.self) }

    @Test func ageFields() throws {
        let age = try AgeString(parsing: "045Y")
        #expect(age.count == 45 && age.unit == .years)
    }

    @Test func multipleValues() throws {
        #expect(ValueMultiplicity.split("A\\B\\\\C") == ["A", "B", "", "C"])
        #expect(ValueMultiplicity.split("") == [""])
        #expect(try CodeString.parseValues("ORIGINAL\\PRIMARY\\AXIAL").map(\.value) == ["ORIGINAL", "PRIMARY", "AXIAL"])
        #expect(try IntegerString.parseValues("1\\-2\\ 3").map(\.value) == [1, -2, 3])
        #expect(throws: InvalidValue(.IS, "x", .invalidCharacter("x", offset: 0))) { try IntegerString.parseValues("1\\x") }
        #expect(throws: InvalidValue(.CS, "", .empty)) { try CodeString.parseValues("A\\") }
    }
}
