import DICOM

extension AssociationProfileFile {
    /// DCMTK's symbolic names of transfer syntaxes (its UID name map, dcuid.cc,
    /// 3.6.7), which association configuration files may use instead of UIDs.
    /// `LocalEndianExplicit` and `OppositeEndianExplicit` depend on the host's
    /// byte order (asconfig.txt §2.1).
    static let transferSyntaxNames: [String: String] = {
        let hostIsLittleEndian = 1.littleEndian == 1
        let little = "1.2.840.10008.1.2.1", big = "1.2.840.10008.1.2.2"
        return [
            "LittleEndianImplicit": "1.2.840.10008.1.2",
            "LittleEndianExplicit": little,
            "BigEndianExplicit": big,
            "LocalEndianExplicit": hostIsLittleEndian ? little : big,
            "OppositeEndianExplicit": hostIsLittleEndian ? big : little,
            "DeflatedLittleEndianExplicit": "1.2.840.10008.1.2.1.99",
            "JPEGBaseline": "1.2.840.10008.1.2.4.50",
            "JPEGExtended:Process2+4": "1.2.840.10008.1.2.4.51",
            "JPEGExtended:Process3+5": "1.2.840.10008.1.2.4.52",
            "JPEGSpectralSelection:Non-hierarchical:Process6+8": "1.2.840.10008.1.2.4.53",
            "JPEGSpectralSelection:Non-hierarchical:Process7+9": "1.2.840.10008.1.2.4.54",
            "JPEGFullProgression:Non-hierarchical:Process10+12": "1.2.840.10008.1.2.4.55",
            "JPEGFullProgression:Non-hierarchical:Process11+13": "1.2.840.10008.1.2.4.56",
            "JPEGLossless:Non-hierarchical:Process14": "1.2.840.10008.1.2.4.57",
            "JPEGLossless:Non-hierarchical:Process15": "1.2.840.10008.1.2.4.58",
            "JPEGExtended:Hierarchical:Process16+18": "1.2.840.10008.1.2.4.59",
            "JPEGExtended:Hierarchical:Process17+19": "1.2.840.10008.1.2.4.60",
            "JPEGSpectralSelection:Hierarchical:Process20+22": "1.2.840.10008.1.2.4.61",
            "JPEGSpectralSelection:Hierarchical:Process21+23": "1.2.840.10008.1.2.4.62",
            "JPEGFullProgression:Hierarchical:Process24+26": "1.2.840.10008.1.2.4.63",
            "JPEGFullProgression:Hierarchical:Process25+27": "1.2.840.10008.1.2.4.64",
            "JPEGLossless:Hierarchical:Process28": "1.2.840.10008.1.2.4.65",
            "JPEGLossless:Hierarchical:Process29": "1.2.840.10008.1.2.4.66",
            "JPEGLossless:Non-hierarchical-1stOrderPrediction": "1.2.840.10008.1.2.4.70",
            "JPEGLSLossless": "1.2.840.10008.1.2.4.80",
            "JPEGLSLossy": "1.2.840.10008.1.2.4.81",
            "JPEG2000LosslessOnly": "1.2.840.10008.1.2.4.90",
            "JPEG2000": "1.2.840.10008.1.2.4.91",
            "JPEG2000MulticomponentLosslessOnly": "1.2.840.10008.1.2.4.92",
            "JPEG2000Multicomponent": "1.2.840.10008.1.2.4.93",
            "JPIPReferenced": "1.2.840.10008.1.2.4.94",
            "JPIPReferencedDeflate": "1.2.840.10008.1.2.4.95",
            "MPEG2MainProfile@MainLevel": "1.2.840.10008.1.2.4.100",
            "MPEG2MainProfile@HighLevel": "1.2.840.10008.1.2.4.101",
            "MPEG4HighProfile/Level4.1": "1.2.840.10008.1.2.4.102",
            "MPEG4BDcompatibleHighProfile/Level4.1": "1.2.840.10008.1.2.4.103",
            "MPEG4HighProfile/Level4.2For2DVideo": "1.2.840.10008.1.2.4.104",
            "MPEG4HighProfile/Level4.2For3DVideo": "1.2.840.10008.1.2.4.105",
            "MPEG4StereoHighProfile/Level4.2": "1.2.840.10008.1.2.4.106",
            "HEVCMainProfile/Level5.1": "1.2.840.10008.1.2.4.107",
            "HEVCMain10Profile/Level5.1": "1.2.840.10008.1.2.4.108",
            "RLELossless": "1.2.840.10008.1.2.5",
        ]
    }()

    /// A transfer syntax named by DCMTK's symbol or written as a UID that
    /// PS3.6 lists (a private syntax is written as a UID too: any UID that is
    /// well formed is taken).
    static func transferSyntaxUID(_ value: String) -> String? {
        if let uid = transferSyntaxNames[value] { return uid }
        return isUID(value) ? value : nil
    }

    /// A SOP class named as DCMTK names it (`CTImageStorage`,
    /// `VerificationSOPClass`, `FINDStudyRootQueryRetrieveInformationModel`),
    /// by its PS3.6 keyword, or written as a UID.
    static func abstractSyntaxUID(_ value: String) -> String? {
        if isUID(value) { return value }
        if let sopClass = SOPClass.lookup(name: value) { return sopClass.uid }
        return queryRetrieveNames[value]
    }

    /// DCMTK's names of the Q/R information models and the private shutdown
    /// class, in case the SOP class table spells them otherwise.
    static let queryRetrieveNames: [String: String] = [
        "FINDPatientRootQueryRetrieveInformationModel": "1.2.840.10008.5.1.4.1.2.1.1",
        "MOVEPatientRootQueryRetrieveInformationModel": "1.2.840.10008.5.1.4.1.2.1.2",
        "GETPatientRootQueryRetrieveInformationModel": "1.2.840.10008.5.1.4.1.2.1.3",
        "FINDStudyRootQueryRetrieveInformationModel": "1.2.840.10008.5.1.4.1.2.2.1",
        "MOVEStudyRootQueryRetrieveInformationModel": "1.2.840.10008.5.1.4.1.2.2.2",
        "GETStudyRootQueryRetrieveInformationModel": "1.2.840.10008.5.1.4.1.2.2.3",
        "RETIRED_FINDPatientStudyOnlyQueryRetrieveInformationModel": "1.2.840.10008.5.1.4.1.2.3.1",
        "RETIRED_MOVEPatientStudyOnlyQueryRetrieveInformationModel": "1.2.840.10008.5.1.4.1.2.3.2",
        "RETIRED_GETPatientStudyOnlyQueryRetrieveInformationModel": "1.2.840.10008.5.1.4.1.2.3.3",
        "VerificationSOPClass": SOPClass.verificationUID,
        "PrivateShutdownSOPClass": SOPClass.privateShutdownUID,
    ]

    /// PS3.5 §9.1: components of digits separated by dots, no leading zero
    /// in a component of more than one digit, at most 64 characters.
    static func isUID(_ value: String) -> Bool {
        guard !value.isEmpty, value.utf8.count <= 64 else { return false }
        let components = value.split(separator: ".", omittingEmptySubsequences: false)
        return components.allSatisfy { c in
            !c.isEmpty && c.allSatisfy(\.isASCIIDigit) && (c.count == 1 || c.first != "0")
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
