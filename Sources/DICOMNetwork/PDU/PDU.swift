import DICOM

/// One protocol data unit of the DICOM Upper Layer (PS3.8 §9.3).
package enum PDU: Equatable, Sendable {
    case associateRQ(AAssociateRQ)
    case associateAC(AAssociateAC)
    case associateRJ(AAssociateRJ)
    case pDataTF(PDataTF)
    case releaseRQ(AReleaseRQ)
    case releaseRP(AReleaseRP)
    case abort(AAbort)

    /// The 6-byte PDU header (PS3.8 §9.3.1): PDU-type, reserved, PDU-length.
    package static let headerLength = 6

    /// Decodes a PDU body (what follows the 6-byte header). `baseOffset` is the
    /// body's position in the PDU, for error reports (6 when read from a stream).
    package init(type: UInt8, body: [UInt8], baseOffset: Int = headerLength) throws(PDUDecodingError) {
        var reader = ByteReader(body, baseOffset: baseOffset)
        do {
            switch type {
            case AAssociateRQ.pduType: self = .associateRQ(try AAssociateRQ(body: &reader))
            case AAssociateAC.pduType: self = .associateAC(try AAssociateAC(body: &reader))
            case AAssociateRJ.pduType: self = .associateRJ(try AAssociateRJ(body: &reader))
            case PDataTF.pduType: self = .pDataTF(try PDataTF(body: &reader))
            case AReleaseRQ.pduType: self = .releaseRQ(try AReleaseRQ(body: &reader))
            case AReleaseRP.pduType: self = .releaseRP(try AReleaseRP(body: &reader))
            case AAbort.pduType: self = .abort(try AAbort(body: &reader))
            default: throw PDUDecodingError.unrecognizedPDUType(type)
            }
        } catch let error as PDUDecodingError {
            throw error
        } catch let error as MalformedData {
            throw .malformed(error)
        } catch {
            throw .malformed(MalformedData(field: "PDU", offset: baseOffset, reason: "\(error)"))
        }
    }

    /// Decodes a whole PDU, header included; the length field must match the bytes.
    package init(bytes: [UInt8]) throws(PDUDecodingError) {
        var reader = ByteReader(bytes)
        do {
            let type = try reader.uint8("PDU-type")
            try reader.skip(1, "Reserved")
            let length = Int(try reader.uint32BE("PDU-length"))
            let body = try reader.read(length, "PDU body (length \(length))")
            try self.init(type: type, body: Array(body))
        } catch let error as PDUDecodingError {
            throw error
        } catch let error as MalformedData {
            throw .malformed(error)
        } catch {
            throw .malformed(MalformedData(field: "PDU", offset: 0, reason: "\(error)"))
        }
    }

    package var type: UInt8 {
        switch self {
        case .associateRQ: AAssociateRQ.pduType
        case .associateAC: AAssociateAC.pduType
        case .associateRJ: AAssociateRJ.pduType
        case .pDataTF: PDataTF.pduType
        case .releaseRQ: AReleaseRQ.pduType
        case .releaseRP: AReleaseRP.pduType
        case .abort: AAbort.pduType
        }
    }

    /// The whole PDU, header included.
    package var encoded: [UInt8] {
        switch self {
        case .associateRQ(let p): p.encoded
        case .associateAC(let p): p.encoded
        case .associateRJ(let p): p.encoded
        case .pDataTF(let p): p.encoded
        case .releaseRQ(let p): p.encoded
        case .releaseRP(let p): p.encoded
        case .abort(let p): p.encoded
        }
    }

    /// DCMTK's name for a PDU type (its `-d` dumps: "PDU Type: Associate Request").
    package static func name(ofType type: UInt8) -> String {
        switch type {
        case 0x01: "Associate Request"
        case 0x02: "Associate Accept"
        case 0x03: "Associate Reject"
        case 0x04: "Data"
        case 0x05: "Release Request"
        case 0x06: "Release Response"
        case 0x07: "Abort"
        default: "Unknown (\(hex2(type)))"
        }
    }
}

/// Why bytes did not decode as a PDU.
package enum PDUDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A PDU type PS3.8 §9.3 does not define (an A-ABORT reason: unrecognized-PDU).
    case unrecognizedPDUType(UInt8)
    /// A field could not be read where the standard puts it.
    case malformed(MalformedData)

    package var description: String {
        switch self {
        case .unrecognizedPDUType(let t): "unrecognized PDU type \(hex2(t))"
        case .malformed(let m): "malformed PDU: \(m)"
        }
    }
}
