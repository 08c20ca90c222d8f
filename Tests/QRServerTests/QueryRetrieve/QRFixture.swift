import Archive
import DICOM
import DICOMNetwork
import QRServer
import QuarryTestSupport

/// An archive, the Q/R operations serving it on a loopback association, a client,
/// and optionally a move destination (VIEWER1 in the HostTable; VIEWER2 points at a
/// port nobody listens on).
struct QRFixture {
    let archive: TestArchive
    let listener: TCPListener
    let scp: Background<Void>
    let log = OperationLog()
    let client: TestClient
    let configuration: Configuration

    init(archive: TestArchive? = nil, destinationPort: UInt16? = nil, options: ServerOptions = ServerOptions(),
         storageClasses: [String] = [TestArchive.ct, TestArchive.mr],
         getTransferSyntaxes: [String] = [TestClient.explicitLittle, TestClient.implicitLittle],
         configurationLines: [String] = [], outgoingProfile: AssociationProfile? = nil) throws {
        let archive = try archive ?? TestArchive()
        self.archive = archive
        let text = configurationLines.joined(separator: "\n") + """

            HostTable BEGIN
            viewer1 = (VIEWER1, localhost, \(destinationPort ?? freeTCPPort()))
            viewer2 = (VIEWER2, 127.0.0.1, \(freeTCPPort()))
            modality1 = (MOD1, localhost, \(freeTCPPort()))
            HostTable END
            VendorTable BEGIN
            "Viewer Vendor" = viewer1, viewer2
            VendorTable END
            AETable BEGIN
            STORE \(archive.directory.path) RW (200, 1024mb) ANY
            AETable END

            """
        configuration = try Configuration(parsing: text, fileName: "test.cfg")
        listener = try TCPListener(port: 0)
        scp = serveQueryRetrieve(listener, archive: archive, configuration: configuration, options: options,
                                 outgoingProfile: outgoingProfile, log: log.log)
        client = try TestClient(port: listener.port, storageClasses: storageClasses, getTransferSyntaxes: getTransferSyntaxes)
    }

    /// Releases the association and waits for the SCP thread (rethrowing what it threw).
    func finish() throws {
        try client.release()
        try scp.value()
    }

    static func uid(_ suffix: String) -> String { "\(TestArchive.root).\(suffix)" }
}
