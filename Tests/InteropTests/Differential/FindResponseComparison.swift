import QuarryTestSupport

/// Compares the C-FIND answers of dcmqrscp (the reference) and of a
/// candidate server to one query, the way issue 6 asks: same statuses; the
/// same matches as multisets keyed by the unique keys present (order may
/// differ, spec §6.5 order is index-slot order); and, where every instance
/// of the matched entity agrees on a key, the same value of every key
/// dcmqrscp supports (spec §6.2). Keys outside that list are the
/// candidate's business (Quarry adds ModalitiesInStudy and others).
struct FindResponseComparison {
    /// Keys dcmqrscp returns (spec §6.2, §6.5), minus the intended differences.
    static let comparedKeys: Set<String> = {
        let table = [
            "PatientName", "PatientID", "IssuerOfPatientID", "PatientBirthDate", "PatientBirthTime", "PatientSex",
            "OtherPatientIDs", "OtherPatientNames", "EthnicGroup", "PatientComments",
            "StudyDate", "StudyTime", "AccessionNumber", "StudyID", "StudyInstanceUID", "ReferringPhysicianName",
            "StudyDescription", "NameOfPhysiciansReadingStudy", "AdmittingDiagnosesDescription", "PatientAge",
            "PatientSize", "PatientWeight", "Occupation", "AdditionalPatientHistory", "OtherStudyNumbers",
            "Modality", "SeriesNumber", "SeriesInstanceUID", "InstanceNumber", "SOPInstanceUID",
        ]
        let alwaysPresent = ["QueryRetrieveLevel", "RetrieveAETitle", "SpecificCharacterSet"]
        return Set(table + alwaysPresent).subtracting(intendedDifferences.keys)
    }()

    /// Keys dcmqrscp supports whose answers Quarry changes on purpose.
    static let intendedDifferences: [String: String] = [
        "PatientComments": "dcmqrscp accepts the key but never stores it (spec §6.2: never returned, a non-empty "
            + "value matches nothing); Quarry indexes, matches and returns it",
        "AdditionalPatientHistory": "as PatientComments (spec §6.2)",
    ]

    /// The unique keys, top down (spec §6.5: an entity is identified by them).
    static let uniqueKeys = ["PatientID", "StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"]

    /// Every stored instance: keyword → value, as pydicom decoded the files.
    var instances: [[String: String]]

    /// The differences, one line each; empty when the answers agree.
    func differences(_ query: DifferentialQuery, reference: QROperationResult,
                     candidate: QROperationResult) -> [String] {
        var found: [String] = []
        if reference.error != candidate.error {
            found.append("error: dcmqrscp \(reference.error ?? "none"), candidate \(candidate.error ?? "none")")
        }
        if reference.finalStatus != candidate.finalStatus {
            found.append("final status: dcmqrscp \(hex(reference.finalStatus)), "
                         + "candidate \(hex(candidate.finalStatus))")
        }
        let referenceGroups = Self.grouped(reference.pending)
        let candidateGroups = Self.grouped(candidate.pending)
        switch query.expectation {
        case .same:
            if reference.pending.count != candidate.pending.count {
                found.append("pending responses: dcmqrscp \(reference.pending.count), "
                             + "candidate \(candidate.pending.count)")
            }
            for identity in Set(referenceGroups.keys).union(candidateGroups.keys).sorted() {
                found += compare(identity, referenceGroups[identity] ?? [], candidateGroups[identity] ?? [])
            }
        case .subsetOfReference:
            for identity in candidateGroups.keys.sorted() {
                guard let expected = referenceGroups[identity] else {
                    found.append("[\(identity)] returned by the candidate only")
                    continue
                }
                found += compare(identity, expected, candidateGroups[identity] ?? [])
            }
        }
        return found
    }

    /// Responses grouped by the unique keys they carry ("" when none).
    static func grouped(_ responses: [QRResponse]) -> [String: [[String: String]]] {
        var groups: [String: [[String: String]]] = [:]
        for response in responses {
            let identifier = response.identifier ?? [:]
            let identity = uniqueKeys.compactMap { key in identifier[key].map { "\(key)=\($0)" } }
                .joined(separator: " ")
            groups[identity, default: []].append(identifier)
        }
        return groups
    }

    private func compare(_ identity: String, _ reference: [[String: String]],
                         _ candidate: [[String: String]]) -> [String] {
        let label = identity.isEmpty ? "[no unique key]" : "[\(identity)]"
        guard reference.count == candidate.count else {
            return ["\(label) responses: dcmqrscp \(reference.count), candidate \(candidate.count)"]
        }
        var found: [String] = []
        let present = Set(reference.flatMap(\.keys)).union(candidate.flatMap(\.keys))
        let keys = present.intersection(Self.comparedKeys).sorted()
        let members = entityInstances(identity, reference.first ?? [:])
        for key in keys {
            let referenceValues = reference.map { $0[key] }, candidateValues = candidate.map { $0[key] }
            if referenceValues.filter({ $0 == nil }).count != candidateValues.filter({ $0 == nil }).count {
                found.append("\(label) \(key) present: dcmqrscp \(describe(referenceValues)), "
                             + "candidate \(describe(candidateValues))")
                continue
            }
            // Values decided by the server, not by the stored instances.
            let serverDecided = key == "QueryRetrieveLevel" || key == "RetrieveAETitle"
            guard serverDecided || identity.isEmpty || instancesAgree(members, on: key) else { continue }
            if referenceValues.map(normalized).sorted() != candidateValues.map(normalized).sorted() {
                found.append("\(label) \(key): dcmqrscp \(describe(referenceValues)), "
                             + "candidate \(describe(candidateValues))")
            }
        }
        return found
    }

    /// The stored instances the identity names (all of them when it names none
    /// of the stored instances, which then only lets agreeing keys through).
    private func entityInstances(_ identity: String, _ identifier: [String: String]) -> [[String: String]] {
        let pairs = Self.uniqueKeys.compactMap { key in identifier[key].map { (key, trimmed($0)) } }
        let members = instances.filter { instance in pairs.allSatisfy { trimmed(instance[$0.0] ?? "") == $0.1 } }
        return members.isEmpty ? instances : members
    }

    private func instancesAgree(_ members: [[String: String]], on key: String) -> Bool {
        Set(members.map { trimmed($0[key] ?? "") }).count <= 1
    }

    private func normalized(_ value: String?) -> String { value.map(trimmed) ?? "<absent>" }
    private func trimmed(_ value: String) -> String {
        var characters = Substring(value)
        while characters.last == " " || characters.last == "\0" { characters.removeLast() }
        while characters.first == " " { characters.removeFirst() }
        return String(characters)
    }
    private func describe(_ values: [String?]) -> String {
        values.map { $0.map { "\"\($0)\"" } ?? "absent" }.sorted().joined(separator: ", ")
    }
}

func hex(_ status: UInt16?) -> String {
    guard let status else { return "none" }
    let digits = String(status, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
