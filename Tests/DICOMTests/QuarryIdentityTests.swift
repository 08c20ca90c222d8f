import DICOM
import Foundation
import Testing

@Suite struct QuarryIdentityTests {
    /// PS3.5 §B.2: the constant is `2.25.` + the UUID as an unsigned decimal integer.
    @Test func implementationClassUIDIsDerivedFromItsUUID() throws {
        let uuid = try #require(UUID(uuidString: QuarryIdentity.implementationClassUUID))
        #expect(UIDGenerator.uid(from: uuid) == QuarryIdentity.implementationClassUID)
        #expect(UniqueIdentifier.validate(QuarryIdentity.implementationClassUID).isValid)
        #expect(QuarryIdentity.implementationClassUID.hasPrefix("2.25."))
    }

    /// PS3.5 §B.2 example: UUID f81d4fae-7dec-11d0-a765-00a0c91e6bf6.
    @Test func standardsExample() throws {
        let uuid = try #require(UUID(uuidString: "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"))
        #expect(UIDGenerator.uid(from: uuid) == "2.25.329800735698586629295641978511506172918")
    }

    /// An SH of at most 16 characters (PS3.7 D.3.3.2.3), `QUARRY_<version>`.
    @Test func implementationVersionName() throws {
        let name = QuarryIdentity.implementationVersionName
        #expect(name == "QUARRY_0.1.0")
        #expect(name.utf8.count <= 16)
        #expect(name.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\\" && $0.value >= 0x20 })
    }

    @Test func generatedUIDsAreValidAndDistinct() {
        let uids = (0..<1000).map { _ in UIDGenerator.makeUID() }
        #expect(Set(uids).count == uids.count)
        for uid in uids {
            #expect(uid.hasPrefix("2.25."))
            #expect(uid.count <= 64)
            #expect(UniqueIdentifier.validate(uid).isValid, "\(uid)")
        }
    }

    /// The extreme 128-bit values still give valid UIDs, and the version 4 bits are set.
    @Test(arguments: [UInt64.min, UInt64.max]) func generatedUIDsAtTheExtremes(bits: UInt64) throws {
        var constant = ConstantGenerator(value: bits)
        let uid = UIDGenerator.makeUID(using: &constant)
        #expect(UniqueIdentifier.validate(uid).isValid, "\(uid)")
        let decimal = String(uid.dropFirst(5))
        let value = try #require(UInt128(decimal))
        #expect((value >> 76) & 0xF == 4)     // version
        #expect((value >> 62) & 0x3 == 2)     // variant
    }
}

struct ConstantGenerator: RandomNumberGenerator {
    var value: UInt64
    mutating func next() -> UInt64 { value }
}
