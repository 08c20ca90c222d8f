import Archive
import DICOM
import QuarryTestSupport

/// Fixture F1 (spec §0) stored in a real `JournalIndex`, each instance with the
/// values of every level and, for the two Müller patients, its text in its own
/// Specific Character Set: P004 in ISO_IR 192, P005 in ISO_IR 100. Built from
/// `fixtureF1()`, so the index and the reference tree walk see the same data.
struct IndexedF1 {
    let directory: TemporaryDirectory
    let index: JournalIndex
    let tree: [FixtureNode]

    static let characterSets = ["P004": "ISO_IR 192", "P005": "ISO_IR 100"]

    init() throws {
        directory = try TemporaryDirectory("quarry-f1-index")
        index = try JournalIndex(directory: directory.path, decoder: .specificCharacterSet)
        tree = fixtureF1()
        for patient in tree {
            for study in patient.children {
                for series in study.children {
                    for instance in series.children {
                        _ = try index.add(Self.record([patient, study, series, instance]), quota: .unlimited)
                    }
                }
            }
        }
    }

    func snapshot() throws -> IndexSnapshot { try index.snapshot() }

    /// One instance record with the stored values of the path's nodes (computed values left out).
    static func record(_ path: [FixtureNode]) throws -> InstanceRecord {
        let patientID = path[0].values[.patientID] ?? ""
        let characterSet = characterSets[patientID] ?? ""
        let set = try SpecificCharacterSet(characterSet)
        let instance = path[3].values
        let sop = instance[.sopInstanceUID] ?? ""
        var record = InstanceRecord(fileName: "CT_\(sop).dcm", fileSize: 1000,
                                    transferSyntaxUID: "1.2.840.10008.1.2.1",
                                    sopClassUID: instance[Tag(0x0008, 0x0016)] ?? "", sopInstanceUID: sop,
                                    specificCharacterSet: characterSet)
        for node in path {
            for (tag, text) in node.values where IndexedAttributes.stored(at: node.recordLevel).contains(tag) {
                let vr = DataDictionary.vr(for: tag)
                if vr == .US {
                    let n = UInt16(text) ?? 0
                    record.attributes[tag] = [UInt8(n & 0xFF), UInt8(n >> 8)]
                } else {
                    record.attributes[tag] = vr.usesSpecificCharacterSet ? try set.encode(text, vr: vr) : Array(text.utf8)
                }
            }
        }
        return record
    }
}

extension IndexSnapshot {
    /// The unique key of each entity.
    func uniqueKeys(_ entities: [IndexEntity]) -> [String] {
        entities.map { string($0.level.uniqueKey, of: $0) ?? "?" }
    }
}

extension FixtureNode {
    var uniqueKey: String { values[recordLevel.uniqueKey] ?? "?" }
}
