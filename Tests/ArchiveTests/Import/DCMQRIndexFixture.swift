import Foundation
import QuarryTestSupport

/// DICOM files written by pydicom and registered by DCMTK's own dcmqridx: a
/// real `index.dat` built in the test itself.
struct DCMQRIndexFixture {
    struct Instance: Codable {
        var path: String            // relative to the fixture folder
        var sopInstanceUID: String
        var studyInstanceUID: String
        var seriesInstanceUID: String
        var patientName: String
        var patientID: String
        var modality: String
        var characterSet: String
        var sopClassUID = "1.2.840.10008.5.1.4.1.1.2"
    }

    /// Writes each instance as a Part 10 file (explicit VR little endian).
    static let writer = """
    import json, sys
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian
    root = sys.argv[1]
    for spec in json.loads(sys.argv[2]):
        ds = Dataset()
        ds.SpecificCharacterSet = spec["characterSet"]
        ds.SOPClassUID = spec["sopClassUID"]
        ds.SOPInstanceUID = spec["sopInstanceUID"]
        ds.StudyInstanceUID = spec["studyInstanceUID"]
        ds.SeriesInstanceUID = spec["seriesInstanceUID"]
        ds.PatientName = spec["patientName"]
        ds.PatientID = spec["patientID"]
        ds.Modality = spec["modality"]
        ds.StudyDate = "20200101"
        ds.StudyTime = "101010"
        ds.AccessionNumber = "ACC01"
        ds.SeriesNumber = "1"
        ds.InstanceNumber = "7"
        ds.StudyDescription = "Fixture study"
        ds.Rows = 2
        ds.Columns = 2
        ds.BitsAllocated = 8
        ds.BitsStored = 8
        ds.HighBit = 7
        ds.PixelRepresentation = 0
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.PixelData = bytes(4)
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = ds.SOPClassUID
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta = meta
        ds.save_as(root + "/" + spec["path"], enforce_file_format=True)
    """

    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory("dcmqridx") }

    func write(_ instances: [Instance]) throws {
        for instance in instances {
            let parent = folder.file(instance.path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        }
        let json = String(decoding: try JSONEncoder().encode(instances), as: UTF8.self)
        let result = try runPython(Self.writer, [folder.path, json])
        guard result.status == 0 else { throw Failure(message: "pydicom: \(result.output)") }
    }

    /// `dcmqridx [options] <area> <files…>` run from the fixture folder, so relative paths stay relative.
    @discardableResult
    func dcmqridx(_ arguments: [String]) throws -> ProcessResult {
        let result = try runProcess(TestEnvironment.dcmtk("dcmqridx"), arguments, currentDirectory: folder.path)
        guard result.status == 0 else { throw Failure(message: "dcmqridx \(arguments): \(result.output)") }
        return result
    }
}

extension DCMQRIndexFixture {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// What `dcmqridx -p` prints (spec §1.5), parsed.
struct DCMQRIndexDump: Equatable {
    struct Study: Equatable { var slot: Int, uid: String, size: UInt32, images: UInt32 }
    struct Record: Equatable { var slot: Int, isNew: Bool, filename: String, imageSize: UInt32, values: [String], description: String }
    var studies: [Study] = []
    var records: [Record] = []
    var recordsInFile = -1

    init(_ text: String) {
        func value(_ line: Substring) -> String {
            guard let colon = line.firstIndex(of: ":") else { return "" }
            return String(line[line.index(after: colon)...].dropFirst())
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("STUDY DESCRIPTOR: ") {
                studies.append(Study(slot: Int(value(line)) ?? -1, uid: "", size: 0, images: 0))
            } else if line.hasPrefix("  Study UID: ") { studies[studies.count - 1].uid = value(line)
            } else if line.hasPrefix("  StudySize: ") { studies[studies.count - 1].size = UInt32(value(line)) ?? 0
            } else if line.hasPrefix("  NumOfImages: ") { studies[studies.count - 1].images = UInt32(value(line)) ?? 0
            } else if line.hasPrefix("RECORD NUMBER: ") {
                records.append(Record(slot: Int(value(line)) ?? -1, isNew: false, filename: "", imageSize: 0, values: [], description: ""))
            } else if line.hasPrefix("  Status: ") { records[records.count - 1].isNew = value(line) == "is new"
            } else if line.hasPrefix("  Filename: ") { records[records.count - 1].filename = value(line)
            } else if line.hasPrefix("  ImageSize: ") { records[records.count - 1].imageSize = UInt32(value(line)) ?? 0
            } else if line.hasPrefix("  InstanceDescription: ") {
                records[records.count - 1].description = String(value(line).dropFirst().dropLast())   // printed in quotes
            } else if line.hasPrefix("    "), let open = line.range(of: ": \""), line.hasSuffix("\"") {
                records[records.count - 1].values.append(String(line[open.upperBound..<line.index(before: line.endIndex)]))
            } else if line.hasPrefix("RECORDS IN THIS INDEXFILE: ") {
                recordsInFile = Int(value(line)) ?? -1
            }
        }
    }
}
