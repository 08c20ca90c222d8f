import DICOM
import Testing

struct UIDCase: Sendable, CustomStringConvertible {
    var text: String
    var errors: [UIDValidation.Problem] = []
    var irregularities: [UIDValidation.Problem] = []
    var description: String { "\"\(text.debugDescription.dropFirst().dropLast())\"" }
}

@Suite struct UniqueIdentifierTests {
    static let sixtyFour = "1.2.840.10008." + String(repeating: "1", count: 50)          // 64 characters
    static let sixtyFive = sixtyFour + "1"

    static let cases: [UIDCase] = [
        .init(text: "1.2.840.10008.5.1.4.1.1.2"),
        .init(text: "1.2.840.10008.5.1.4.1.1.2\0"),                 // NUL padding
        .init(text: "1.2.3 "),                                       // space padding, tolerated
        .init(text: "0.0"), .init(text: "2.25.0"), .init(text: "1.20.300"),
        .init(text: sixtyFour),
        // Irregular: stored with a warning.
        .init(text: sixtyFive, irregularities: [.tooLong(length: 65)]),
        .init(text: "1.02.3", irregularities: [.leadingZero(index: 2)]),
        .init(text: "1..2", irregularities: [.emptyComponent(index: 2)]),
        .init(text: ".1.2", irregularities: [.emptyComponent(index: 1)]),
        .init(text: "1.2.", irregularities: [.emptyComponent(index: 3)]),
        .init(text: sixtyFive + ".01", irregularities: [.tooLong(length: 68), .leadingZero(index: 6)]),
        // Errors: refused.
        .init(text: "", errors: [.empty]),
        .init(text: "\0\0", errors: [.empty]),
        .init(text: "1.2\u{0}3", errors: [.containsNUL(offset: 3)]),
        .init(text: "1.2/3", errors: [.containsSlash(offset: 3)]),
        .init(text: "1.2\\1.3", errors: [.containsBackslash(offset: 3)]),
        .init(text: "1.2.a", errors: [.invalidCharacter("a", offset: 4)]),
        .init(text: " 1.2", errors: [.invalidCharacter(" ", offset: 0)]),
        .init(text: "1.2-3", errors: [.invalidCharacter("-", offset: 3)]),
        .init(text: "../x", errors: [.containsSlash(offset: 2), .invalidCharacter("x", offset: 3)],
              irregularities: [.emptyComponent(index: 1)]),
    ]

    @Test(arguments: cases) func validation(_ c: UIDCase) throws {
        let v = UniqueIdentifier.validate(c.text)
        #expect(v.errors == c.errors)
        #expect(v.irregularities == c.irregularities)
        #expect(v.isAcceptable == c.errors.isEmpty)
        #expect(v.isValid == (c.errors.isEmpty && c.irregularities.isEmpty))
        #expect(v.errors.allSatisfy(\.isError) && !v.irregularities.contains(where: \.isError))
        if let first = c.errors.first ?? c.irregularities.first {
            #expect(throws: InvalidValue(.UI, c.text, first.reason)) { try UniqueIdentifier(parsing: c.text) }
        } else {
            let uid = try UniqueIdentifier(parsing: c.text)
            #expect(uid.value == c.text.trimmingCharacters(in: ["\0", " "]))
        }
    }

    @Test func numericOrder() throws {
        #expect(try UniqueIdentifier(parsing: "1.2.9") < UniqueIdentifier(parsing: "1.2.10"))
        #expect(try UniqueIdentifier(parsing: "1.2") < UniqueIdentifier(parsing: "1.2.0"))
        #expect(try !(UniqueIdentifier(parsing: "1.3") < UniqueIdentifier(parsing: "1.2.5")))
    }

    @Test func problemDescriptions() {
        #expect(UIDValidation.Problem.tooLong(length: 70).description == "70 characters, more than 64")
        #expect(UIDValidation.Problem.containsNUL(offset: 3).description == "invalid character U+0000 at offset 3")
        #expect(InvalidValue(.UI, "1.02", .leadingZero(index: 2)).description
                == "invalid UI value \"1.02\": component 2 has a leading zero")
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
