import DICOM
import Foundation
import QuarryTestSupport

/// pydicom's test corpus, listed at test time from the installed pydicom
/// (the files are not copied into this repository).
enum PydicomCorpus {
    /// Every file of `pydicom.data.get_testdata_files()` that `pydicom.dcmread` reads.
    static let files: Result<[String], CorpusError> = {
        let script = """
            import warnings, pydicom, pydicom.data
            warnings.simplefilter('ignore')
            for f in pydicom.data.get_testdata_files():
                try:
                    pydicom.dcmread(f)
                except Exception:
                    continue
                print(f)
            """
        do {
            let result = try runPython(script)
            guard result.status == 0 else { return .failure(CorpusError(message: result.output)) }
            return .success(result.stdout.split(separator: "\n").map(String.init).sorted())
        } catch {
            return .failure(CorpusError(message: "\(error)"))
        }
    }()

    struct CorpusError: Error, CustomStringConvertible { var message: String; var description: String { message } }

    /// A file pydicom reads that Quarry must refuse, with the error it must give.
    struct BrokenFile: Sendable, CustomStringConvertible {
        var name: String, why: String
        var reason: DICOMParseError.Reason, tag: Tag
        var description: String { name }
    }

    /// THE list of exceptions: files of the corpus that pydicom reads (it
    /// parses lazily) but that are broken on purpose. Every other file must
    /// round-trip.
    static let brokenOnPurpose: [BrokenFile] = [
        BrokenFile(name: "rtplan_truncated.dcm",
                   why: "cut short: Beam Sequence declares 976 bytes, 711 are left (dcmdump fails further in)",
                   reason: .lengthPastEnd(length: 976, available: 711), tag: Tag(0x300A, 0x00B0)),
        BrokenFile(name: "MR_truncated.dcm",
                   why: "cut inside Pixel Data: 8192 bytes declared, 8130 left (dcmdump fails the same way)",
                   reason: .lengthPastEnd(length: 8192, available: 8130), tag: .pixelData),
        BrokenFile(name: "DICOMDIR-nooffset",
                   why: "offset elements removed without fixing lengths: the last directory record declares "
                       + "248 bytes, 224 are left (dcmdump and pydicom stop silently at the end of the file)",
                   reason: .lengthPastEnd(length: 248, available: 224), tag: Tag(0x0004, 0x1220)),
    ]

    static func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    static func isBrokenOnPurpose(_ path: String) -> Bool { brokenOnPurpose.contains { $0.name == name(path) } }

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// The data set bytes of a file as stored, inflated when deflated.
    static func dataSetBytes(_ file: DICOMFile, _ bytes: [UInt8]) throws -> [UInt8] {
        let stored = Array(bytes[file.dataSetOffset...])
        guard file.transferSyntax.isDeflated else { return stored }
        return try Deflate.inflate(stored)
    }
}
