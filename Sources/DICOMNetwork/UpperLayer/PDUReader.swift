import DICOM

/// How large a PDU this end accepts, checked against the PDU-length field
/// before a byte of the body is allocated.
package struct PDULimits: Sendable, Equatable {
    /// Our Maximum Length (PS3.8 §D.1) as advertised: the largest P-DATA-TF
    /// variable field we accept.
    package var maximumPDataLength: UInt32
    /// A-ASSOCIATE-RQ/-AC carry no negotiated limit; a sane bound (1 MiB holds
    /// 128 contexts of dozens of transfer syntaxes).
    package var maximumAssociateLength: UInt32
    /// RJ, release and abort PDUs have 4-byte bodies (Tables 9-21, 9-24 to 9-26).
    package var maximumFixedLength: UInt32

    package init(maximumPDataLength: UInt32, maximumAssociateLength: UInt32 = 1 << 20, maximumFixedLength: UInt32 = 64) {
        self.maximumPDataLength = maximumPDataLength
        self.maximumAssociateLength = maximumAssociateLength
        self.maximumFixedLength = maximumFixedLength
    }

    /// The limit for a PDU type; nil for a type PS3.8 does not define.
    package func limit(forType type: UInt8) -> UInt32? {
        switch type {
        case AAssociateRQ.pduType, AAssociateAC.pduType: maximumAssociateLength
        case PDataTF.pduType: maximumPDataLength == 0 ? 16384 : maximumPDataLength
        case AAssociateRJ.pduType, AReleaseRQ.pduType, AReleaseRP.pduType, AAbort.pduType: maximumFixedLength
        default: nil
        }
    }
}

extension TCPConnection {
    /// Reads one PDU: the 6-byte header, then — once the type is known and the
    /// length is within `limits` — the body, all within `timeout` (nil: wait).
    package func readPDU(limits: PDULimits, timeout: Duration?) throws(AssociationError) -> PDU {
        try readPDU(limits: limits, timeout: timeout, received: nil)
    }

    /// As `readPDU(limits:timeout:)`; `received` sees the raw bytes before decoding.
    func readPDU(limits: PDULimits, timeout: Duration?, received: ((_ header: [UInt8], _ body: [UInt8]) -> Void)?)
        throws(AssociationError) -> PDU {
        let header: [UInt8]
        do { header = try read(PDU.headerLength, timeout: timeout) } catch { throw .transport(error) }
        let type = header[0]
        let length = UInt32(header[2]) << 24 | UInt32(header[3]) << 16 | UInt32(header[4]) << 8 | UInt32(header[5])
        guard let limit = limits.limit(forType: type) else { throw .invalidPDU(.unrecognizedPDUType(type)) }
        guard length <= limit else { throw .pduTooLarge(type: type, length: length, limit: limit) }
        let body: [UInt8]
        do { body = try read(Int(length), timeout: timeout) } catch { throw .transport(error) }
        received?(header, body)
        do { return try PDU(type: type, body: body) } catch { throw .invalidPDU(error) }
    }
}
