import DICOM

/// How one stored object goes out on an association (issue 6 "Transfer syntaxes"):
/// as stored when the peer accepted its SOP class in the file's transfer syntax;
/// otherwise converted between uncompressed syntaxes (Implicit/Explicit VR Little
/// Endian, Explicit VR Big Endian, Deflated) when the file is in one and the peer
/// accepted another; otherwise not at all — the sub-operation fails with the reason.
package struct OutgoingTransferSyntax: Sendable, Equatable {
    /// The context to send the C-STORE-RQ on.
    package var contextID: UInt8
    /// The syntax the data set is sent in (the context's).
    package var transferSyntaxUID: String
    /// False when the data set is sent as stored; true when it is converted.
    package var isConverted: Bool

    package init(contextID: UInt8, transferSyntaxUID: String, isConverted: Bool) {
        (self.contextID, self.transferSyntaxUID, self.isConverted) = (contextID, transferSyntaxUID, isConverted)
    }

    /// Syntaxes to convert into, best first: no byte swapping and no compression first.
    static let conversionPreference = [
        TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid,
        TransferSyntax.explicitVRBigEndian.uid, TransferSyntax.deflatedExplicitVRLittleEndian.uid,
    ]

    /// The choice for an object of `sopClassUID` stored in `storedTransferSyntaxUID`,
    /// given what the peer accepted.
    package static func choose(sopClassUID: String, storedTransferSyntaxUID: String,
                               accepted: [AcceptedStorageContext]) -> Result<Self, NoPresentationContext> {
        let stored = TransferSyntax.unpaddedUID(storedTransferSyntaxUID)
        let candidates = accepted.filter { TransferSyntax.unpaddedUID($0.sopClassUID) == TransferSyntax.unpaddedUID(sopClassUID) }
        guard !candidates.isEmpty else {
            return .failure(NoPresentationContext(sopClassUID: sopClassUID, storedTransferSyntaxUID: stored, acceptedTransferSyntaxUIDs: []))
        }
        if let same = candidates.first(where: { TransferSyntax.unpaddedUID($0.transferSyntaxUID) == stored }) {
            return .success(Self(contextID: same.contextID, transferSyntaxUID: stored, isConverted: false))
        }
        if let source = TransferSyntax(uid: stored), source.hasNativePixelData {
            let convertible = candidates.filter { TransferSyntax(uid: $0.transferSyntaxUID)?.hasNativePixelData == true }
            let ranked = convertible.sorted { rank($0.transferSyntaxUID) < rank($1.transferSyntaxUID) }
            if let target = ranked.first {
                return .success(Self(contextID: target.contextID, transferSyntaxUID: TransferSyntax.unpaddedUID(target.transferSyntaxUID),
                                     isConverted: true))
            }
        }
        return .failure(NoPresentationContext(sopClassUID: sopClassUID, storedTransferSyntaxUID: stored,
                                              acceptedTransferSyntaxUIDs: candidates.map { TransferSyntax.unpaddedUID($0.transferSyntaxUID) }))
    }

    private static func rank(_ uid: String) -> Int {
        conversionPreference.firstIndex(of: TransferSyntax.unpaddedUID(uid)) ?? conversionPreference.count
    }
}

/// Why an object cannot be sent on an association: its SOP class was not accepted
/// at all (dcmqrscp's words), or only in syntaxes its stored one cannot become.
package struct NoPresentationContext: Error, Sendable, Equatable, CustomStringConvertible {
    package var sopClassUID: String
    package var storedTransferSyntaxUID: String
    /// The syntaxes the peer accepted for the SOP class; empty when it accepted none.
    package var acceptedTransferSyntaxUIDs: [String]

    package init(sopClassUID: String, storedTransferSyntaxUID: String, acceptedTransferSyntaxUIDs: [String]) {
        (self.sopClassUID, self.storedTransferSyntaxUID) = (sopClassUID, storedTransferSyntaxUID)
        self.acceptedTransferSyntaxUIDs = acceptedTransferSyntaxUIDs
    }

    /// `No presentation context for: (CT) 1.2.840.10008.5.1.4.1.1.2` (spec §7.3, §8); for an
    /// object stored in a syntax Quarry cannot convert, which syntax stands in the way.
    package var description: String {
        let sopClass = "(\(SOPClass.modalityPrefix(sopClassUID))) \(TransferSyntax.unpaddedUID(sopClassUID))"
        let convertible = TransferSyntax(uid: storedTransferSyntaxUID)?.hasNativePixelData == true
        if convertible, acceptedTransferSyntaxUIDs.isEmpty { return "No presentation context for: \(sopClass)" }
        let accepted = acceptedTransferSyntaxUIDs.isEmpty ? "no context for the class"
            : "only " + acceptedTransferSyntaxUIDs.map(Self.name).joined(separator: ", ")
        return "No presentation context for: \(sopClass) in \(Self.name(storedTransferSyntaxUID)) "
            + "(stored so; the peer accepted \(accepted), and Quarry converts only between uncompressed syntaxes)"
    }

    private static func name(_ uid: String) -> String { TransferSyntax(uid: uid)?.name ?? uid }
}
