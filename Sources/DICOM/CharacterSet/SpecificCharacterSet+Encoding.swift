/// Text → bytes (PS3.5 §6.1.2.5, §6.1.3).
extension SpecificCharacterSet {
    /// Encodes text (one value, or several separated by `\`). With code
    /// extensions, each character goes to the first set that has it —
    /// the ones designated at that point, then the values of (0008,0005) in
    /// order — with the escape sequences needed, and the initial sets are
    /// designated again before every delimiter and at the end (PS3.5 §6.1.2.5.3).
    /// Throws for the first character no value of the set can represent.
    package func encode(_ text: some StringProtocol, vr: VR = .LO) throws(CharacterSetError) -> [UInt8] {
        guard let first = terms.first else { return Array(text.utf8) }
        switch first.coding {
        case .utf8:
            return Array(text.utf8)
        case .gb18030, .gbk:
            return try encodeGB(text, fourByte: first.coding == .gb18030)
        case .sets:
            return try encodeISO2022(text, personName: vr == .PN)
        }
    }

    /// True when every character of `text` can be written in this set.
    package func canEncode(_ text: some StringProtocol) -> Bool {
        (try? encode(text)) != nil
    }

    /// Converts a value's bytes from one character set to another, as DCMTK
    /// converts C-FIND responses: fails when the bytes are not valid in
    /// `source` or when `target` cannot represent a character (`Müller` to ASCII).
    package static func convert(_ bytes: some Collection<UInt8>, from source: SpecificCharacterSet,
                                to target: SpecificCharacterSet, vr: VR = .LO) throws(CharacterSetError) -> [UInt8] {
        if source == target { return Array(bytes) }
        return try target.encode(source.decode(bytes, vr: vr), vr: vr)
    }

    private func encodeGB(_ text: some StringProtocol, fourByte: Bool) throws(CharacterSetError) -> [UInt8] {
        let table = CodeTables.gb18030
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let two = table.encodeTwoByte(scalar) {
                bytes += two
            } else if fourByte, let four = table.encodeFourByte(scalar) {
                bytes += four
            } else {
                throw .unrepresentable(scalar, characterSet: description)
            }
        }
        return bytes
    }

    private func encodeISO2022(_ text: some StringProtocol, personName: Bool) throws(CharacterSetError) -> [UInt8] {
        let initial = initialSets
        let extensions = usesCodeExtensions
        var (g0, g1) = (initial.g0, initial.g1)
        var bytes: [UInt8] = []
        // Every set the values designate, in the order of (0008,0005).
        let candidates: [CodeElement] = terms.flatMap { term -> [CodeElement] in
            guard case .sets(let g0, let g1) = term.coding else { return [] }
            return [g1, g0].compactMap { $0 }
        }
        func restoreInitialSets() {
            if g0 != initial.g0 { bytes += initial.g0.escapeSequence }
            if g1 != initial.g1, let initialG1 = initial.g1 { bytes += initialG1.escapeSequence }
            (g0, g1) = (initial.g0, initial.g1)
        }
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let isDelimiter = [0x0A, 0x0C, 0x0D, 0x09, 0x5C].contains(scalar.value)
                    || (personName && (scalar == "^" || scalar == "="))
                if isDelimiter || scalar.value < 0x20 {
                    restoreInitialSets()
                } else if !g0.isSingleByteG0 {
                    bytes += CodeElement.ascii.escapeSequence
                    g0 = .ascii
                }
                bytes.append(UInt8(scalar.value))
                continue
            }
            if let g1, let encoded = g1.encode(scalar) {
                bytes += encoded
                continue
            }
            if !g0.isSingleByteG0, let encoded = g0.encode(scalar) {
                bytes += encoded
                continue
            }
            guard extensions, let element = candidates.first(where: { $0.encode(scalar) != nil }),
                  let encoded = element.encode(scalar) else {
                throw .unrepresentable(scalar, characterSet: description)
            }
            bytes += element.escapeSequence
            if element.isG0 { g0 = element } else { g1 = element }
            bytes += encoded
        }
        if g0 != initial.g0 { bytes += initial.g0.escapeSequence }
        return bytes
    }
}
