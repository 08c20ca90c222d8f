import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// pynetdicom (3.0) as the storage SCU, one presentation context per
/// uncompressed transfer syntax (issue 5): each object stored with the data
/// set bytes pynetdicom encoded and sent, the meta header naming that syntax.
@Suite struct PynetdicomStoreTests {
    /// Stores each file (argv: port, called AE, transfer syntax UID, folder, files…) re-encoded
    /// in that syntax, prints the status per object and writes the data set bytes it sent
    /// to `<folder>/<SOP Instance UID>`.
    static let sender = """
    import sys, io, warnings
    warnings.simplefilter('ignore')
    from pydicom import dcmread
    from pydicom.filewriter import dcmwrite
    from pydicom.uid import UID
    from pynetdicom import AE
    from pynetdicom.dsutils import encode
    port, called, syntax, folder, files = int(sys.argv[1]), sys.argv[2], UID(sys.argv[3]), sys.argv[4], sys.argv[5:]
    datasets = []
    for f in files:
        ds = dcmread(f)
        ds.file_meta.TransferSyntaxUID = syntax
        buffer = io.BytesIO()
        dcmwrite(buffer, ds, implicit_vr=syntax.is_implicit_VR, little_endian=syntax.is_little_endian, force_encoding=True)
        buffer.seek(0)
        datasets.append(dcmread(buffer))
    ae = AE(ae_title="PYNETDICOM")
    for uid in sorted({str(ds.SOPClassUID) for ds in datasets}):
        ae.add_requested_context(uid, [syntax])
    assoc = ae.associate("127.0.0.1", port, ae_title=called)
    if not assoc.is_established:
        print("NOT ESTABLISHED")
        sys.exit(2)
    try:
        for ds in datasets:
            with open(folder + "/" + str(ds.SOPInstanceUID), "wb") as out:
                out.write(encode(ds, syntax.is_implicit_VR, syntax.is_little_endian, syntax.is_deflated))
            status = assoc.send_c_store(ds)
            print(ds.SOPInstanceUID, "0x%04x" % status.Status if status else "none", flush=True)
    finally:
        assoc.release()
    """

    static let syntaxes = [TransferSyntax.implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian]

    @Test(arguments: syntaxes)
    func storedInEachUncompressedSyntax(syntax: TransferSyntax) throws {
        let candidates = CorpusObject.all.filter { CorpusObject.uncompressedSyntaxes.contains($0.transferSyntaxUID) && $0.isStorable }
        let objects = CorpusObject.batches(candidates).first.map { Array($0.prefix(12)) } ?? []
        try #require(objects.count == 12)
        let quarry = try StorageServer(areas: 1)
        let folder = quarry.directory.path + "/sent"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let sent = try runPython(Self.sender, [String(quarry.port), "A1", syntax.uid, folder] + objects.map(\.path), timeout: 120)
        #expect(sent.status == 0, "\(sent.output)")
        let lines = sent.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == objects.count, "\(sent.output)")
        let stored = try storedObjects(in: quarry.area("A1"))
        for line in lines where line.count == 2 {
            let (uid, status) = (line[0], line[1])
            #expect(status == "0x0000", "\(uid)")
            let object = try #require(stored[uid], "\(uid)")
            let wire = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + uid)))
            #expect(Array(object.dataSetBytes) == wire, "\(uid)")
            #expect(object.meta?.transferSyntaxUID == syntax.uid)
            #expect(object.meta?.sourceApplicationEntityTitle == "PYNETDICOM")
        }
        #expect(stored.count == objects.count)
    }
}
