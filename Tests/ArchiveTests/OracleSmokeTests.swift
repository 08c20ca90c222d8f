import Archive
import Foundation
import QuarryTestSupport
import Testing

let draftCases: [(String, String)] = [
    ("unknown keyword", "NetworkTCPPort = 11112\nFooBar = 1\n"),
    ("keyword in lower case", "networktcpport = 11200\n"),
    ("no space before =", "NetworkTCPPort=11200\n"),
    ("indented comment", "NetworkTCPPort = 11112\n    # not a comment\n"),
    ("END before BEGIN", "HostTable END\n"),
    ("BEGIN in lower case", "HostTable begin\nHostTable END\n"),
    ("no AETable END", "AETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\n"),
    ("no HostTable END", "HostTable BEGIN\nviewer = (VIEWER, localhost, 11113)\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) viewer\nAETable END\n"),
    ("group before its members", "HostTable BEGIN\ngroup = a\na = (A, localhost, 104)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) group\nAETable END\n"),
    ("symbolic name without HostTable", "AETable BEGIN\nARCHIVE /data RW (10, 10mb) viewers\nAETable END\n"),
    ("undefined symbolic name", "HostTable BEGIN\nviewer = (VIEWER, localhost, 11113)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) viewer, nosuchgroup\nAETable END\n"),
    ("undefined name in VendorTable", "HostTable BEGIN\na = (A, localhost, 104)\nHostTable END\nVendorTable BEGIN\n\"Acme\" = a, b\nVendorTable END\n"),
    ("comment after a peer", "HostTable BEGIN\nviewer = (VIEWER, localhost, 11113)  # the viewer\nHostTable END\n"),
    ("zero studies", "AETable BEGIN\nARCHIVE /data RW (0, 10mb) ANY\nAETable END\n"),
    ("zero bytes", "AETable BEGIN\nARCHIVE /data RW (10, 0mb) ANY\nAETable END\n"),
    ("unit without number", "AETable BEGIN\nARCHIVE /data RW (10, mb) ANY\nAETable END\n"),
    ("no peers", "AETable BEGIN\nARCHIVE /data RW (10, 10mb)\nAETable END\n"),
    ("symbolic name with nothing", "HostTable BEGIN\na =\nHostTable END\n"),
    ("white space line in HostTable", "HostTable BEGIN\na = (A, localhost, 104)\n \t \nHostTable END\n"),
    ("table opened inside a table", "AETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable BEGIN\nAETable END\n"),
    ("HostTable = END", "HostTable BEGIN\na = (A, localhost, 104)\nHostTable = END\n"),
    ("UserName without a name", "UserName\n"),
    ("triple without commas", "AETable BEGIN\nARCHIVE /data RW (10, 10mb) (MOD1 localhost 104)\nAETable END\n"),
    ("quota without parentheses", "AETable BEGIN\nARCHIVE /data RW 10, 10mb ANY\nAETable END\n"),
    ("AE line without quota", "AETable BEGIN\nARCHIVE /data RW\nAETable END\n"),
    ("quota not closed", "AETable BEGIN\nARCHIVE /data RW (10, 10mb ANY\nAETable END\n"),
    ("indented AE line", "AETable BEGIN\n  ARCHIVE /data RW (10, 10mb) ANY\nAETable END\n"),
    ("ANY in lower case", "AETable BEGIN\nARCHIVE /data RW (10, 10mb) any\nAETable END\n"),
    ("ANY after a name", "HostTable BEGIN\na = (A, localhost, 104)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) a, ANY\nAETable END\n"),
    ("name used in its own definition", "HostTable BEGIN\na = a\nHostTable END\n"),
    ("MaxPDUSize too large", "MaxPDUSize = 200000\n"),
    ("MaxPDUSize too large and another error", "MaxPDUSize = 200000\nFoo\n"),
    ("comment cut at 511 characters", "#" + String(repeating: "x", count: 520) + " tail\nNetworkTCPPort 5\n"),
]

func swiftLiteral(_ s: String) -> String {
    var r = "\""
    for c in s.unicodeScalars {
        switch c {
        case "\"": r += "\\\""
        case "\\": r += "\\\\"
        case "\n": r += "\\n"
        case "\t": r += "\\t"
        default: r += String(c)
        }
    }
    return r + "\""
}

@Test func oracleDraft() throws {
    var out = ""
    for (name, text) in draftCases {
        do {
            _ = try Configuration(parsing: text, fileName: "etc/broken.cfg")
            out += "// ACCEPTED \(name)\n"
        } catch {
            let lines = (error.diagnosticText + "F: " + error.fatalMessage).split(separator: "\n").map(String.init)
            out += "    BrokenLine(\(swiftLiteral(name)),\n               \(swiftLiteral(text)),\n"
            out += lines.map { "               \(swiftLiteral($0))" }.joined(separator: ",\n") + "),\n"
        }
    }
    try out.write(toFile: "/tmp/cfgx/gen.txt", atomically: true, encoding: .utf8)
}
