import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// A quarryscp with storage areas of its own for storage tests: AE titles
/// `A1`…`A<n>` (RW, `quota`, any peer) each with its area `areas/A<k>`, and
/// `OTHER`, whose area must stay empty.
struct StorageServer {
    let directory: TemporaryDirectory
    let port: UInt16
    var server: ServerProcess
    let arguments: [String]
    let areaCount: Int

    init(areas: Int = 1, quota: String = "(100, 1024mb)", _ arguments: [String] = [], label: String = "quarryscp") throws {
        let directory = try TemporaryDirectory("quarry-store")
        self.directory = directory
        areaCount = areas
        var table = (1...areas).map { "A\($0)  \(directory.path)/areas/A\($0)  RW \(quota) ANY" }
        table.append("OTHER  \(directory.path)/areas/OTHER  RW (100, 1024mb) ANY")
        try directory.write("dcmqrscp.cfg", "MaxAssociations = 20\nAETable BEGIN\n" + table.joined(separator: "\n") + "\nAETable END\n")
        port = freeTCPPort()
        self.arguments = arguments
        server = try ServerProcess(TestEnvironment.binary("quarryscp"), Self.command(directory, arguments, port), port: port,
                                   in: directory, label: label)
    }

    static func command(_ directory: TemporaryDirectory, _ arguments: [String], _ port: UInt16) -> [String] {
        ["-ta", "5", "-c", directory.path + "/dcmqrscp.cfg"] + arguments + [String(port)]
    }

    func area(_ aeTitle: String) -> String { directory.path + "/areas/" + aeTitle }

    /// Starts the server again on the same port (after a kill).
    mutating func restart(label: String) throws {
        server = try ServerProcess(TestEnvironment.binary("quarryscp"), Self.command(directory, arguments, port), port: port,
                                   in: directory, label: label)
    }

    /// DCMTK's storescu, to AE title `called`.
    func storescu(_ called: String, _ files: [String], _ options: [String] = []) throws -> ProcessResult {
        try runStorescu(options + ["-aec", called, "127.0.0.1", String(port)] + files)
    }
}

/// A stored object file of an area, read back: its meta header parsed, the rest as bytes.
struct StoredObject {
    var path: String
    var meta: FileMetaInformation?
    var dataSetOffset: Int
    var bytes: [UInt8]
    var dataSetBytes: ArraySlice<UInt8> { bytes[dataSetOffset...] }
    var sopInstanceUID: String { meta?.mediaStorageSOPInstanceUID ?? "" }

    init(path: String) throws {
        self.path = path
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let reader = try DataSetStreamReader(file: MemoryByteSource(bytes))
        (meta, dataSetOffset) = (reader.fileMetaInformation, reader.dataSetOffset)
    }
}

/// The object files of a folder (not the index), by Media Storage SOP Instance UID.
func storedObjects(in folder: String) throws -> [String: StoredObject] {
    var result: [String: StoredObject] = [:]
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in names where !name.hasPrefix(".") && name != "quarry.index" {
        let object = try StoredObject(path: folder + "/" + name)
        result[object.sopInstanceUID] = object
    }
    return result
}

/// pydicom's test files that are storage objects with a meta header, and what the archive must do with them.
struct CorpusObject: Sendable, CustomStringConvertible {
    var path: String
    var transferSyntaxUID: String
    var sopClassUID: String
    var sopInstanceUID: String
    /// Study, Series and SOP Instance UID present and usable: Quarry stores it (else 0xC000).
    var isStorable: Bool
    var description: String { URL(fileURLWithPath: path).lastPathComponent }

    static let uncompressedSyntaxes: Set<String> = ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"]

    static let all: [CorpusObject] = {
        let script = """
            import warnings, pydicom, pydicom.data
            warnings.simplefilter('ignore')
            for f in sorted(pydicom.data.get_testdata_files()):
                try:
                    ds = pydicom.dcmread(f, stop_before_pixels=True)
                    ts = str(ds.file_meta.TransferSyntaxUID)
                except Exception:
                    continue
                print(f)
            """
        guard let listed = try? runPython(script), listed.status == 0 else { return [] }
        var objects: [CorpusObject] = []
        for path in listed.stdout.split(separator: "\n").map(String.init) {
            // The header only: the corpus holds large images.
            guard let source = try? FileByteSource(path: path), var reader = try? DataSetStreamReader(file: source),
                  let meta = reader.fileMetaInformation, SOPClass.isStorage(meta.mediaStorageSOPClassUID),
                  let dataSet = try? reader.readDataSet(), dataSet.string(.sopClassUID) == meta.mediaStorageSOPClassUID else { continue }
            let keys: [Tag] = [.sopInstanceUID, .studyInstanceUID, .seriesInstanceUID]
            let storable = keys.allSatisfy { UniqueIdentifier.validate(dataSet.string($0) ?? "").isAcceptable }
            objects.append(CorpusObject(path: path, transferSyntaxUID: meta.transferSyntaxUID, sopClassUID: meta.mediaStorageSOPClassUID,
                                        sopInstanceUID: dataSet.string(.sopInstanceUID) ?? "", isStorable: storable))
        }
        return objects
    }()

    /// `objects` split into groups in which no SOP Instance UID appears twice (the corpus reuses some).
    static func batches(_ objects: [CorpusObject]) -> [[CorpusObject]] {
        var batches: [[CorpusObject]] = []
        for object in objects {
            if let k = batches.firstIndex(where: { !$0.contains { $0.sopInstanceUID == object.sopInstanceUID } }) {
                batches[k].append(object)
            } else {
                batches.append([object])
            }
        }
        return batches
    }
}

/// DCMTK's storescu with Nagle's algorithm off on its side (`TCP_NODELAY=1`, which
/// DCMTK reads): otherwise each object waits 40 ms for a delayed ACK — the
/// client's cost, not the server's (the server's sockets set TCP_NODELAY).
func runStorescu(_ arguments: [String]) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    environment["TCP_NODELAY"] = "1"
    return try runProcess(TestEnvironment.dcmtk("storescu"), arguments, environment: environment, timeout: 120)
}
