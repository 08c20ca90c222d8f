import Foundation

/// Makes new UIDs under Quarry's root, `2.25` (PS3.5 §B.2): `2.25.` followed by
/// a random (version 4) UUID written as one decimal integer. The result is at
/// most 44 characters and valid per PS3.5 §9.1 (digits and dots, no leading
/// zero in any component).
package enum UIDGenerator {
    /// A new, random UUID-derived UID.
    package static func makeUID() -> String {
        var generator = SystemRandomNumberGenerator()
        return makeUID(using: &generator)
    }

    /// A new UUID-derived UID whose 122 random bits come from `generator`.
    package static func makeUID(using generator: inout some RandomNumberGenerator) -> String {
        var bits = UInt128(generator.next() as UInt64) << 64 | UInt128(generator.next() as UInt64)
        // RFC 9562 §5.4: version 4 in bits 48…51, variant 0b10 in bits 64…65 (from the most significant).
        bits = bits & ~(UInt128(0xF) << 76) | (UInt128(0x4) << 76)
        bits = bits & ~(UInt128(0x3) << 62) | (UInt128(0x2) << 62)
        return QuarryIdentity.uidRoot + "." + String(bits)
    }

    /// The UUID-derived UID of `uuid` (PS3.5 §B.2): `2.25.` and its 128 bits in decimal.
    package static func uid(from uuid: UUID) -> String {
        let b = uuid.uuid
        let bytes = [b.0, b.1, b.2, b.3, b.4, b.5, b.6, b.7, b.8, b.9, b.10, b.11, b.12, b.13, b.14, b.15]
        let value = bytes.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
        return "2.25." + String(value)
    }
}
