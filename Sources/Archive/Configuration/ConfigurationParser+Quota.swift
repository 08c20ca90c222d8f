/// The quota field of an AETable line (spec §2.5).
extension ConfigurationParser {
    /// Reads `(maxStudies, maxBytesPerStudy)` as dcmqrscp does —
    /// `sscanf(value, "%d , %s")`, then `quota()` on the size — reporting a
    /// zero (an error dcmqrscp leaves silent) and warning about what it reads
    /// in a surprising way.
    mutating func readQuota(_ token: ConfigurationToken, _ piece: ConfigurationLine, title: String) -> ConfiguredQuota {
        let bytes = token.bytes
        let written = token.written
        let column = token.start
        var quota = ConfiguredQuota(text: token.string, maxStudies: nil, maxBytesPerStudy: nil)
        guard let (studies, studiesEnd) = CScanning.scanInt(bytes) else {
            warn(piece, column, text: written, "maxStudies \"\(firstValue(bytes))\" is not a number: dcmqrscp "
                 + "leaves both quota values undefined (DCMTK 3.6.8 rejects this); write e.g. (200, 1024mb)")
            return quota
        }
        quota.maxStudies = studies
        // " , " in the format: white space, a comma, white space, then "%s".
        var i = studiesEnd
        while i < bytes.count, CScanning.isSpace(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
            i += 1
            while i < bytes.count, CScanning.isSpace(bytes[i]) { i += 1 }
            var end = i
            while end < bytes.count, !CScanning.isSpace(bytes[end]) { end += 1 }
            if end > i { quota.maxBytesPerStudy = readSize(Array(bytes[i..<end]), piece, token) }
        }
        if quota.maxBytesPerStudy == nil {
            let reason = token.quote == nil
                ? "the quota is not in parentheses, so dcmqrscp reads only \"\(token.string)\" as the quota"
                : (i < bytes.count ? "a comma must follow the number of studies" : "no maxBytesPerStudy after the number of studies")
            warn(piece, column, text: written, "\(reason): dcmqrscp leaves maxBytesPerStudy undefined "
                 + "(DCMTK 3.6.8 rejects this); write e.g. (\(studies), 1024mb)")
        }
        if studies == 0 {
            error(piece, column, "Quota of AE title \"\(title)\" allows 0 studies in configuration file, line \(piece.line)",
                  text: written, expected: "a number of studies of at least 1, e.g. (200, 1024mb)")
        } else if studies < 0 {
            warn(piece, column, text: written, "negative maxStudies \(studies): dcmqrscp silently treats it "
                 + "as its maximum, \(ConfiguredQuota.dcmqrscpMaxStudies) studies")
        }
        if quota.maxBytesPerStudy == 0 {
            error(piece, column,
                  "Quota of AE title \"\(title)\" allows 0 bytes per study in configuration file, line \(piece.line)",
                  text: written, expected: "a size per study other than 0, a number and a unit kb, mb or gb, e.g. (\(studies), 1024mb)")
        }
        return quota
    }

    /// dcmqrscp's `quota()`: -1 unless the last character is `b`/`B`; then
    /// the character before it picks the factor (k/m/g, else 1) and `atoi`
    /// reads the number.
    private mutating func readSize(_ size: [UInt8], _ piece: ConfigurationLine, _ token: ConfigurationToken) -> Int {
        let text = String(decoding: size, as: UTF8.self)
        let written = token.written
        guard let last = size.last, last == UInt8(ascii: "b") || last == UInt8(ascii: "B") else {
            warn(piece, token.start, text: written, "maxBytesPerStudy \"\(text)\" does not end in \"b\": dcmqrscp "
                 + "reads no size and applies its upper limit, 1 GiB per study; write e.g. \(text)mb"
                 + (token.string.contains("\(text) ") ? " (no space before the unit)" : ""))
            return -1
        }
        let unit = size.count >= 2 ? size[size.count - 2] : 0
        let factor: Int
        var numberEnd = size.count - 2
        switch unit | 0x20 {   // lower case
        case UInt8(ascii: "k"): factor = 1 << 10
        case UInt8(ascii: "m"): factor = 1 << 20
        case UInt8(ascii: "g"): factor = 1 << 30
        default:
            factor = 1
            numberEnd = size.count - 1
        }
        let number = CScanning.atoi(size)
        let bytes = number * factor
        let readEnd = CScanning.strtol(size)?.end ?? 0
        if factor == 1, numberEnd > 0, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(size[numberEnd - 1]) {
            warn(piece, token.start, text: written, "\"\(text)\" is read as \(bytes) byte\(bytes == 1 ? "" : "s"): "
                 + "only kb, mb and gb are units, dcmqrscp counts anything else as bytes")
        } else if readEnd != numberEnd {
            warn(piece, token.start, text: written, "\"\(text)\" is read as \(number)\(unitName(factor)): "
                 + "dcmqrscp reads only the whole number at its start")
        }
        if bytes < 0 {
            warn(piece, token.start, text: written, "negative maxBytesPerStudy \(bytes): no object can be stored")
        }
        return bytes
    }

    private func unitName(_ factor: Int) -> String {
        switch factor {
        case 1 << 10: " KiB"
        case 1 << 20: " MiB"
        case 1 << 30: " GiB"
        default: " bytes"
        }
    }

    /// The text before the first comma or white space, for messages.
    private func firstValue(_ bytes: [UInt8]) -> String {
        let value = bytes.drop { CScanning.isSpace($0) }.prefix { !CScanning.isSpace($0) && $0 != UInt8(ascii: ",") }
        return String(decoding: value, as: UTF8.self)
    }
}
