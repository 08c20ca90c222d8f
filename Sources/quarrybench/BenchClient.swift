import DICOM
import DICOMNetwork

/// SOP classes and transfer syntaxes the bench proposes (PS3.4 Annex C, PS3.6 Table A-1).
enum BenchUID {
    static let implicitLittleEndian = "1.2.840.10008.1.2"
    static let explicitLittleEndian = "1.2.840.10008.1.2.1"
    static let verification = "1.2.840.10008.1.1"
    static let studyRootFind = "1.2.840.10008.5.1.4.1.2.2.1"
    static let studyRootMove = "1.2.840.10008.5.1.4.1.2.2.2"
    static let studyRootGet = "1.2.840.10008.5.1.4.1.2.2.3"
    static let storageClasses = ["1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4"]   // CT, MR Image Storage
    static let uncompressed = [explicitLittleEndian, implicitLittleEndian]
}

/// A monotonic clock reading in seconds.
func now() -> Double {
    let d = ContinuousClock.now - BenchClock.origin
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

enum BenchClock { static let origin = ContinuousClock.now }

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ text: String) { description = text }
}

/// The requesting end of one association to the target under test.
struct BenchClient {
    let association: Association

    init(_ arguments: BenchArguments, contexts: [ProposedPresentationContext]) throws {
        var configuration = AssociationConfiguration(
            implementationClassUID: QuarryIdentity.implementationClassUID,
            implementationVersionName: "QUARRYBENCH", maximumPDULength: 65536,
            acseTimeout: .seconds(30), dimseTimeout: .seconds(try arguments.double("timeout", default: 600)),
            connectTimeout: .seconds(10))
        configuration.log = .silent
        let requestor = AssociationRequestor(callingAETitle: arguments.string("aet", default: "BENCHSCU"),
                                             configuration: configuration)
        association = try requestor.request(calledAETitle: try arguments.string("aec"), host: try arguments.host,
                                            port: try arguments.port, presentationContexts: contexts)
    }

    static func queryContexts(_ abstractSyntax: String) -> [ProposedPresentationContext] {
        [ProposedPresentationContext(abstractSyntax: verification, transferSyntaxes: BenchUID.uncompressed),
         ProposedPresentationContext(abstractSyntax: abstractSyntax, transferSyntaxes: BenchUID.uncompressed)]
    }

    private static let verification = BenchUID.verification

    /// The accepted context for `abstractSyntax` and its transfer syntax.
    func context(_ abstractSyntax: String) throws -> (id: UInt8, syntax: TransferSyntax) {
        guard let c = association.acceptedPresentationContext(abstractSyntax: abstractSyntax),
              let uid = c.transferSyntax, let syntax = TransferSyntax(uid: uid) else {
            throw BenchFailure("the target did not accept \(abstractSyntax)")
        }
        return (c.id, syntax)
    }

    /// One C-ECHO round trip, in seconds.
    func echo() throws -> Double {
        let (id, _) = try context(BenchUID.verification)
        let start = now()
        try association.send(CEchoRQ(messageID: association.nextMessageID(), affectedSOPClassUID: BenchUID.verification),
                             presentationContextID: id)
        guard case .command(let c) = try association.receive(), case .cEchoRSP(let rsp) = c.message else {
            throw BenchFailure("no C-ECHO-RSP")
        }
        guard rsp.status == .success else { throw BenchFailure("C-ECHO status \(rsp.status)") }
        return now() - start
    }

    /// One C-FIND: the identifier's matches, each handed to `match` (nil when the
    /// caller does not need them decoded), and the final status.
    func find(_ identifier: DataSet, match: ((DataSet) -> Void)? = nil) throws -> (matches: Int, status: Status) {
        let (id, syntax) = try context(BenchUID.studyRootFind)
        let bytes = try identifier.encoded(transferSyntax: syntax)
        try association.send(CFindRQ(messageID: association.nextMessageID(), affectedSOPClassUID: BenchUID.studyRootFind),
                             presentationContextID: id, dataSet: bytes)
        var matches = 0
        while true {
            guard case .command(let c) = try association.receive(), case .cFindRSP(let rsp) = c.message else {
                throw BenchFailure("expected a C-FIND-RSP")
            }
            if c.hasDataSet {
                let data = try association.receiveDataSet()
                if let match, rsp.status.rawValue & 0xFF00 == 0xFF00 {
                    match(try DataSet(decoding: data, transferSyntax: syntax))
                }
            }
            if rsp.status.rawValue == 0xFF00 || rsp.status.rawValue == 0xFF01 {
                matches += 1
            } else {
                return (matches, rsp.status)
            }
        }
    }

    func release() { try? association.release() }
}

extension DataSet {
    /// An identifier from `(tag, VR, value)` keys plus the Query/Retrieve Level.
    init(level: String, keys: [(Tag, VR, String)]) {
        self.init()
        setString(Tag(0x0008, 0x0052), .CS, level)
        for (tag, vr, value) in keys { setString(tag, vr, value) }
    }
}
