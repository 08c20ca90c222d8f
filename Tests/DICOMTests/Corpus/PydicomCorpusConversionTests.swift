import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// What we write from pydicom's corpus, checked by the other readers:
/// pydicom (values) and dcmdump (warnings), each in one batched run.
@Suite struct PydicomCorpusConversionTests {
    /// Writes every corpus file (except the broken ones) into `folder`: once
    /// in its own syntax, and — when its pixel data is native — once in each
    /// other uncompressed syntax. Returns `original<TAB>written` lines.
    static func writeAll(into folder: TemporaryDirectory, conversions: Bool) throws -> [String] {
        var manifest: [String] = []
        for (index, path) in try PydicomCorpus.files.get().enumerated() where !PydicomCorpus.isBrokenOnPurpose(path) {
            let file = try DICOMFile(reading: try PydicomCorpus.bytes(path))
            let native = file.transferSyntax.isUncompressed || file.transferSyntax.isDeflated
            let encapsulated = file.dataSet[.pixelData].map { if case .encapsulated = $0.value { true } else { false } } ?? false
            var targets = [file.transferSyntax]
            if conversions {
                guard native, !encapsulated else { continue }
                targets = PydicomCorpusTests.uncompressed.filter { $0.uid != file.transferSyntax.uid }
            }
            for target in targets {
                var meta = try #require(file.fileMetaInformation, "\(path) has no meta information")
                meta.transferSyntaxUID = target.uid
                var written = DICOMFile(fileMetaInformation: meta, dataSet: file.dataSet)
                written.transferSyntax = target
                let bytes = try written.encoded(options: DataSetEncodingOptions(groupLengths: .recalculated))
                let url = folder.file("\(index)-\(PydicomCorpus.name(path))-\(target.uid).dcm")
                try Data(bytes).write(to: url)
                manifest.append("\(path)\t\(url.path)")
            }
        }
        return manifest
    }

    @Test func convertedFilesReadBackInPydicomWithEqualValues() throws {
        let folder = try TemporaryDirectory("corpus-values")
        let manifest = try Self.writeAll(into: folder, conversions: true)
        #expect(manifest.count > 200)
        let list = try folder.write("manifest.txt", manifest.joined(separator: "\n"))
        let result = try runPython(CorpusScripts.compareValues, [list], timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }

    @Test func dcmdumpGivesNoMoreWarningsThanForTheOriginal() throws {
        let folder = try TemporaryDirectory("corpus-dcmdump")
        let manifest = try Self.writeAll(into: folder, conversions: false) + Self.writeAll(into: folder, conversions: true)
        let list = try folder.write("manifest.txt", manifest.joined(separator: "\n"))
        let result = try runPython(CorpusScripts.compareDcmdump, [list], timeout: 300)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "checked \(manifest.count)\n", "\(result.stdout)")
    }
}
