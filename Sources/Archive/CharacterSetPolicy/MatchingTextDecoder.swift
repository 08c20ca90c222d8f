import DICOM

/// Query keys and stored values as Unicode text, each decoded with its own
/// Specific Character Set, so that they compare whatever sets they came in
/// (spec §6.3, §6.6: `M*ller*` in ASCII matches both Müller records, `Müller*`
/// in UTF-8 or in Latin-1 matches both).
///
/// Only the VRs Specific Character Set governs (SH, LO, ST, LT, UC, UT, PN)
/// are decoded with it; other values map byte for byte to U+0000…U+00FF, so
/// comparing the texts compares the bytes. ASCII (no (0008,0005), or
/// `ISO_IR 6`) is read as UTF-8 when the bytes are valid UTF-8: dcmqrscp never
/// converts ASCII or UTF-8 values before comparing, so a client that sends
/// UTF-8 without declaring it matches UTF-8 and converted records there, and
/// does here too. Bytes that are not valid in their set are compared as they
/// are (byte for byte), with dcmqrscp's warning.
package struct MatchingTextDecoder: Sendable {
    /// The request identifier's (0008,0005), normalised; empty for ASCII.
    package let requestCharacterSet: String
    private let request: SpecificCharacterSet?

    package init(requestCharacterSet: String?) {
        self.requestCharacterSet = ResponseCharacterSetPolicy.normalized(requestCharacterSet)
        request = try? SpecificCharacterSet(self.requestCharacterSet)
    }

    /// The text of a query key's value (decode it once per query and keep it).
    package func queryText(_ bytes: some Collection<UInt8>, vr: VR, log: Log = .silent) -> String {
        let decoded = Self.decode(Array(bytes), vr: vr, value: requestCharacterSet, set: request)
        if let failure = decoded.failure {
            log.warn("Character set conversion of the query key failed with the following error: '\(failure)', "
                + "will compare values that use different (incompatible) character sets: "
                + "\"\(name(requestCharacterSet))\" and the stored ones")
        }
        return decoded.text
    }

    /// The text of a stored value whose record has `characterSet` as (0008,0005) (nil or empty: ASCII).
    package func storedText(_ bytes: some Collection<UInt8>, vr: VR, characterSet: String?, log: Log = .silent) -> String {
        let value = ResponseCharacterSetPolicy.normalized(characterSet)
        let set = value == requestCharacterSet ? request : try? SpecificCharacterSet(value)
        let decoded = Self.decode(Array(bytes), vr: vr, value: value, set: set)
        if let failure = decoded.failure {
            log.warn("Character set conversion of the candidate failed with the following error: '\(failure)', "
                + "will compare values that use different (incompatible) character sets: "
                + "\"\(name(requestCharacterSet))\" and \"\(name(value))\"")
        }
        return decoded.text
    }

    private func name(_ value: String) -> String { CharacterSetPolicySupport.logName(value) }

    /// Decodes one value; `failure` is dcmqrscp's error text when the bytes had to be taken as they are.
    static func decode(_ bytes: [UInt8], vr: VR, value: String, set: SpecificCharacterSet?) -> (text: String, failure: String?) {
        guard vr.usesSpecificCharacterSet else { return (byteForByte(bytes), nil) }
        if !CharacterSetPolicySupport.needsConversionToUTF8(value) {
            guard let text = strictUTF8(bytes) else { return (byteForByte(bytes), nil) }
            return (text, nil)
        }
        guard let set else {
            let text = "Cannot select source character set: SpecificCharacterSet (0008,0005) value '\(value)' not supported"
            return (byteForByte(bytes), text)
        }
        do {
            return (try set.decode(bytes, vr: vr), nil)
        } catch {
            return (byteForByte(bytes), CharacterSetPolicySupport.conversionFailureText)
        }
    }

    /// Each byte as the scalar of the same number.
    static func byteForByte(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    /// The bytes as UTF-8, or nil when they are not valid UTF-8.
    static func strictUTF8(_ bytes: [UInt8]) -> String? {
        try? SpecificCharacterSet.utf8.decode(bytes)
    }
}
