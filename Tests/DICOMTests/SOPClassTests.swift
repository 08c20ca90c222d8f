import DICOM
import Foundation
import QuarryTestSupport
import Testing

struct ModalityCase: Sendable, CustomStringConvertible {
    var uid: String, prefix: String, dcmtkName: String, storage: Bool
    var description: String { dcmtkName.isEmpty ? uid : dcmtkName }
}

@Suite struct SOPClassTests {
    /// DCMTK 3.6.7 facts: dcmSOPClassUIDToModality, dcmFindNameOfUID, dcmAllStorageSOPClassUIDs.
    static let modalityCases: [ModalityCase] = [
        .init(uid: "1.2.840.10008.5.1.4.1.1.2", prefix: "CT", dcmtkName: "CTImageStorage", storage: true),
        .init(uid: "1.2.840.10008.5.1.4.1.1.4", prefix: "MR", dcmtkName: "MRImageStorage", storage: true),
        .init(uid: "1.2.840.10008.5.1.4.1.1.7", prefix: "SC", dcmtkName: "SecondaryCaptureImageStorage", storage: true),
        .init(uid: "1.2.840.10008.5.1.4.1.1.7.3", prefix: "SCw",
              dcmtkName: "MultiframeGrayscaleWordSecondaryCaptureImageStorage", storage: true),
        .init(uid: "1.2.840.10008.5.1.4.1.1.88.35", prefix: "SRx", dcmtkName: "ExtensibleSRStorage", storage: true),
        .init(uid: "1.2.840.10008.5.1.4.1.1.88.22", prefix: "SRe", dcmtkName: "EnhancedSRStorage", storage: true),
        .init(uid: "1.2.840.10008.5.1.4.1.1.6", prefix: "USr", dcmtkName: "RETIRED_UltrasoundImageStorage", storage: true),
        .init(uid: "1.2.840.10008.5.1.4.1.1.12.1.1", prefix: "XAe", dcmtkName: "EnhancedXAImageStorage", storage: true),
        // Known to DCMTK, not a storage class: no prefix, "XX".
        .init(uid: "1.2.840.10008.1.1", prefix: "XX", dcmtkName: "VerificationSOPClass", storage: false),
        .init(uid: "1.2.840.10008.5.1.4.1.2.2.1", prefix: "XX",
              dcmtkName: "FINDStudyRootQueryRetrieveInformationModel", storage: false),
        // Not a storage class, but DCMTK has a code for it (Hanging Protocol Storage).
        .init(uid: "1.2.840.10008.5.1.4.38.1", prefix: "HP", dcmtkName: "HangingProtocolStorage", storage: false),
        // Unknown UIDs.
        .init(uid: "1.2.3.4", prefix: "XX", dcmtkName: "", storage: false),
        .init(uid: "", prefix: "XX", dcmtkName: "", storage: false),
    ]

    @Test(arguments: modalityCases) func modalityPrefixAndNames(_ c: ModalityCase) {
        #expect(SOPClass.modalityPrefix(c.uid) == c.prefix)
        #expect(SOPClass.isStorage(c.uid) == c.storage)
        #expect(SOPClass.lookup(c.uid)?.dcmtkName == (c.dcmtkName.isEmpty ? nil : c.dcmtkName))
        #expect(SOPClass.logName(c.uid) == (c.dcmtkName.isEmpty ? c.uid : c.dcmtkName))
    }

    @Test func paddedUIDsAreFound() {
        #expect(SOPClass.modalityPrefix("1.2.840.10008.5.1.4.1.1.2\0") == "CT")
        #expect(SOPClass.isStorage("1.2.840.10008.5.1.4.1.1.4 "))
    }

    @Test func psNamesAndKeywords() throws {
        let ct = try #require(SOPClass.lookup("1.2.840.10008.5.1.4.1.1.2"))
        #expect(ct.name == "CT Image Storage")
        #expect(ct.keyword == "CTImageStorage")
        #expect(!ct.isRetired)
        let nm = try #require(SOPClass.lookup("1.2.840.10008.5.1.4.1.1.5"))
        #expect(nm.isRetired)
        #expect(nm.dcmtkName == "RETIRED_NuclearMedicineImageStorage")
        // Registered in PS3.6, unknown to DCMTK 3.6.7: the log shows the PS3.6 keyword.
        #expect(SOPClass.logName("1.2.840.10008.5.1.4.1.1.88.77") == "WaveformAnnotationSRStorage")
        #expect(SOPClass.lookup("1.2.840.10008.3.1.2.1.4")?.isMeta == true)
    }

    @Test func storageCounts() {
        #expect(SOPClass.allStorageUIDs.count == 186)
        #expect(Set(SOPClass.allStorageUIDs).count == 186)
        #expect(SOPClass.longSCUStorageUIDs.count == 120)
        #expect(Set(SOPClass.longSCUStorageUIDs).isSubset(of: SOPClass.allStorageUIDs))
        #expect(SOPClass.all.filter(\.isStorage).count == 186)
        #expect(SOPClass.allStorageUIDs.allSatisfy { SOPClass.modalityPrefix($0) != "XX" })
        #expect(SOPClass.all.count > 300)
        // Extensible SR is accepted for storage but not proposed on a C-MOVE sub-association (spec §7.4).
        #expect(!SOPClass.longSCUStorageUIDs.contains("1.2.840.10008.5.1.4.1.1.88.35"))
        #expect(SOPClass.longSCUStorageUIDs.contains("1.2.840.10008.5.1.4.1.1.2"))
    }

    @Test func lookupByName() {
        #expect(SOPClass.lookup(name: "CTImageStorage")?.uid == "1.2.840.10008.5.1.4.1.1.2")
        #expect(SOPClass.lookup(name: "VerificationSOPClass")?.uid == SOPClass.verificationUID)
        #expect(SOPClass.lookup(name: "Verification")?.uid == SOPClass.verificationUID)      // PS3.6 keyword
        #expect(SOPClass.lookup(name: "RETIRED_UltrasoundImageStorage")?.uid == "1.2.840.10008.5.1.4.1.1.6")
        #expect(SOPClass.lookup(name: "NoSuchClass") == nil)
    }

    @Test func wellKnownClasses() {
        #expect(SOPClass.logName(SOPClass.verificationUID) == "VerificationSOPClass")
        #expect(SOPClass.logName(SOPClass.privateShutdownUID) == "PrivateShutdownSOPClass")
        #expect(!SOPClass.isStorage(SOPClass.privateShutdownUID))
    }

    /// The storage classes are exactly those `man dcmqrscp` lists under "SCP
    /// Conformance", and DCMTK's names match where the page spells them whole.
    @Test func matchesDcmqrscpManPage() throws {
        let page = try runProcess("/bin/sh", ["-c", "zcat /usr/share/man/man1/dcmqrscp.1.gz"])
        try #require(page.status == 0, "dcmqrscp's man page (package dcmtk) is needed")
        let lines = page.stdout.split(separator: "\n")
        let start = try #require(lines.firstIndex { $0.contains("SCP Conformance") })
        var listed: [(name: String, uid: String)] = []
        for line in lines[start...] {
            let fields = line.split(separator: " ")
            guard fields.count == 2, fields[1].allSatisfy({ $0.isNumber || $0 == "." }) else { continue }
            if fields[0] == "PrivateShutdownSOPClass" { break }
            listed.append((String(fields[0]), String(fields[1])))
        }
        let storage = listed.filter { !$0.name.contains("QueryRetrieve") && $0.name != "VerificationSOPClass" }
        #expect(storage.count == 186)
        #expect(Set(storage.map(\.uid)) == Set(SOPClass.allStorageUIDs))
        // (The page spells the retired Patient/Study Only models without the
        // `RETIRED_` that DCMTK 3.6.7's dcmFindNameOfUID, hence its logs, print.)
        for entry in storage where !entry.name.contains(".") {
            #expect(SOPClass.logName(entry.uid) == entry.name, "\(entry.uid)")
        }
    }
}

/// The Q/R model SOP classes (the models themselves live in Archive's Query).
@Suite struct QueryRetrieveSOPClassTests {
    static let cases: [(String, String)] = [
        ("1.2.840.10008.5.1.4.1.2.1.1", "FINDPatientRootQueryRetrieveInformationModel"),
        ("1.2.840.10008.5.1.4.1.2.1.2", "MOVEPatientRootQueryRetrieveInformationModel"),
        ("1.2.840.10008.5.1.4.1.2.1.3", "GETPatientRootQueryRetrieveInformationModel"),
        ("1.2.840.10008.5.1.4.1.2.2.1", "FINDStudyRootQueryRetrieveInformationModel"),
        ("1.2.840.10008.5.1.4.1.2.2.2", "MOVEStudyRootQueryRetrieveInformationModel"),
        ("1.2.840.10008.5.1.4.1.2.2.3", "GETStudyRootQueryRetrieveInformationModel"),
        ("1.2.840.10008.5.1.4.1.2.3.1", "RETIRED_FINDPatientStudyOnlyQueryRetrieveInformationModel"),
        ("1.2.840.10008.5.1.4.1.2.3.2", "RETIRED_MOVEPatientStudyOnlyQueryRetrieveInformationModel"),
        ("1.2.840.10008.5.1.4.1.2.3.3", "RETIRED_GETPatientStudyOnlyQueryRetrieveInformationModel"),
    ]

    @Test(arguments: cases) func logNamesOfEachModel(uid: String, name: String) {
        #expect(SOPClass.logName(uid) == name)
        #expect(!SOPClass.isStorage(uid))
    }
}
