import Foundation

/// A C-MOVE destination for one test: DCMTK's storescp (`storescp -aet <AE>
/// -od <folder> <port>`, spec Appendix B step 4) on the port the server's
/// HostTable gives that AE, writing what it receives into its own folder.
package final class MoveDestination: @unchecked Sendable {
    package let aeTitle: String
    package let folder: String
    package let process: ServerProcess

    /// Starts storescp for `aeTitle` on `port` (e.g. `server.destinationPort(of: "VIEWER1")`).
    package init(aeTitle: String = "VIEWER1", port: UInt16, in directory: TemporaryDirectory,
                 options: [String] = [], startTimeout: Double = 20) throws {
        self.aeTitle = aeTitle
        let label = "storescp-\(aeTitle)"
        folder = directory.file("\(label)-received").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let arguments = ["TCP_NODELAY=1", TestEnvironment.dcmtk("storescp"), "-aet", aeTitle, "-od", folder,
                         "-ta", "20", "-td", "20"] + options + [String(port)]
        do {
            process = try ServerProcess("/usr/bin/env", arguments, port: port, in: directory, label: label,
                                        startTimeout: startTimeout)
        } catch let failure as ServerStartFailure {
            throw ScriptFailure(script: "storescp", detail: "did not start on port \(port): \(failure)")
        }
    }

    /// The files received so far.
    package var receivedFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { "\(folder)/\($0)" }
    }

    /// The received files as pydicom reads them (one Python run).
    package func receivedDescriptions() throws -> [DICOMFileDescription] {
        receivedFiles.isEmpty ? [] : try QRFixtureData.describe([folder])
    }

    /// The SOP Instance UIDs of the received files, read from the files
    /// themselves; an unreadable file throws.
    package func receivedSOPInstanceUIDs() throws -> [String] {
        try receivedDescriptions().map { description in
            guard let uid = description.sopInstanceUID else {
                throw ScriptFailure(script: "dicom_manifest.py",
                                    detail: "\(description.file): \(description.error ?? "no SOP Instance UID")")
            }
            return uid
        }.sorted()
    }

    /// storescp's log (stderr).
    package var log: String { process.log }

    @discardableResult
    package func stop() -> Int32 { process.stop() }
}
