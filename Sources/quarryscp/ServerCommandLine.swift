import QRServer
import ToolSupport

/// quarryscp's command line: dcmqrscp's (DCMTK 3.6.7, `dcmqrscp --help`; spec
/// §1.2) option for option, in its groups and order, plus Quarry's own
/// (`+xa`, `--pn-…`, `--quota-policy`, `--check-config`, `--explain`).
enum ServerCommandLine {
    static let tool = ToolIdentity(name: "quarryscp", description: "DICOM image archive (dcmqrscp-compatible Q/R SCP)")

    static let interface: CommandLineInterface = {
        var cmd = CommandLineInterface(tool: tool, parameters: [
            CommandLineParameter("port", help: "tcp/ip port number to listen on\n(default: in config file)", .optional),
        ])
        cmd.addGroup("general options:")
        cmd.addStandardOptions()
        cmd.addOption("--config", "-c", values: 1, valueDescription: "[f]ilename: string",
                      help: "use specific configuration file\n(default: "
                          + ServerOptions.defaultConfigurationCandidates.joined(separator: ",\nelse ") + ")")
        cmd.addGroup("multi-process options:")
        cmd.addOption("--single-process", "-s", help: "single process mode")
        cmd.addOption("--fork", help: "serve each assoc. in its own thread (default;\nQuarry does not fork)")
        addDatabaseOptions(&cmd)
        addNetworkOptions(&cmd)
        addProcessingAndOutputOptions(&cmd)
        cmd.addGroup("administration options (Quarry):")
        cmd.addOption("--check-config", help: "check the configuration file, print a summary\nand exit (0: valid, 1: invalid)")
        cmd.addOption("--explain", values: 2, valueDescription: "[c]alling AE[@host], c[a]lled AE: string",
                      help: "explain from the configuration alone whether\nan association from c to a is accepted")
        cmd.addOption("--move-to", values: 1, valueDescription: "[d]estination AE: string",
                      help: "with --explain: where a C-MOVE to d would go")
        return cmd
    }()

    private static func addDatabaseOptions(_ cmd: inout CommandLineInterface) {
        cmd.addGroup("database options:")
        cmd.addSubgroup("association negotiation:")
        cmd.addOption("--require-find", help: "reject all MOVE/GET presentation contexts for\nwhich no correspond. FIND context is proposed")
        cmd.addOption("--no-parallel-store", help: "reject multiple simultaneous STORE presentat.\ncontexts for one application entity title")
        cmd.addOption("--disable-get", help: "disable C-GET support")
        cmd.addOption("--allow-shutdown", help: "allow external shutdown via private SOP class")
        cmd.addSubgroup("checking identifier validity:")
        cmd.addOption("--check-find", "-XF", help: "check C-FIND identifier validity")
        cmd.addOption("--no-check-find", help: "do not check C-FIND identifier validity (def.)")
        cmd.addOption("--check-move", "-XM", help: "check C-MOVE identifier validity")
        cmd.addOption("--no-check-move", help: "do not check C-MOVE identifier validity (def.)")
        cmd.addSubgroup("restriction of move targets:")
        cmd.addOption("--move-unrestricted", help: "do not restrict move destination (default)")
        cmd.addOption("--move-aetitle", "-ZA", help: "restrict move dest. to requesting AE title")
        cmd.addOption("--move-host", "-ZH", help: "restrict move destination to requesting host")
        cmd.addOption("--move-vendor", "-ZV", help: "restrict move destination to requesting vendor")
        cmd.addSubgroup("restriction of query/retrieve models:")
        cmd.addOption("--no-patient-root", "-QP", help: "do not support Patient Root Q/R models")
        cmd.addOption("--no-study-root", "-QS", help: "do not support Study Root Q/R models")
        cmd.addOption("--no-patient-study", "-QO", help: "do not support Patient/Study Only Q/R models")
        cmd.addSubgroup("person name matching (Quarry):")
        cmd.addOption("--pn-exact", help: "match person names exactly (default)")
        cmd.addOption("--pn-insensitive", help: "match person names ignoring case and accents")
        cmd.addSubgroup("storage quotas (Quarry):")
        cmd.addOption("--quota-policy", values: 1, valueDescription: "[p]olicy: string (delete, reject)",
                      help: "when an object would exceed a quota: delete\nthe oldest studies (default, as dcmqrscp)\nor reject the object")
    }

    private static func addNetworkOptions(_ cmd: inout CommandLineInterface) {
        cmd.addGroup("network options:")
        cmd.addSubgroup("association negotiation profiles from configuration file:")
        cmd.addOption("--assoc-config-file", "-xf", values: 3,
                      valueDescription: "[f]ilename, [i]n-profile, [o]ut-profile: string",
                      help: "use profile i from f for incoming associations\nuse profile o from f for outgoing associations")
        cmd.addSubgroup("preferred network transfer syntaxes (incoming associations):")
        for o in preferOptions { cmd.addOption(o.longName, o.shortName, help: o.help) }
        cmd.addSubgroup("proposed transmission transfer syntaxes (outgoing associations):")
        for o in proposeOptions { cmd.addOption(o.longName, o.shortName, help: o.help) }
        cmd.addSubgroup("network host access control (tcp wrapper):")
        cmd.addOption("--access-full", "-ac", help: "accept connections from any host (default)")
        cmd.addOption("--access-control", "+ac", help: "enforce host access control rules")
        cmd.addSubgroup("other network options:")
        cmd.addOption("--timeout", "-to", values: 1, valueDescription: "[s]econds: integer (default: unlimited)",
                      help: "timeout for connection requests")
        cmd.addOption("--acse-timeout", "-ta", values: 1, valueDescription: "[s]econds: integer (default: 30)",
                      help: "timeout for ACSE messages")
        cmd.addOption("--dimse-timeout", "-td", values: 1, valueDescription: "[s]econds: integer (default: unlimited)",
                      help: "timeout for DIMSE messages")
        cmd.addOption("--max-pdu", "-pdu", values: 1,
                      valueDescription: "[n]umber of bytes: integer (\(minimumPDU)..\(maximumPDU))",
                      help: "set max receive pdu to n bytes\n(default: use value from configuration file)")
        cmd.addOption("--disable-host-lookup", "-dhl", help: "disable hostname lookup")
        cmd.addOption("--refuse", help: "refuse association")
        cmd.addOption("--reject", help: "reject association if no implement. class UID")
        cmd.addOption("--ignore", help: "ignore store data, receive but do not store")
        cmd.addOption("--uid-padding", "-up", help: "silently correct space-padded UIDs")
    }

    /// ASC_MINIMUMPDUSIZE and ASC_MAXIMUMPDUSIZE of DCMTK.
    static let minimumPDU: UInt = 4096
    static let maximumPDU: UInt = 131072
}
