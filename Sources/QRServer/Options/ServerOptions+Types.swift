extension ServerOptions {
    /// What quarryscp runs as.
    package enum Mode: Sendable, Equatable {
        /// Serve associations (dcmqrscp's only mode).
        case serve
        /// `--check-config` (Quarry): validate the config, print a summary, exit 0 or 1.
        case checkConfig
        /// `--explain` (Quarry): answer offline whether an association would be accepted.
        case explain(ExplainRequest)
    }

    /// `--explain CALLING[@HOST] CALLED [--move-to DEST]`.
    package struct ExplainRequest: Sendable, Equatable {
        package var callingAETitle: String
        /// The peer's host name or address; nil: the question is about AE titles only.
        package var callingHost: String?
        package var calledAETitle: String
        /// `--move-to`: where a C-MOVE to this AE title would go.
        package var moveDestination: String?

        package init(callingAETitle: String, callingHost: String? = nil, calledAETitle: String, moveDestination: String? = nil) {
            self.callingAETitle = callingAETitle
            self.callingHost = callingHost
            self.calledAETitle = calledAETitle
            self.moveDestination = moveDestination
        }
    }

    /// `--quota-policy` (Quarry).
    package enum QuotaPolicy: String, Sendable, Equatable, CaseIterable {
        /// `delete`, as dcmqrscp: remove the least recently stored-into study (or a study's oldest instances).
        case deleteOldest = "delete"
        /// `reject`: refuse the object that would exceed the quota (0xA700 family).
        case reject
    }

    /// `--pn-exact` / `--pn-insensitive` (Quarry).
    package enum PersonNameMatching: Sendable, Equatable {
        /// As dcmqrscp: byte-exact single value and wildcard matching.
        case exact
        /// Case- and accent-insensitive (`müller` matches `MULLER`).
        case insensitive
    }

    /// `-xf file in out`.
    package struct AssociationProfiles: Sendable, Equatable {
        package var file: String
        package var incomingProfile: String
        package var outgoingProfile: String

        package init(file: String, incomingProfile: String, outgoingProfile: String) {
            (self.file, self.incomingProfile, self.outgoingProfile) = (file, incomingProfile, outgoingProfile)
        }
    }

    /// `+C`, `+U8`, `+L1`, `+A7`.
    package enum CharacterSetConversion: Sendable, Equatable {
        case ascii
        case utf8
        case latin1
        /// `+C c`: the DICOM defined term `c` (e.g. `ISO_IR 100`).
        case definedTerm(String)

        /// The Specific Character Set value (0008,0005) of the target; empty for ASCII.
        package var specificCharacterSet: String {
            switch self {
            case .ascii: ""
            case .utf8: "ISO_IR 192"
            case .latin1: "ISO_IR 100"
            case .definedTerm(let term): term
            }
        }
    }

    /// `+t=`, `+te`, `+tb`, `+ti`, `+td`.
    package enum WriteTransferSyntax: Sendable, Equatable {
        case same, explicitLittleEndian, explicitBigEndian, implicitLittleEndian, deflatedExplicitLittleEndian
    }

    /// `+g=`, `+g`, `-g`.
    package enum GroupLengthEncoding: Sendable, Equatable {
        case recalculate, create, remove
    }

    /// `+p f i`: align the file on multiples of `file` bytes, items on multiples of `item`.
    package struct Padding: Sendable, Equatable {
        package var file: UInt32
        package var item: UInt32
        package init(file: UInt32, item: UInt32) { (self.file, self.item) = (file, item) }
    }
}
