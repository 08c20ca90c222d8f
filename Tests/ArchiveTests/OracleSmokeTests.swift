import Archive
import Foundation
import QuarryTestSupport
import Testing

let draftCases: [(String, String)] = [
    ("size without b", "AETable BEGIN\nARCHIVE /data RW (20, 200) ANY\nAETable END\n"),
    ("space before the unit", "AETable BEGIN\nARCHIVE /data RW (20, 200 mb) ANY\nAETable END\n"),
    ("1tb", "AETable BEGIN\nARCHIVE /data RW (20, 1tb) ANY\nAETable END\n"),
    ("1.5gb", "AETable BEGIN\nARCHIVE /data RW (20, 1.5gb) ANY\nAETable END\n"),
    ("negative maxStudies", "AETable BEGIN\nARCHIVE /data RW (-1, 10mb) ANY\nAETable END\n"),
    ("(10)", "AETable BEGIN\nARCHIVE /data RW (10) ANY\nAETable END\n"),
    ("(abc, 10mb)", "AETable BEGIN\nARCHIVE /data RW (abc, 10mb) ANY\nAETable END\n"),
    ("(10 10mb)", "AETable BEGIN\nARCHIVE /data RW (10 10mb) ANY\nAETable END\n"),
    ("negative size", "AETable BEGIN\nARCHIVE /data RW (10, -5mb) ANY\nAETable END\n"),
    ("access rw", "AETable BEGIN\nARCHIVE /data rw (10, 10mb) ANY\nAETable END\n"),
    ("access X", "AETable BEGIN\nARCHIVE /data X (10, 10mb) ANY\nAETable END\n"),
    ("second AETable", "AETable BEGIN\nFIRST /data RW (10, 10mb) ANY\nAETable END\nAETable BEGIN\nSECOND /data2 RW (10, 10mb) ANY\nAETable END\n"),
    ("shared storage area", "AETable BEGIN\nONE /data RW (10, 10mb) ANY\nTWO /data/ R (10, 10mb) ANY\nAETable END\n"),
    ("duplicate AE title", "AETable BEGIN\nSTORE /data RW (10, 10mb) ANY\nSTORE /other R (5, 1mb) ANY\nAETable END\n"),
    ("AE title of 23 characters", "AETable BEGIN\nARCHIVE_OF_THE_HOSPITAL /data RW (10, 10mb) ANY\nAETable END\n"),
    ("triple without port or host", "HostTable BEGIN\na = (A, localhost, )\nb = (B, localhost)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) a, b\nAETable END\n"),
    ("duplicate symbolic name", "HostTable BEGIN\na = (A, h1, 104)\na = (B, h2, 104)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) a\nAETable END\n"),
    ("MaxAssociations 0", "MaxAssociations 0\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable END\n"),
    ("numbers that are not", "NetworkTCPPort abc\nMaxPDUSize x\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable END\n"),
    ("unterminated quote after a peer", "HostTable BEGIN\na = (A, h, 1), (B, h, 2\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) a\nAETable END\n"),
    ("mismatched quotes", "HostTable BEGIN\n\"lab group' = (A, h, 1)\nHostTable END\nAETable BEGIN\nARCHIVE /data RW (10, 10mb) 'lab group'\nAETable END\n"),
    ("empty file", ""),
    ("table keyword without BEGIN", "AETable BEGIN\nARCHIVE /data RW (10, 10mb) ANY\nAETable END\nHostTable\nHostTable END\n"),
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
    let dir = try TemporaryDirectory()
    for (name, text) in draftCases {
        let v = try DCMTKConfigOracle.verdict(for: text, in: dir)
        do {
            let c = try Configuration(parsing: text, fileName: "etc/w.cfg")
            out += "    Warned(\(swiftLiteral(name)), \(v.accepted ? "" : "DCMTK REJECTS"),\n           \(swiftLiteral(text)),\n"
            out += c.warnings.map { "           \(swiftLiteral($0.rendered))" }.joined(separator: ",\n") + "),\n"
        } catch {
            out += "// REJECTED \(name)\n"
        }
    }
    try out.write(toFile: "/tmp/cfgx/gen.txt", atomically: true, encoding: .utf8)
}
