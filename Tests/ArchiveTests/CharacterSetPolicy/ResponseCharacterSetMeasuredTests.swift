import Archive
import DICOM
import Testing

/// One response as dcmqrscp 3.6.7 sent it (measured with findscu -X against
/// `dcmqrscp -v` on fixture F1 plus records P006–P009, Study Root, STUDY level,
/// keys StudyDescription, PatientName, PatientID), with its log lines.
struct MeasuredResponse: Sendable, CustomStringConvertible {
    var setting: String
    var policy: ResponseCharacterSetPolicy
    var request: String
    var record: CharsetRecord
    /// The (0008,0005) of the response; nil: none.
    var responseCharacterSet: String?
    /// The character set the values arrive in.
    var valuesIn: String
    var log: [String]

    var description: String { "\(setting), request [\(request)], \(record)" }
}

private let none = ResponseCharacterSetPolicy.CommandLineChoices()
private func policy(_ terms: [String]?, _ cmd: ResponseCharacterSetPolicy.CommandLineChoices = none) -> ResponseCharacterSetPolicy {
    ResponseCharacterSetPolicy(configurationTerms: terms, commandLine: cmd)
}
private typealias L = DCMTKLine

@Suite struct ResponseCharacterSetMeasuredTests {
    static let defaults = policy(nil)
    static let utf8Override = policy(["ISO_IR 192", "override"])
    static let utf8Only = policy(["ISO_IR 192"])
    static let utf8Fallback = policy(["ISO_IR 192", "fallback"])
    static let asciiOverride = policy(["override"])
    static let latin1OverrideFallback = policy(["ISO_IR 100", "override", "fallback"])

    static let table: [MeasuredResponse] = [
        // No SpecificCharacterSet line: convert to the request's set, fall back to ASCII.
        .init(setting: "default", policy: defaults, request: "", record: .p001, responseCharacterSet: nil, valuesIn: "", log: []),
        .init(setting: "default", policy: defaults, request: "", record: .p004, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 192", "ASCII", encoding: "ASCII")),
        .init(setting: "default", policy: defaults, request: "", record: .p005, responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100",
              log: L.failure("ISO_IR 100", "ASCII", encoding: "ASCII")),
        .init(setting: "default", policy: defaults, request: "", record: .p007, responseCharacterSet: "ISO_IR 144", valuesIn: "ISO_IR 144",
              log: L.failure("ISO_IR 144", "ASCII", encoding: "ASCII")),
        .init(setting: "default", policy: defaults, request: "", record: .p008, responseCharacterSet: nil, valuesIn: "",
              log: [L.converted("ISO_IR 100", "ASCII")]),
        .init(setting: "default", policy: defaults, request: "ISO_IR 192", record: .p001, responseCharacterSet: nil, valuesIn: "", log: []),
        .init(setting: "default", policy: defaults, request: "ISO_IR 192", record: .p004, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192", log: []),
        .init(setting: "default", policy: defaults, request: "ISO_IR 192", record: .p005, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: [L.converted("ISO_IR 100", "ISO_IR 192")]),
        .init(setting: "default", policy: defaults, request: "ISO_IR 192", record: .p007, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: [L.converted("ISO_IR 144", "ISO_IR 192")]),
        .init(setting: "default", policy: defaults, request: "ISO_IR 192", record: .p008, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: [L.converted("ISO_IR 100", "ISO_IR 192")]),
        .init(setting: "default", policy: defaults, request: "ISO_IR 100", record: .p001, responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100",
              log: [L.converted("ASCII", "ISO_IR 100")]),
        .init(setting: "default", policy: defaults, request: "ISO_IR 100", record: .p004, responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100",
              log: [L.converted("ISO_IR 192", "ISO_IR 100")]),
        .init(setting: "default", policy: defaults, request: "ISO_IR 100", record: .p006, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 192", "ISO_IR 100", encoding: "ISO-8859-1") + [L.trying("ISO_IR 192", "ASCII")]
                + L.failure("ISO_IR 192", "ASCII", encoding: "ASCII")),
        .init(setting: "default", policy: defaults, request: "ISO_IR 144", record: .p005, responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100",
              log: L.failure("ISO_IR 100", "ISO_IR 144", encoding: "ISO-8859-5") + [L.trying("ISO_IR 100", "ASCII")]
                + L.failure("ISO_IR 100", "ASCII", encoding: "ASCII")),
        .init(setting: "default", policy: defaults, request: "ISO_IR 144", record: .p008, responseCharacterSet: "ISO_IR 144", valuesIn: "ISO_IR 144",
              log: [L.converted("ISO_IR 100", "ISO_IR 144")]),
        // SpecificCharacterSet = "ISO_IR 192", override: everything non-ASCII to UTF-8, whatever the request.
        .init(setting: "\"ISO_IR 192\", override", policy: utf8Override, request: "", record: .p001, responseCharacterSet: nil, valuesIn: "", log: []),
        .init(setting: "\"ISO_IR 192\", override", policy: utf8Override, request: "", record: .p004, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192", log: []),
        .init(setting: "\"ISO_IR 192\", override", policy: utf8Override, request: "", record: .p005, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: [L.converted("ISO_IR 100", "ISO_IR 192")]),
        .init(setting: "\"ISO_IR 192\", override", policy: utf8Override, request: "ISO_IR 100", record: .p005, responseCharacterSet: "ISO_IR 192",
              valuesIn: "ISO_IR 192", log: [L.converted("ISO_IR 100", "ISO_IR 192")]),
        .init(setting: "\"ISO_IR 192\", override", policy: utf8Override, request: "ISO_IR 100", record: .p001, responseCharacterSet: nil, valuesIn: "", log: []),
        // SpecificCharacterSet = "ISO_IR 192": a line without `fallback` turns falling back off.
        .init(setting: "\"ISO_IR 192\"", policy: utf8Only, request: "", record: .p005, responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100",
              log: L.failure("ISO_IR 100", "ASCII", encoding: "ASCII")),
        .init(setting: "\"ISO_IR 192\"", policy: utf8Only, request: "ISO_IR 100", record: .p006, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 192", "ISO_IR 100", encoding: "ISO-8859-1")),
        // SpecificCharacterSet = "ISO_IR 192", fallback
        .init(setting: "\"ISO_IR 192\", fallback", policy: utf8Fallback, request: "", record: .p004, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 192", "ASCII", encoding: "ASCII") + [L.notNecessary("ISO_IR 192")]),
        .init(setting: "\"ISO_IR 192\", fallback", policy: utf8Fallback, request: "", record: .p005, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 100", "ASCII", encoding: "ASCII") + [L.trying("ISO_IR 100", "ISO_IR 192"), L.converted("ISO_IR 100", "ISO_IR 192")]),
        .init(setting: "\"ISO_IR 192\", fallback", policy: utf8Fallback, request: "", record: .p008, responseCharacterSet: nil, valuesIn: "",
              log: [L.converted("ISO_IR 100", "ASCII")]),
        // SpecificCharacterSet = override: to ASCII whatever the request, no fall-back.
        .init(setting: "override", policy: asciiOverride, request: "ISO_IR 144", record: .p001, responseCharacterSet: nil, valuesIn: "", log: []),
        .init(setting: "override", policy: asciiOverride, request: "ISO_IR 144", record: .p005, responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100",
              log: L.failure("ISO_IR 100", "ASCII", encoding: "ASCII")),
        // SpecificCharacterSet = "ISO_IR 100", override, fallback: the request's set is the fall-back.
        .init(setting: "\"ISO_IR 100\", override, fallback", policy: latin1OverrideFallback, request: "", record: .p001,
              responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100", log: [L.converted("ASCII", "ISO_IR 100")]),
        .init(setting: "\"ISO_IR 100\", override, fallback", policy: latin1OverrideFallback, request: "", record: .p006,
              responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 192", "ISO_IR 100", encoding: "ISO-8859-1") + [L.trying("ISO_IR 192", "ASCII")]
                + L.failure("ISO_IR 192", "ASCII", encoding: "ASCII")),
        .init(setting: "\"ISO_IR 100\", override, fallback", policy: latin1OverrideFallback, request: "ISO_IR 192", record: .p006,
              responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 192", "ISO_IR 100", encoding: "ISO-8859-1") + [L.notNecessary("ISO_IR 192")]),
        .init(setting: "\"ISO_IR 100\", override, fallback", policy: latin1OverrideFallback, request: "ISO_IR 192", record: .p007,
              responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 144", "ISO_IR 100", encoding: "ISO-8859-1")
                + [L.trying("ISO_IR 144", "ISO_IR 192"), L.converted("ISO_IR 144", "ISO_IR 192")]),
        .init(setting: "\"ISO_IR 100\", override, fallback", policy: latin1OverrideFallback, request: "ISO_IR 100", record: .p007,
              responseCharacterSet: "ISO_IR 144", valuesIn: "ISO_IR 144", log: L.failure("ISO_IR 144", "ISO_IR 100", encoding: "ISO-8859-1")),
        .init(setting: "\"ISO_IR 100\", override, fallback", policy: latin1OverrideFallback, request: "ISO_IR 144", record: .p007,
              responseCharacterSet: "ISO_IR 144", valuesIn: "ISO_IR 144",
              log: L.failure("ISO_IR 144", "ISO_IR 100", encoding: "ISO-8859-1") + [L.notNecessary("ISO_IR 144")]),
        // The command line, alone and on top of the file.
        .init(setting: "-Cr +U8", policy: policy(nil, .init(overridesRequest: true, characterSet: "ISO_IR 192")), request: "ISO_IR 100",
              record: .p005, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192", log: [L.converted("ISO_IR 100", "ISO_IR 192")]),
        .init(setting: "+U8", policy: policy(nil, .init(characterSet: "ISO_IR 192")), request: "", record: .p005,
              responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 100", "ASCII", encoding: "ASCII") + [L.trying("ISO_IR 100", "ISO_IR 192"), L.converted("ISO_IR 100", "ISO_IR 192")]),
        .init(setting: "\"ISO_IR 192\", override + +Cr", policy: policy(["ISO_IR 192", "override"], .init(overridesRequest: false)), request: "",
              record: .p005, responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100", log: L.failure("ISO_IR 100", "ASCII", encoding: "ASCII")),
        .init(setting: "\"ISO_IR 192\", fallback + -Cr", policy: policy(["ISO_IR 192", "fallback"], .init(overridesRequest: true)),
              request: "ISO_IR 100", record: .p005, responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: [L.converted("ISO_IR 100", "ISO_IR 192")]),
        .init(setting: "\"ISO_IR 192\", fallback + +A7", policy: policy(["ISO_IR 192", "fallback"], .init(characterSet: "")), request: "",
              record: .p005, responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100", log: L.failure("ISO_IR 100", "ASCII", encoding: "ASCII")),
        .init(setting: "+L1 -Cr", policy: policy(nil, .init(overridesRequest: true, characterSet: "ISO_IR 100")), request: "", record: .p004,
              responseCharacterSet: "ISO_IR 100", valuesIn: "ISO_IR 100", log: [L.converted("ISO_IR 192", "ISO_IR 100")]),
        .init(setting: "+L1 -Cr", policy: policy(nil, .init(overridesRequest: true, characterSet: "ISO_IR 100")), request: "", record: .p006,
              responseCharacterSet: "ISO_IR 192", valuesIn: "ISO_IR 192",
              log: L.failure("ISO_IR 192", "ISO_IR 100", encoding: "ISO-8859-1") + [L.trying("ISO_IR 192", "ASCII")]
                + L.failure("ISO_IR 192", "ASCII", encoding: "ASCII")),
    ]

    @Test(arguments: table)
    func responseAsDCMTKSentIt(_ m: MeasuredResponse) throws {
        let outcome = m.policy.apply(to: m.record.storedElements, recordCharacterSet: m.record.characterSet,
                                     requestCharacterSet: m.request)
        #expect(outcome.specificCharacterSet == m.responseCharacterSet)
        #expect(outcome.elements == (try m.record.elements(in: m.valuesIn)))
        #expect(outcome.messages.map(\.description) == m.log)
    }

    @Test func messagesGoToTheLogInOrder() {
        let captured = StorageTestLog()
        _ = Self.utf8Fallback.apply(to: CharsetRecord.p005.storedElements, recordCharacterSet: "ISO_IR 100",
                                    requestCharacterSet: nil, log: captured.log)
        let expected = L.failure("ISO_IR 100", "ASCII", encoding: "ASCII")
            + [L.trying("ISO_IR 100", "ISO_IR 192"), L.converted("ISO_IR 100", "ISO_IR 192")]
        #expect(captured.text == expected.map { $0 + "\n" }.joined())
    }
}
