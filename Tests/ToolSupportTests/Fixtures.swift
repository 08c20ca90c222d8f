import DICOM
import Synchronization
import ToolSupport

/// dcmqridx's command line rebuilt with ToolSupport (DCMTK 3.6.7, `dcmqridx --help`).
let dcmqridxLike: CommandLineInterface = {
    var cmd = CommandLineInterface(
        tool: ToolIdentity(name: "dcmqridx", description: "Register a DICOM image file in an image database index file"),
        parameters: [
            CommandLineParameter("index-out", help: "storage area for the index file (directory)"),
            CommandLineParameter("dcmfile-in", help: "DICOM image file to be registered in the index file", .optionalRepeating),
        ])
    cmd.addGroup("options:")
    cmd.addStandardOptions()
    cmd.addOption("--print", "-p", help: "list contents of database index file")
    cmd.addOption("--not-new", "-n", help: "set instance reviewed status to 'not new'")
    return cmd
}()

/// A slice of dcmqrscp's command line: an optional port, groups and subgroups,
/// options with one and with three values, an option block.
let serverLike: CommandLineInterface = {
    var cmd = CommandLineInterface(
        tool: ToolIdentity(name: "server", description: "test server"),
        parameters: [CommandLineParameter("port", help: "tcp/ip port number to listen on\n(default: in config file)", .optional)])
    cmd.addGroup("general options:")
    cmd.addStandardOptions()
    cmd.addOption("--config", "-c", values: 1, valueDescription: "[f]ilename: string", help: "use specific configuration file")
    cmd.addGroup("multi-process options:")
    cmd.addOption("--single-process", "-s", help: "single process mode")
    cmd.addOption("--fork", help: "fork child process for each assoc. (default)")
    cmd.addGroup("network options:")
    cmd.addSubgroup("association negotiation profiles from configuration file:")
    cmd.addOption("--assoc-config-file", "-xf", values: 3,
                  valueDescription: "[f]ilename, [i]n-profile, [o]ut-profile: string",
                  help: "use profile i from f for incoming associations\nuse profile o from f for outgoing associations")
    cmd.addSubgroup("other network options:")
    cmd.addOption("--acse-timeout", "-ta", values: 1, valueDescription: "[s]econds: integer (default: 30)",
                  help: "timeout for ACSE messages")
    cmd.addOption("--max-pdu", "-pdu", values: 1, valueDescription: "[n]umber of bytes: integer (4096..131072)",
                  help: "set max receive pdu to n bytes\n(default: use value from configuration file)")
    cmd.addOption("--compression-level", "+cl", values: 1, valueDescription: "[l]evel: integer (default: 6)",
                  help: "0=uncompressed, 1=fastest, 9=best compression")
    return cmd
}()

/// Text written to a stream during a test.
final class Collected: Sendable {
    let chunks = Mutex<[String]>([])
    var text: String { chunks.withLock { $0.joined() } }
    func append(_ s: String) { chunks.withLock { $0.append(s) } }
}

struct CapturedStreams {
    let output = Collected()
    let error = Collected()
    var streams: CommandLineStreams {
        let (o, e) = (output, error)
        return CommandLineStreams(output: { o.append($0) }, error: { e.append($0) })
    }
}
