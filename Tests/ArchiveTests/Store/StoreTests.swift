import Archive
import DICOM
import Foundation
import QuarryTestSupport
import Testing

/// The C-STORE pipeline (issue 5; spec §5): what an area holds after a store,
/// the file's bytes and meta header, and the statuses dcmqrscp answers.
@Suite struct StoreTests {
    @Test func storedObjectIsTheMetaHeaderAndTheDataSetAsReceived() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path + "/STORE", log: .silent)
        let object = StoreTestObject(1)
        let sent = try object.encoded()
        let result = store(sent, object.request(callingAETitle: "MODALITY1 "), into: area, fragmentSize: 7)
        #expect(result.status == .success)
        #expect(result.errorComment == nil)
        let file = try #require(result.storedFile)
        #expect(try objectFiles(dir.path + "/STORE") == [file.name])
        #expect(file.name.wholeMatch(of: /MR_[0-9a-f]{16}\.dcm/) != nil)

        let bytes = try contentsOfFile(file.path)
        #expect(Int64(bytes.count) == file.size)
        let parsed = try DICOMFile(reading: bytes)
        let meta = try #require(parsed.fileMetaInformation)
        #expect(meta.mediaStorageSOPClassUID == object.sopClassUID)
        #expect(meta.mediaStorageSOPInstanceUID == object.sopInstanceUID)
        #expect(meta.transferSyntaxUID == TransferSyntax.explicitVRLittleEndian.uid)
        #expect(meta.implementationClassUID == QuarryIdentity.implementationClassUID)
        #expect(meta.implementationVersionName == QuarryIdentity.implementationVersionName)
        #expect(meta.sourceApplicationEntityTitle == "MODALITY1")
        #expect(Array(bytes[parsed.dataSetOffset...]) == sent)

        let snapshot = try area.index.snapshot()
        let instance = try #require(snapshot.entities(withUniqueKey: object.sopInstanceUID ?? "", at: .image).first)
        #expect(snapshot.instanceFile(instance)?.fileName == file.name)
        #expect(snapshot.instanceFile(instance)?.fileSize == file.size)
        #expect(snapshot.string(.patientName, of: instance) == "Doe^John")
        #expect(snapshot.string(.studyInstanceUID, of: instance) == object.studyInstanceUID)
    }

    @Test(arguments: [TransferSyntax.implicitVRLittleEndian, .explicitVRBigEndian, .deflatedExplicitVRLittleEndian])
    func otherUncompressedSyntaxesAreStoredAsReceived(syntax: TransferSyntax) throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let object = StoreTestObject(2)
        let sent = try object.encoded(syntax)
        let result = store(sent, object.request(syntax: syntax), into: area)
        #expect(result.status == .success)
        let file = try #require(result.storedFile)
        let parsed = try DICOMFile(contentsOfFile: file.path)
        #expect(parsed.fileMetaInformation?.transferSyntaxUID == syntax.uid)
        #expect(Array(try contentsOfFile(file.path)[parsed.dataSetOffset...]) == sent)
        #expect(try area.index.snapshot().sopInstanceUIDs == [object.sopInstanceUID])
    }

    /// dcmqrscp compares the data set's SOP Class and Instance UID with the command's (spec §5.3).
    @Test(arguments: [("class", "1.2.840.10008.5.1.4.1.1.2", "SOP Class UID differs from the command"),
                      ("instance", "1.2.3.4.5", "SOP Instance UID differs from the command")])
    func dataSetThatDoesNotMatchTheCommandIsRefusedWithA900(which: String, commandUID: String, comment: String) throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let object = StoreTestObject(3)
        var request = object.request()
        if which == "class" { request.affectedSOPClassUID = commandUID } else { request.affectedSOPInstanceUID = commandUID }
        let log = StorageTestLog()
        let result = store(try object.encoded(), request, into: area, log: log.log)
        #expect(result.status == .dataSetDoesNotMatchSOPClass)
        #expect(result.status.rawValue == 0xA900)
        #expect(result.errorComment == comment)
        #expect(log.text.contains("W: Store SCP: Data Set does not match SOP Class"))
        #expect(try leftovers(dir.path).isEmpty)
        #expect(try area.index.snapshot().count(at: .image) == 0)
    }

    @Test func uidPaddingIsToleratedOnlyWithUp() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        var object = StoreTestObject(4)
        object.extra = [DataElement(tag: .sopInstanceUID, vr: .UI, bytes: Array((object.sopInstanceUID ?? "").utf8) + [0x20, 0x20])]
        let strict = try store(object, into: area)
        #expect(strict.status == .dataSetDoesNotMatchSOPClass)
        let tolerant = try store(object, into: area, options: StoreOptions(toleratesUIDPadding: true))
        #expect(tolerant.status == .success)
    }

    @Test func ignoreAnswersSuccessAndStoresNothing() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let result = try store(StoreTestObject(5), into: area, options: StoreOptions(ignoresData: true))
        #expect(result.status == .success)
        #expect(result.storedFile == nil)
        #expect(try leftovers(dir.path).isEmpty)
        #expect(try area.index.snapshot().count(at: .image) == 0)
    }

    @Test func withoutMetaInformationTheFileIsTheDataSet() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let object = StoreTestObject(6)
        let sent = try object.encoded()
        let result = store(sent, object.request(), into: area, options: StoreOptions(writesFileMetaInformation: false))
        #expect(result.status == .success)
        let file = try #require(result.storedFile)
        #expect(try contentsOfFile(file.path) == sent)
        #expect(try area.index.snapshot().sopInstanceUIDs == [object.sopInstanceUID])
    }

    /// `+ti`, `+tb`, `+te`, `+td`: the file in the syntax asked for, the same data set.
    @Test(arguments: [(StoreOptions.WrittenTransferSyntax.implicitVRLittleEndian, TransferSyntax.implicitVRLittleEndian),
                      (.explicitVRBigEndian, .explicitVRBigEndian),
                      (.deflatedExplicitVRLittleEndian, .deflatedExplicitVRLittleEndian)])
    func writeTransferSyntaxConvertsUncompressedObjects(option: StoreOptions.WrittenTransferSyntax, expected: TransferSyntax) throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let object = StoreTestObject(7)
        let result = try store(object, into: area, options: StoreOptions(writtenTransferSyntax: option))
        #expect(result.status == .success)
        let parsed = try DICOMFile(contentsOfFile: try #require(result.storedFile).path)
        #expect(parsed.fileMetaInformation?.transferSyntaxUID == expected.uid)
        #expect(parsed.transferSyntax == expected)
        #expect(parsed.dataSet == object.dataSet)
        let snapshot = try area.index.snapshot()
        let instance = try #require(snapshot.entities(at: .image).first { _ in true })
        #expect(snapshot.instanceFile(instance)?.transferSyntaxUID == expected.uid)
        #expect(try objectFiles(dir.path).count == 1)
        #expect(try entriesOfFolder(dir.path).filter { $0.hasPrefix(".quarry-tmp") }.isEmpty)
    }

    @Test func encapsulatedObjectsAreStoredAsReceivedDespiteWriteSyntax() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        var object = StoreTestObject(8)
        object.extra = [DataElement(tag: .pixelData, vr: .OB,
                                    value: .encapsulated(EncapsulatedPixelData(basicOffsetTable: [], fragments: [patternedBytes(100)])))]
        let sent = try object.encoded(.jpegBaseline)
        let result = store(sent, object.request(syntax: .jpegBaseline), into: area,
                           options: StoreOptions(writtenTransferSyntax: .implicitVRLittleEndian))
        #expect(result.status == .success)
        let file = try #require(result.storedFile)
        let parsed = try DICOMFile(contentsOfFile: file.path)
        #expect(parsed.fileMetaInformation?.transferSyntaxUID == TransferSyntax.jpegBaseline.uid)
        #expect(Array(try contentsOfFile(file.path)[parsed.dataSetOffset...]) == sent)
    }
}

/// The association went away in the middle of a data set.
@Suite struct StoreAbortTests {
    @Test func abortedStoreLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        let object = StoreTestObject(1)
        let incoming = area.beginStore(object.request())
        incoming.append(try object.encoded().prefix(100))
        #expect(try entriesOfFolder(dir.path).contains { $0.hasPrefix(".quarry-tmp-") })
        incoming.abort()
        #expect(try leftovers(dir.path).isEmpty)
        #expect(incoming.finish().status == .refusedOutOfResources)
        #expect(try area.index.snapshot().count(at: .image) == 0)
    }

    @Test func storeReleasedWithoutFinishLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        let area = try ArchiveArea.open(atPath: dir.path, log: .silent)
        do {
            let incoming = area.beginStore(StoreTestObject(1).request())
            incoming.append(try StoreTestObject(1).encoded())
        }
        #expect(try leftovers(dir.path).isEmpty)
    }
}
