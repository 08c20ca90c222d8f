import Foundation

/// Test data for the Q/R tests, written fresh into a test's own folder.
package enum QRFixtureData {
    /// The spec's F1 data (9 instances, 5 patients, 6 studies; spec §0) from
    /// `probes/make_fixture_data.py`. Returns the folder.
    @discardableResult
    package static func writeF1(into folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try InteropScripts.run(InteropScripts.probe("make_fixture_data.py"), [folder])
        return folder
    }

    /// The differential set (`Scripts/make_differential_data.py`: 45
    /// instances, 5 patients, 11 studies, CT/MR, Latin-1 and UTF-8 patients).
    @discardableResult
    package static func writeDifferentialSet(into folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try InteropScripts.run(InteropScripts.path("make_differential_data.py"), [folder])
        return folder
    }

    /// `count` small MR instances of one patient (`BULK`), one study, one
    /// series (`Scripts/make_bulk_data.py`), for cancel tests. Returns the
    /// Study Instance UID.
    @discardableResult
    package static func writeBulkStudy(into folder: String, count: Int) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let out = try InteropScripts.run(InteropScripts.path("make_bulk_data.py"), [folder, String(count)])
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The top-level text attributes of every DICOM file below `paths`
    /// (`Scripts/dicom_manifest.py`, one Python run for all files).
    package static func describe(_ paths: [String]) throws -> [DICOMFileDescription] {
        let out = try InteropScripts.run(InteropScripts.path("dicom_manifest.py"), paths)
        return try JSONDecoder().decode([DICOMFileDescription].self, from: Data(out.utf8))
    }
}

/// One file as `dicom_manifest.py` saw it.
package struct DICOMFileDescription: Decodable, Sendable, Hashable {
    package var file: String
    package var transferSyntax: String?
    /// Keyword → value, decoded with the file's Specific Character Set.
    package var attributes: [String: String]?
    /// Why pydicom could not read the file.
    package var error: String?
    package subscript(keyword: String) -> String? { attributes?[keyword] }
    package var sopInstanceUID: String? { attributes?["SOPInstanceUID"] }
}
