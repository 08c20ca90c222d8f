/// What the network layer knows of one C-STORE when its data set starts to
/// arrive (PS3.7 §9.1.1, Table 9.3-1; PS3.8 presentation context): the
/// command's Affected SOP Class and Instance UIDs, the calling AE title and
/// the transfer syntax negotiated for the presentation context.
package struct StoreRequest: Sendable, Equatable {
    /// Affected SOP Class UID (0000,0002) of the C-STORE-RQ.
    package var affectedSOPClassUID: String
    /// Affected SOP Instance UID (0000,1000) of the C-STORE-RQ.
    package var affectedSOPInstanceUID: String
    /// The association's calling AE title: Source Application Entity Title (0002,0016) of the file.
    package var callingAETitle: String
    /// The presentation context's transfer syntax: how the data set bytes are encoded.
    package var transferSyntaxUID: String

    package init(affectedSOPClassUID: String, affectedSOPInstanceUID: String, callingAETitle: String,
                 transferSyntaxUID: String) {
        (self.affectedSOPClassUID, self.affectedSOPInstanceUID) = (affectedSOPClassUID, affectedSOPInstanceUID)
        (self.callingAETitle, self.transferSyntaxUID) = (callingAETitle, transferSyntaxUID)
    }
}

/// How received objects are written (dcmqrscp's output options, spec §1.2) and
/// which quota applies: what the server's command line and the AE's AETable
/// line decide.
package struct StoreOptions: Sendable, Equatable {
    /// `+t=` (as received), `+te`, `+tb`, `+ti`, `+td`: the transfer syntax of the file.
    package enum WrittenTransferSyntax: Sendable, Equatable {
        case asReceived
        case explicitVRLittleEndian
        case explicitVRBigEndian
        case implicitVRLittleEndian
        case deflatedExplicitVRLittleEndian

        /// The target syntax; nil for `asReceived`.
        package var transferSyntax: TransferSyntaxName? {
            switch self {
            case .asReceived: nil
            case .explicitVRLittleEndian: .explicitVRLittleEndian
            case .explicitVRBigEndian: .explicitVRBigEndian
            case .implicitVRLittleEndian: .implicitVRLittleEndian
            case .deflatedExplicitVRLittleEndian: .deflatedExplicitVRLittleEndian
            }
        }
    }

    /// The uncompressed syntaxes `+t…` can name (PS3.5 §A.1–§A.5).
    package enum TransferSyntaxName: String, Sendable, Equatable {
        case implicitVRLittleEndian = "1.2.840.10008.1.2"
        case explicitVRLittleEndian = "1.2.840.10008.1.2.1"
        case deflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99"
        case explicitVRBigEndian = "1.2.840.10008.1.2.2"
    }

    package var writtenTransferSyntax: WrittenTransferSyntax = .asReceived
    /// `+F` (true, the default) / `-F`: a Part 10 meta header before the data set.
    package var writesFileMetaInformation = true
    /// `--ignore`: read the data set, answer success, write nothing.
    package var ignoresData = false
    /// `-up`: compare the data set's SOP Class/Instance UIDs with the command's
    /// ignoring space padding (trailing NULs are always ignored, PS3.5 §9.1).
    package var toleratesUIDPadding = false
    /// The AE's quota; nil: the area's (that of the first AE configured with it).
    package var quota: StorageQuota?

    package init(writtenTransferSyntax: WrittenTransferSyntax = .asReceived, writesFileMetaInformation: Bool = true,
                 ignoresData: Bool = false, toleratesUIDPadding: Bool = false, quota: StorageQuota? = nil) {
        self.writtenTransferSyntax = writtenTransferSyntax
        self.writesFileMetaInformation = writesFileMetaInformation
        self.ignoresData = ignoresData
        self.toleratesUIDPadding = toleratesUIDPadding
        self.quota = quota
    }
}
