/// Bytes → text (PS3.5 §6.1.2.5, §6.1.3).
extension SpecificCharacterSet {
    /// Decodes the bytes of a value (several values with their `\` separators
    /// may be decoded at once). `vr` matters for PN, whose `^` and `=`
    /// delimiters return code extensions to their initial state (PS3.5 §6.1.2.5.3).
    /// Throws at the first byte that is not a character of the set.
    package func decode(_ bytes: some Collection<UInt8>, vr: VR = .LO) throws(CharacterSetError) -> String {
        var text = String.UnicodeScalarView()
        if let failure = decode(Array(bytes), vr: vr, into: &text, lossy: false) {
            throw .invalidBytes(offset: failure, characterSet: description)
        }
        return String(text)
    }

    /// Decodes like `decode(_:vr:)` but puts U+FFFD for bytes the set does
    /// not define (for matching and logging what a peer sent, whatever it is).
    package func decodeLossy(_ bytes: some Collection<UInt8>, vr: VR = .LO) -> String {
        var text = String.UnicodeScalarView()
        _ = decode(Array(bytes), vr: vr, into: &text, lossy: true)
        return String(text)
    }

    /// The initial G0 and G1 designations (PS3.5 §6.1.2.5.3: value 1 of (0008,0005)).
    var initialSets: (g0: CodeElement, g1: CodeElement?) {
        guard case .sets(let g0, let g1)? = terms.first?.coding else { return (.ascii, nil) }
        return (g0?.isSingleByteG0 == true ? g0 ?? .ascii : .ascii, g1)
    }

    /// Appends the decoded scalars; returns the offset of the first invalid byte (and stops there unless `lossy`).
    private func decode(_ bytes: [UInt8], vr: VR, into text: inout String.UnicodeScalarView, lossy: Bool) -> Int? {
        guard let first = terms.first else { return nil }
        switch first.coding {
        case .utf8:
            return decodeUTF8(bytes, into: &text, lossy: lossy)
        case .gb18030, .gbk:
            return decodeGB(bytes, fourByte: first.coding == .gb18030, into: &text, lossy: lossy)
        case .sets:
            return decodeISO2022(bytes, personName: vr == .PN, into: &text, lossy: lossy)
        }
    }

    private func decodeUTF8(_ bytes: [UInt8], into text: inout String.UnicodeScalarView, lossy: Bool) -> Int? {
        var i = 0, firstFailure: Int?
        while i < bytes.count {
            let b = bytes[i]
            var (length, value, minimum): (Int, UInt32, UInt32)
            switch b {
            case 0x00...0x7F: (length, value, minimum) = (1, UInt32(b), 0)
            case 0xC2...0xDF: (length, value, minimum) = (2, UInt32(b & 0x1F), 0x80)
            case 0xE0...0xEF: (length, value, minimum) = (3, UInt32(b & 0x0F), 0x800)
            case 0xF0...0xF4: (length, value, minimum) = (4, UInt32(b & 0x07), 0x10000)
            default: (length, value, minimum) = (0, 0, 0)
            }
            var valid = length > 0 && i + length <= bytes.count
            if valid {
                for k in 1..<length {
                    let c = bytes[i + k]
                    guard c & 0xC0 == 0x80 else { valid = false; break }
                    value = value << 6 | UInt32(c & 0x3F)
                }
            }
            if valid, value >= minimum, let scalar = Unicode.Scalar(value) {
                text.append(scalar)
                i += length
                continue
            }
            if firstFailure == nil { firstFailure = i }
            guard lossy else { return firstFailure }
            text.append("\u{FFFD}")
            i += 1
        }
        return firstFailure
    }

    private func decodeGB(_ bytes: [UInt8], fourByte: Bool, into text: inout String.UnicodeScalarView, lossy: Bool) -> Int? {
        let table = CodeTables.gb18030
        var i = 0, firstFailure: Int?
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                text.append(Unicode.Scalar(b))
                i += 1
                continue
            }
            if fourByte, i + 3 < bytes.count,
               let s = table.decodeFourByte((b, bytes[i + 1], bytes[i + 2], bytes[i + 3])) {
                text.append(s)
                i += 4
            } else if i + 1 < bytes.count, let s = table.decodeTwoByte(b, bytes[i + 1]) {
                text.append(s)
                i += 2
            } else {
                if firstFailure == nil { firstFailure = i }
                guard lossy else { return firstFailure }
                text.append("\u{FFFD}")
                i += 1
            }
        }
        return firstFailure
    }

    private func decodeISO2022(_ bytes: [UInt8], personName: Bool, into text: inout String.UnicodeScalarView,
                               lossy: Bool) -> Int? {
        let initial = initialSets
        let extensions = usesCodeExtensions
        var (g0, g1) = (initial.g0, initial.g1)
        var i = 0, firstFailure: Int?
        func fail(_ width: Int) -> Bool {
            if firstFailure == nil { firstFailure = i }
            text.append("\u{FFFD}")
            i += width
            return lossy
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1B, extensions {
                guard let (element, length) = CodeElement.designated(by: bytes[i...]) else {
                    if fail(1) { continue } else { return firstFailure }
                }
                if element.isG0 { g0 = element } else { g1 = element }
                i += length
            } else if b < 0x80 {
                if let table = g0.table, b > 0x20, b < 0x7F {            // 94×94 set in G0
                    guard i + 1 < bytes.count, (0x21...0x7E).contains(bytes[i + 1]),
                          let s = table.decode(b, bytes[i + 1]) else {
                        if fail(1) { continue } else { return firstFailure }
                    }
                    text.append(s)
                    i += 2
                    continue
                }
                text.append(Unicode.Scalar(b))
                i += 1
                // PS3.5 §6.1.2.5.3: delimiters and control characters end a designation.
                if [0x0A, 0x0C, 0x0D, 0x09, 0x5C].contains(b) || (personName && (b == 0x5E || b == 0x3D)) {
                    (g0, g1) = (initial.g0, initial.g1)
                }
            } else {
                switch g1 {
                case .upperHalf(let set)?:
                    guard let s = set.table.decode(b) else { if fail(1) { continue } else { return firstFailure } }
                    text.append(s)
                    i += 1
                case .jisX0201Katakana?:
                    guard (0xA1...0xDF).contains(b), let s = Unicode.Scalar(UInt32(b) - 0xA1 + 0xFF61) else {
                        if fail(1) { continue } else { return firstFailure }
                    }
                    text.append(s)
                    i += 1
                case .some(let element) where element.table != nil:
                    guard i + 1 < bytes.count, b >= 0xA1, b <= 0xFE, (0xA1...0xFE).contains(bytes[i + 1]),
                          let s = element.table?.decode(b, bytes[i + 1]) else {
                        if fail(1) { continue } else { return firstFailure }
                    }
                    text.append(s)
                    i += 2
                default:
                    if fail(1) { continue } else { return firstFailure }
                }
            }
        }
        return firstFailure
    }
}
