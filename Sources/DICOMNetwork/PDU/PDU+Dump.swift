/// DCMTK's `-d` dump of a PDU's first bytes: `PDU Type: Associate Request, PDU
/// Length: 205 + 6 bytes PDU header`, then 16 bytes a line (at most 512).
package func dcmtkPDUHeaderDump(_ pdu: [UInt8]) -> String {
    guard pdu.count >= PDU.headerLength else { return "PDU of \(pdu.count) bytes" }
    let length = Int(pdu[2]) << 24 | Int(pdu[3]) << 16 | Int(pdu[4]) << 8 | Int(pdu[5])
    var lines = ["PDU Type: \(PDU.name(ofType: pdu[0])), PDU Length: \(length) + 6 bytes PDU header"]
    if length + PDU.headerLength > 512 { lines.append("Only dumping 512 bytes.") }
    let shown = pdu.prefix(512)
    var index = shown.startIndex
    while index < shown.endIndex {
        let row = shown[index..<min(index + 16, shown.endIndex)]
        lines.append(row.map { byte in
            let hex = String(byte, radix: 16)
            return "  " + (hex.count < 2 ? "0" + hex : hex)
        }.joined())
        index += 16
    }
    return lines.joined(separator: "\n")
}
