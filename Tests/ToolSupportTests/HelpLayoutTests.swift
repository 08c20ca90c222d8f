import QuarryTestSupport
import Testing
import ToolSupport

@Suite struct HelpLayoutTests {
    /// dcmqridx's table rendered by ToolSupport is dcmqridx's own `--help`
    /// below the banner (the only line that differs).
    @Test func dcmqridxLayoutMatchesDCMTK() throws {
        let dcmtk = try runProcess(TestEnvironment.dcmtk("dcmqridx"), ["--help"])
        #expect(dcmtk.status == 0)
        let theirs = dcmtk.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        let ours = dcmqridxLike.helpText.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        #expect(Array(ours) == Array(theirs))
    }

    /// Group options and subgroup options share the long-name and description
    /// columns (the longest long name plus two), parameters share the
    /// description column; a blank line ends the text.
    @Test func columnsWithSubgroups() {
        let expected = """
            $quarry: server v\(QuarryVersion.current) $

            server: test server
            usage: server [options] [port]

            parameters:
              port                         tcp/ip port number to listen on
                                           (default: in config file)

            general options:
              -h      --help               print this help text and exit
                      --version            print version information and exit
                      --arguments          print expanded command line arguments
              -q      --quiet              quiet mode, print no warnings and errors
              -v      --verbose            verbose mode, print processing details
              -d      --debug              debug mode, print debug information
              -ll     --log-level          [l]evel: string constant
                                           (fatal, error, warn, info, debug, trace)
                                           use level l for the logger
              -lc     --log-config         [f]ilename: string
                                           use config file f for the logger
              -c      --config             [f]ilename: string
                                           use specific configuration file
            multi-process options:
              -s      --single-process     single process mode
                      --fork               fork child process for each assoc. (default)
            network options:
              association negotiation profiles from configuration file:
                -xf   --assoc-config-file  [f]ilename, [i]n-profile, [o]ut-profile: string
                                           use profile i from f for incoming associations
                                           use profile o from f for outgoing associations
              other network options:
                -ta   --acse-timeout       [s]econds: integer (default: 30)
                                           timeout for ACSE messages
                -pdu  --max-pdu            [n]umber of bytes: integer (4096..131072)
                                           set max receive pdu to n bytes
                                           (default: use value from configuration file)
                +cl   --compression-level  [l]evel: integer (default: 6)
                                           0=uncompressed, 1=fastest, 9=best compression


            """
        #expect(serverLike.helpText == expected)
    }
}
