import DICOM

extension DataSet {
    /// The data set as DCMTK prints it in dcmqrscp's `-v` log (`Find SCP Request
    /// Identifiers:`, spec §10), one line per element, nested items indented, between
    /// two empty lines:
    ///
    ///
    ///     # Dicom-Data-Set
    ///     # Used TransferSyntax: Little Endian Explicit
    ///     (0008,0052) CS [STUDY]                                  #   6, 1 QueryRetrieveLevel
    ///     (0010,0010) PN (no value available)                     #   0, 0 PatientName
    package func dcmtkDump(transferSyntax: TransferSyntax?) -> String {
        var lines = ["", "# Dicom-Data-Set", "# Used TransferSyntax: \(transferSyntax?.name ?? "Unknown Transfer Syntax")"]
        Self.dump(elements, depth: 0, into: &lines)
        lines.append("")
        return lines.joined(separator: "\n")
    }

    private static func dump(_ elements: [DataElement], depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        for element in elements {
            let keyword = DataDictionary.keyword(for: element.tag)
            let head = indent + element.tag.description + " " + element.vr.rawValue + " "
            switch element.value {
            case .bytes(let bytes):
                let (text, multiplicity) = valueText(bytes, vr: element.vr)
                lines.append(line(head, text, length: bytes.count, multiplicity: multiplicity, keyword: keyword, depth: depth))
            case .sequence(let sequence):
                let text = "(Sequence with \(sequence.hasUndefinedLength ? "undefined" : "explicit") length #=\(sequence.items.count))"
                lines.append(line(head, text, length: sequence.hasUndefinedLength ? -1 : 0, multiplicity: 1,
                                  keyword: keyword, depth: depth))
                for item in sequence.items {
                    lines.append(indent + "  (fffe,e000) na (Item with \(item.hasUndefinedLength ? "undefined" : "explicit")"
                                 + " length #=\(item.dataSet.elements.count))")
                    dump(item.dataSet.elements, depth: depth + 2, into: &lines)
                }
            case .encapsulated(let pixels):
                lines.append(line(head, "(PixelSequence #=\(pixels.fragments.count + 1))", length: -1, multiplicity: 1,
                                  keyword: keyword, depth: depth))
            }
        }
    }

    private static func line(_ head: String, _ value: String, length: Int, multiplicity: Int, keyword: String,
                             depth: Int) -> String {
        let width = 56 - 2 * depth
        var text = head + value
        text += String(repeating: " ", count: max(1, width - text.count))
        let lengthText = length < 0 ? "u/l" : String(length)
        return text + "#" + String(repeating: " ", count: max(0, 4 - lengthText.count)) + lengthText
            + ", \(multiplicity) " + keyword
    }

    /// `[value]`, or `(no value available)`; numbers in decimal; long values cut as DCMTK does.
    private static func valueText(_ bytes: [UInt8], vr: VR) -> (String, Int) {
        guard !bytes.isEmpty else { return ("(no value available)", 0) }
        if vr.isString {
            var text = String(decoding: bytes, as: UTF8.self)
            while text.last == " " || text.last == "\0" { text.removeLast() }
            let multiplicity = text.split(separator: "\\", omittingEmptySubsequences: false).count
            if text.count > 64 { text = String(text.prefix(64)) + "..." }
            return ("[" + text + "]", multiplicity)
        }
        let numbers = QueryValueDump.numbers(bytes, vr: vr)
        if !numbers.isEmpty {
            let shown = numbers.prefix(8).joined(separator: "\\") + (numbers.count > 8 ? "..." : "")
            return (shown, numbers.count)
        }
        let hex = bytes.prefix(16).map { String($0, radix: 16).leftPadded(2) }.joined(separator: "\\")
        return (hex + (bytes.count > 16 ? "..." : ""), 1)
    }
}

enum QueryValueDump {
    /// Little-endian binary values as decimal text; empty for other VRs.
    static func numbers(_ bytes: [UInt8], vr: VR) -> [String] {
        let size: Int
        switch vr {
        case .US, .SS: size = 2
        case .UL, .SL, .FL: size = 4
        case .FD: size = 8
        case .AT: size = 4
        default: return []
        }
        var out: [String] = []
        var offset = 0
        while offset + size <= bytes.count {
            var raw: UInt64 = 0
            for k in 0..<size { raw |= UInt64(bytes[offset + k]) << (8 * k) }
            switch vr {
            case .US: out.append(String(UInt16(truncatingIfNeeded: raw)))
            case .SS: out.append(String(Int16(truncatingIfNeeded: raw)))
            case .UL: out.append(String(UInt32(truncatingIfNeeded: raw)))
            case .SL: out.append(String(Int32(truncatingIfNeeded: raw)))
            case .FL: out.append(String(Float(bitPattern: UInt32(truncatingIfNeeded: raw))))
            case .AT:
                let group = UInt16(truncatingIfNeeded: raw), element = UInt16(truncatingIfNeeded: raw >> 16)
                out.append(Tag(group, element).description)
            default: out.append(String(Double(bitPattern: raw)))
            }
            offset += size
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
