import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

@Suite struct DCMTKIndexFileTests {
    static let root = "1.2.826.0.1.3680043.8.498.5550"

    static func instance(_ n: Int, path: String, study: Int, name: String = "Doe^John", characterSet: String = "ISO_IR 100") -> DCMQRIndexFixture.Instance {
        DCMQRIndexFixture.Instance(path: path, sopInstanceUID: "\(root).3.\(n)", studyInstanceUID: "\(root).1.\(study)",
                                   seriesInstanceUID: "\(root).2.\(study)", patientName: name, patientID: "P\(study)",
                                   modality: n.isMultiple(of: 2) ? "CT" : "MR", characterSet: characterSet)
    }

    /// Files in the area (as dcmqrscp stores them), beside it (relative, as
    /// dcmqridx is usually run) and by absolute path.
    static func buildArea() throws -> (DCMQRIndexFixture, files: [String]) {
        let fixture = try DCMQRIndexFixture()
        let absolute = fixture.folder.path + "/elsewhere/e5.dcm"
        let instances = [
            instance(1, path: "STORE/CT_6b03b78a61fb6218.dcm", study: 1),
            instance(2, path: "STORE/MR_6b03b791d5633560.dcm", study: 1),
            instance(3, path: "incoming/a3.dcm", study: 2, name: "Müller^Jürgen", characterSet: "ISO_IR 192"),
            instance(4, path: "incoming/a4.dcm", study: 3, name: "Smith^Jane"),
            instance(5, path: "elsewhere/e5.dcm", study: 3, name: "Smith^Jane"),
        ]
        try fixture.write(instances)
        try FileManager.default.createDirectory(atPath: fixture.folder.path + "/STORE", withIntermediateDirectories: true)
        let files = ["STORE/CT_6b03b78a61fb6218.dcm", "STORE/MR_6b03b791d5633560.dcm", "incoming/a3.dcm", "incoming/a4.dcm"]
        try fixture.dcmqridx(["STORE"] + files)
        try fixture.dcmqridx(["-n", "STORE", absolute])   // registered as "not new"
        return (fixture, files + [absolute])
    }

    @Test func readsAnIndexWrittenByDcmqridxAsDcmqridxPrintsIt() throws {
        let (fixture, files) = try Self.buildArea()
        let dump = DCMQRIndexDump(try fixture.dcmqridx(["-p", "STORE"]).stdout)
        let index = try DCMTKIndexFile.read(atPath: fixture.folder.path + "/STORE/index.dat")

        #expect(index.slotCount == 5)
        #expect(index.trailingBytes == 0)
        #expect(dump.recordsInFile == 5)
        #expect(index.records.map(\.filename) == files)
        #expect(index.records.map(\.sopInstanceUID) == (1...5).map { "\(Self.root).3.\($0)" })
        #expect(index.records.map(\.studyInstanceUID) == ["1.1", "1.1", "1.2", "1.3", "1.3"].map { "\(Self.root).\($0)" })
        #expect(index.records.map(\.isNew) == [true, true, true, true, false])
        #expect(index.records.allSatisfy { $0.sopClassUID == "1.2.840.10008.5.1.4.1.1.2" })
        #expect(index.records[2].string(.patientName) == "Müller^Jürgen")
        #expect(index.records[2].string(.specificCharacterSet) == "ISO_IR 192")
        #expect(index.records[0].string(.accessionNumber) == "ACC01")
        #expect(index.records[1].string(.modality) == "CT")

        // Everything dcmqridx -p shows, field by field.
        let records = index.records.map {
            DCMQRIndexDump.Record(slot: $0.slot, isNew: $0.isNew, filename: $0.filename, imageSize: $0.imageSize,
                                  values: $0.values.map { String(decoding: $0, as: UTF8.self) }, description: $0.instanceDescription)
        }
        #expect(records == dump.records)
        #expect(dump.records.allSatisfy { $0.values.count == 38 })
        for (record, file) in zip(index.records, files) {
            let size = try FileManager.default.attributesOfItem(atPath: file.hasPrefix("/") ? file : fixture.folder.path + "/" + file)[.size] as? Int
            #expect(Int(record.imageSize) == size)
        }
        let studies = index.studies.map { DCMQRIndexDump.Study(slot: $0.slot, uid: $0.studyInstanceUID, size: $0.studySize, images: $0.numberOfImages) }
        #expect(studies == dump.studies)
        #expect(studies.map(\.images) == [2, 1, 2])
        #expect(index.studies.allSatisfy { abs($0.lastRecordedDate - Date().timeIntervalSince1970) < 3600 })
    }

    /// A deleted record is a slot with an empty file name (spec §5.6); a torn
    /// last slot is ignored, as DCMTK ignores it.
    @Test func freeSlotsAndATornTailAreSkipped() throws {
        let (fixture, files) = try Self.buildArea()
        let path = fixture.folder.path + "/STORE/index.dat"
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 6 + 44_000 + 8_032)
        handle.write(Data(count: 257))
        try handle.seekToEnd()
        handle.write(Data(repeating: 0x41, count: 100))
        try handle.close()

        let index = try DCMTKIndexFile.read(atPath: path)
        #expect(index.records.map(\.slot) == [0, 2, 3, 4])
        #expect(index.records.map(\.filename) == [files[0]] + files[2...])
        #expect(index.slotCount == 5)
        #expect(index.trailingBytes == 100)
        let dump = DCMQRIndexDump(try fixture.dcmqridx(["-p", "STORE"]).stdout)
        #expect(dump.records.map(\.slot) == [0, 2, 3, 4])
    }

    /// The messages are dcmqrscp's (spec §2.8): compared with what DCMTK prints for the same file.
    @Test(arguments: ["QRDB04", "QRDB0A", "XXXX05", "QRDBzz", "QRD"])
    func badHeadersAreReportedInDCMTKsWords(header: String) throws {
        let fixture = try DCMQRIndexFixture()
        try FileManager.default.createDirectory(atPath: fixture.folder.path + "/STORE", withIntermediateDirectories: true)
        try Data(header.utf8).write(to: fixture.folder.file("STORE/index.dat"))
        let dcmtk = try runProcess(TestEnvironment.dcmtk("dcmqridx"), ["-p", "STORE"], currentDirectory: fixture.folder.path)
        #expect(dcmtk.status == 1)
        // Same message; ours names the path as it was given to us.
        let path = fixture.folder.path + "/STORE/index.dat"
        let error = #expect(throws: DCMTKIndexError.self) { try DCMTKIndexFile.read(atPath: path) }
        #expect(error.map { "E: \($0)\n" } == dcmtk.stderr.replacingOccurrences(of: "STORE/index.dat", with: path))
    }

    @Test func aMissingIndexIsReportedAsDCMTKDoes() throws {
        let fixture = try DCMQRIndexFixture()
        let dcmtk = try runProcess(TestEnvironment.dcmtk("dcmqridx"), ["-p", "NOAREA"], currentDirectory: fixture.folder.path)
        let path = fixture.folder.path + "/NOAREA/index.dat"
        let error = #expect(throws: DCMTKIndexError.self) { try DCMTKIndexFile.read(atPath: path) }
        #expect(error.map { "E: \($0)\n" } == dcmtk.stderr.replacingOccurrences(of: "NOAREA/index.dat", with: path))
        #expect(dcmtk.stderr == "E: NOAREA/index.dat: No such file or directory\n")
    }

    /// DCMTK writes the header on first use: an empty file is an empty index.
    @Test func emptyAndHeaderOnlyFilesHoldNoRecords() throws {
        let fixture = try DCMQRIndexFixture()
        for content in ["", "QRDB05"] {
            try Data(content.utf8).write(to: fixture.folder.file("index.dat"))
            let index = try DCMTKIndexFile.read(atPath: fixture.folder.path + "/index.dat")
            #expect(index.records.isEmpty && index.studies.isEmpty && index.slotCount == 0)
        }
    }
}
