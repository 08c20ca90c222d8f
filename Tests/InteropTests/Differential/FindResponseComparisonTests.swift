import QuarryTestSupport
import Testing

/// The comparison itself, on hand-made answers: it must see what differs and
/// let through what issue 6 allows.
@Suite("Differential C-FIND comparison")
struct FindResponseComparisonTests {
    static let instances: [[String: String]] = [
        ["PatientID": "P1", "StudyInstanceUID": "1.1", "StudyDescription": "Head", "Modality": "CT"],
        ["PatientID": "P1", "StudyInstanceUID": "1.1", "StudyDescription": "Head", "Modality": "MR"],
        ["PatientID": "P1", "StudyInstanceUID": "1.2", "StudyDescription": "Knee", "Modality": "MR"],
        ["PatientID": "P1", "StudyInstanceUID": "1.2", "StudyDescription": "Knee (edited)", "Modality": "MR"],
    ]
    static let query = DifferentialQuery(
        name: "studies", operation: .find(.studyRoot, ["QueryRetrieveLevel": "STUDY", "StudyInstanceUID": "",
                                                      "StudyDescription": "", "Modality": ""]))

    static func study(_ uid: String, _ description: String, _ modality: String,
                      extra: [String: String] = [:]) -> QRResponse {
        let identifier = ["QueryRetrieveLevel": "STUDY", "RetrieveAETitle": "STORE", "StudyInstanceUID": uid,
                          "StudyDescription": description, "Modality": modality].merging(extra) { $1 }
        return QRResponse(status: 0xFF00, identifier: identifier)
    }

    static func result(_ pending: [QRResponse], final: UInt16 = 0) -> QROperationResult {
        QROperationResult(responses: pending + [QRResponse(status: final)], finalStatus: final, error: nil,
                          received: [], receivedTransferSyntaxes: [])
    }

    let comparison = FindResponseComparison(instances: instances)
    let reference = result([study("1.1", "Head", "CT"), study("1.2", "Knee", "MR")])

    @Test func sameAnswersInAnotherOrderAgree() {
        let candidate = Self.result([Self.study("1.2", "Knee", "MR"), Self.study("1.1", "Head", "CT")])
        #expect(comparison.differences(Self.query, reference: reference, candidate: candidate).isEmpty)
    }

    @Test func valuesWhereInstancesDisagreeAreNotCompared() {
        // Study 1.1 mixes CT and MR; study 1.2's description was edited on one instance.
        let candidate = Self.result([Self.study("1.1", "Head", "MR"), Self.study("1.2", "Knee (edited)", "MR")])
        #expect(comparison.differences(Self.query, reference: reference, candidate: candidate).isEmpty)
    }

    @Test func keysDcmqrscpDropsMayBeAdded() {
        let candidate = Self.result([Self.study("1.1", "Head", "CT", extra: ["ModalitiesInStudy": "CT\\MR"]),
                                     Self.study("1.2", "Knee", "MR", extra: ["ModalitiesInStudy": "MR"])])
        #expect(comparison.differences(Self.query, reference: reference, candidate: candidate).isEmpty)
    }

    @Test func aMissingMatchIsADifference() {
        let candidate = Self.result([Self.study("1.1", "Head", "CT")])
        #expect(!comparison.differences(Self.query, reference: reference, candidate: candidate).isEmpty)
    }

    @Test func aChangedValueWhereInstancesAgreeIsADifference() {
        let candidate = Self.result([Self.study("1.1", "Brain", "CT"), Self.study("1.2", "Knee", "MR")])
        let found = comparison.differences(Self.query, reference: reference, candidate: candidate)
        #expect(found.count == 1)
        #expect(found.first?.contains("StudyDescription") == true)
    }

    @Test func aSupportedKeyLeftOutIsADifference() {
        var response = Self.study("1.1", "Head", "CT")
        response.identifier?["RetrieveAETitle"] = nil
        let candidate = Self.result([response, Self.study("1.2", "Knee", "MR")])
        #expect(!comparison.differences(Self.query, reference: reference, candidate: candidate).isEmpty)
    }

    @Test func aDifferentFinalStatusIsADifference() {
        let candidate = Self.result([], final: 0xC000)
        let found = comparison.differences(Self.query, reference: Self.result([], final: 0xA900), candidate: candidate)
        #expect(found.contains { $0.contains("0xA900") && $0.contains("0xC000") })
    }

    @Test func aSubsetExpectationAcceptsFewerMatchesButNotOthers() {
        var query = Self.query
        query.expectation = .subsetOfReference(reason: "test")
        let fewer = Self.result([Self.study("1.2", "Knee", "MR")])
        #expect(comparison.differences(query, reference: reference, candidate: fewer).isEmpty)
        let other = Self.result([Self.study("1.3", "Foot", "MR")])
        #expect(!comparison.differences(query, reference: reference, candidate: other).isEmpty)
    }
}
