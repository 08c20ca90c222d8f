import DICOM

/// What both ends of an association are configured with (dcmqrscp's `-pdu`,
/// `-ta`, `-td`, `-to`, and the implementation identity it announces).
package struct AssociationConfiguration: Sendable {
    /// Our Maximum Length (PS3.8 §D.1): the largest P-DATA-TF we accept, advertised
    /// in the A-ASSOCIATE-RQ/-AC (dcmqrscp: MaxPDUSize or `-pdu`). 0 is taken as
    /// DCMTK's default, 16384: this end never advertises "no limit".
    package var maximumPDULength: UInt32
    /// Implementation Class UID and Version Name sent to the peer (PS3.7 §D.3.3.2).
    package var implementationClassUID: String
    package var implementationVersionName: String?
    /// ACSE timeout (`-ta`, 30 s): waiting for an A-ASSOCIATE-RQ/-AC/-RP, and the
    /// ARTIM timer after a reject, release or abort. nil: 30 s for ARTIM, no limit otherwise.
    package var acseTimeout: Duration?
    /// DIMSE timeout (`-td`): waiting for each PDU of a message; nil blocks (dcmqrscp's default).
    package var dimseTimeout: Duration?
    /// TCP connect timeout (`-to`); nil leaves it to the system.
    package var connectTimeout: Duration?
    /// Bound on A-ASSOCIATE PDUs, which have no negotiated limit.
    package var maximumAssociateLength: UInt32
    package var log: Log

    package init(implementationClassUID: String, implementationVersionName: String? = nil,
                 maximumPDULength: UInt32 = 16384, acseTimeout: Duration? = .seconds(30), dimseTimeout: Duration? = nil,
                 connectTimeout: Duration? = nil, maximumAssociateLength: UInt32 = 1 << 20, log: Log = .silent) {
        self.implementationClassUID = implementationClassUID
        self.implementationVersionName = implementationVersionName
        self.maximumPDULength = maximumPDULength
        self.acseTimeout = acseTimeout
        self.dimseTimeout = dimseTimeout
        self.connectTimeout = connectTimeout
        self.maximumAssociateLength = maximumAssociateLength
        self.log = log
    }

    /// The ARTIM timer (PS3.8 §9.1.5) runs for the ACSE timeout.
    var artimTimeout: Duration { acseTimeout ?? .seconds(30) }

    /// The Maximum Length actually advertised and enforced.
    package var effectiveMaximumPDULength: UInt32 { maximumPDULength == 0 ? 16384 : maximumPDULength }

    var limits: PDULimits {
        PDULimits(maximumPDataLength: effectiveMaximumPDULength, maximumAssociateLength: maximumAssociateLength)
    }
}
