import Archive
import DICOM

/// Everything quarryscp's command line decides — dcmqrscp's options with
/// their dcmqrscp defaults (`dcmqrscp --help`, dcmqrscp.man; spec §1.2), plus
/// Quarry's own. A plain value: the command-line parser (quarryscp's
/// `ServerCommandLine`) fills it, the server reads it.
package struct ServerOptions: Sendable, Equatable {
    /// What the process is asked to do.
    package var mode: Mode = .serve

    // MARK: parameter and general options

    /// The `port` parameter (1…65535); nil: the config's NetworkTCPPort, 104 when that is 0 or absent.
    package var port: UInt16?
    /// `-c`; nil: the first of `configurationCandidates` that exists.
    package var configPath: String?
    /// The effective log level (`-q` fatal, `-v` info, `-d` debug, `-ll`; warn by default;
    /// with `-lc`, the root level of that file).
    package var logLevel: Log.Level = .warn
    /// `-lc`: the log4cplus-style logger configuration in use.
    package var logConfigPath: String?

    // MARK: multi-process and database options

    /// `-s`: serve associations one at a time in the main thread (`--fork`, the default, is false).
    package var singleProcess = false
    /// `--require-find`: refuse a MOVE context whose model's FIND context was not proposed.
    package var requireFind = false
    /// `--no-parallel-store`: refuse storage contexts while another association stores to the same AE.
    package var noParallelStore = false
    /// `--disable-get`: no C-GET contexts; storage contexts with the default role only.
    package var disableGet = false
    /// `--allow-shutdown`: accept the private shutdown SOP class (spec §9.3).
    package var allowShutdown = false
    /// `-XF` / `--no-check-find`: strict C-FIND identifier checks (spec §6.7).
    package var checkFind = false
    /// `-XM` / `--no-check-move`: strict C-MOVE and C-GET identifier checks (spec §7.6).
    package var checkMove = false
    /// `-ZA`: a move destination must be the requesting AE title.
    package var restrictMoveToRequestingAETitle = false
    /// `-ZH`: a move destination's host must be the requesting host.
    package var restrictMoveToRequestingHost = false
    /// `-ZV`: a move destination must share a VendorTable entry with the requesting AE.
    package var restrictMoveToRequestingVendor = false
    /// `-QP`, `-QS`, `-QO` turn these off (never all three: the parser refuses that).
    package var supportPatientRoot = true
    package var supportStudyRoot = true
    package var supportPatientStudyOnly = true
    /// `--quota-policy` (Quarry): what happens when an object would exceed an AE's quota.
    package var quotaPolicy: QuotaPolicy = .deleteOldest
    /// `--pn-exact` / `--pn-insensitive` (Quarry): how C-FIND matches PN values.
    package var personNameMatching: PersonNameMatching = .exact

    // MARK: network options

    /// `-xf file in out`: association negotiation profiles from a DCMTK association config file.
    package var associationProfiles: AssociationProfiles?
    /// `+x=` … `+xi`, and Quarry's `+xa`: transfer syntaxes accepted for incoming contexts.
    package var acceptedTransferSyntaxes: TransferSyntaxPreference = .uncompressed
    /// `-x=` … `-xd`: transfer syntaxes proposed in C-MOVE sub-associations.
    package var proposedTransferSyntaxes: TransferSyntaxPreference = .uncompressed
    /// `+ac` (TCP wrapper host access control, daemon name `dcmqrscp`); `-ac`, the default, is false.
    package var accessControl = false
    /// `-to`: TCP connect timeout for outgoing associations, seconds; nil: unlimited.
    package var connectionTimeout: Int?
    /// `-ta`: ACSE timeout, seconds (also while waiting for the A-ASSOCIATE-RQ).
    package var acseTimeout = 30
    /// `-td`: DIMSE timeout, seconds; nil: unlimited.
    package var dimseTimeout: Int?
    /// `-pdu` (4096…131072): overrides the config's MaxPDUSize.
    package var maxPDU: UInt32?
    /// `-dhl`: use the peer's dotted address instead of its reverse-DNS name.
    package var disableHostLookup = false
    /// `--refuse`: reject every association (1,1,1) after logging it.
    package var refuseAssociations = false
    /// `--reject`: reject (1,1,1) an association without Implementation Class UID.
    package var rejectWithoutImplementationClassUID = false
    /// `--ignore`: receive C-STORE data and answer success, store nothing.
    package var ignoreStoreData = false
    /// `-up`: tolerate space-padded UIDs.
    package var correctUIDPadding = false

    // MARK: processing options (specific character set)

    /// `+Cr` (false) / `-Cr` (true); nil: as the config says, else `+Cr`.
    package var overrideRequestCharacterSet: Bool?
    /// `+A7`, `+U8`, `+L1`, `+C`; nil: as the config says, else ASCII.
    package var convertCharacterSet: CharacterSetConversion?
    /// `-Ct`
    package var transliterate = false
    /// `-Cd`
    package var discardIllegalCharacters = false

    // MARK: output options (how received objects are written)

    /// `+B`; `-B`, the default, is false.
    package var bitPreserving = false
    /// `-F` (false): data set without file meta information; `+F`, the default, is true.
    package var writeFileMetaInformation = true
    /// `+t=` … `+td`
    package var writeTransferSyntax: WriteTransferSyntax = .same
    /// `-u` (false); `+u`, the default, is true.
    package var enableNewVRs = true
    /// `+g=`, `+g`, `-g`
    package var groupLength: GroupLengthEncoding = .recalculate
    /// `+e` (true, default), `-e` (false).
    package var explicitLengthSequences = true
    /// `+p f i`; nil: `-p`, no padding.
    package var padding: Padding?
    /// `+cl` (0…9).
    package var compressionLevel = 6

    package init() {}
}

extension ServerOptions {
    /// Where quarryscp looks for its configuration when no `-c` is given, in
    /// order (`ConfigurationSearchPath`): dcmqrscp's compiled-in default on
    /// Debian, upstream DCMTK's default, then Quarry's install prefix.
    package static var defaultConfigurationCandidates: [String] { ConfigurationSearchPath.candidates }

    /// `[configPath]` when `-c` was given, else the default candidates.
    package var configurationCandidates: [String] {
        configPath.map { [$0] } ?? Self.defaultConfigurationCandidates
    }
}
