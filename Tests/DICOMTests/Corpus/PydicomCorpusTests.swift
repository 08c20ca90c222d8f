import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// pydicom's corpus through our codec (issue 3, "Tests"): every file pydicom
/// reads round-trips byte for byte, converts between the uncompressed syntaxes
/// with equal values as pydicom reads them, and reads in dcmdump with no more
/// warnings than the original — except the files of `brokenOnPurpose`.
@Suite struct PydicomCorpusTests {
    /// The syntaxes a file of the corpus is converted between.
    static let uncompressed: [TransferSyntax] = [
        .implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian, .deflatedExplicitVRLittleEndian,
    ]

    @Test func corpusIsListed() throws {
        let files = try PydicomCorpus.files.get()
        #expect(files.count > 100)
        for broken in PydicomCorpus.brokenOnPurpose {
            #expect(files.contains { PydicomCorpus.name($0) == broken.name }, "\(broken.name) is no longer in the corpus")
        }
    }

    @Test func everyFileRoundTripsByteForByte() throws {
        var checked = 0
        for path in try PydicomCorpus.files.get() where !PydicomCorpus.isBrokenOnPurpose(path) {
            let bytes = try PydicomCorpus.bytes(path)
            let file: DICOMFile
            do { file = try DICOMFile(reading: bytes) } catch {
                Issue.record("\(PydicomCorpus.name(path)): \(error)")
                continue
            }
            let original = try PydicomCorpus.dataSetBytes(file, bytes)
            let written = try file.dataSet.encoded(transferSyntax: file.transferSyntax.isDeflated
                                                   ? .explicitVRLittleEndian : file.transferSyntax)
            #expect(written == original, "\(PydicomCorpus.name(path)) in \(file.transferSyntax.name)")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test(arguments: PydicomCorpus.brokenOnPurpose) func brokenFileGivesItsError(_ broken: PydicomCorpus.BrokenFile) throws {
        let path = try #require(try PydicomCorpus.files.get().first { PydicomCorpus.name($0) == broken.name })
        let error = #expect(throws: DICOMParseError.self, "\(broken.why)") { try DICOMFile(reading: try PydicomCorpus.bytes(path)) }
        #expect(error?.reason == broken.reason)
        #expect(error?.tag == broken.tag)
    }
}
