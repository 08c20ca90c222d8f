import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

@Suite struct DCMTKIndexImportTests {
    /// An area indexed by dcmqridx: files inside it, beside it (relative
    /// paths) and elsewhere (absolute path); one file deleted since.
    @Test func importListsEachRecordedFileAndReportsTheMissingOne() throws {
        let (fixture, files) = try DCMTKIndexFileTests.buildArea()
        let root = fixture.folder.path
        try FileManager.default.removeItem(atPath: root + "/incoming/a3.dcm")
        let log = StorageTestLog()

        let result = try DCMTKIndexImport.load(area: root + "/STORE", workingDirectory: root, log: log.log)
        #expect(result.files.map(\.path) == [
            root + "/STORE/CT_6b03b78a61fb6218.dcm", root + "/STORE/MR_6b03b791d5633560.dcm",
            root + "/incoming/a4.dcm", root + "/elsewhere/e5.dcm",
        ])
        #expect(result.files.map(\.nameInArea) == ["CT_6b03b78a61fb6218.dcm", "MR_6b03b791d5633560.dcm", nil, nil])
        #expect(result.files.map(\.record.filename) == [files[0], files[1], files[3], files[4]])
        #expect(result.files.map(\.record.sopInstanceUID) == [1, 2, 4, 5].map { "\(DCMTKIndexFileTests.root).3.\($0)" })
        #expect(result.missing.map(\.filename) == ["incoming/a3.dcm"])
        #expect(result.missing.map(\.sopInstanceUID) == ["\(DCMTKIndexFileTests.root).3.3"])
        #expect(log.text.contains("W: \(root)/STORE/index.dat: file of record 2 not found: incoming/a3.dcm\n"))
        #expect(log.text.contains("I: \(root)/STORE/index.dat: 4 files to import, 1 missing\n"))
        #expect(DCMTKIndexImport.indexFileExists(inArea: root + "/STORE"))
    }

    /// Relative paths resolve against the directory dcmqridx/dcmqrscp ran in;
    /// from anywhere else, the files inside the area are still found by name.
    @Test func filesInsideAMovedAreaAreFoundByName() throws {
        let (fixture, _) = try DCMTKIndexFileTests.buildArea()
        let root = fixture.folder.path
        try FileManager.default.moveItem(atPath: root + "/STORE", toPath: root + "/MOVED")
        let result = try DCMTKIndexImport.load(area: root + "/MOVED", workingDirectory: root + "/elsewhere", log: .silent)
        #expect(result.files.map(\.path) == [
            root + "/MOVED/CT_6b03b78a61fb6218.dcm", root + "/MOVED/MR_6b03b791d5633560.dcm", root + "/elsewhere/e5.dcm",
        ])
        #expect(result.missing.map(\.filename) == ["incoming/a3.dcm", "incoming/a4.dcm"])
    }

    @Test func anAreaWithoutIndexDatHasNothingToImport() throws {
        let dir = try TemporaryDirectory()
        #expect(!DCMTKIndexImport.indexFileExists(inArea: dir.path))
        let error = #expect(throws: DCMTKIndexError.self) { try DCMTKIndexImport.load(area: dir.path, log: .silent) }
        #expect(error?.description == "\(dir.path)/index.dat: No such file or directory")
    }
}
