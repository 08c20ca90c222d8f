import Testing
@testable import Archive

@Suite struct CRC32CTests {
    /// RFC 3720 Appendix B.4, and the usual check value of "123456789".
    @Test(arguments: [
        ([UInt8](repeating: 0, count: 32), UInt32(0x8A91_36AA)),
        ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
        ([UInt8](0..<32), 0x46DD_794E),
        ([UInt8]((0..<32).reversed()), 0x113F_DB5C),
        ([0x01, 0xC0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
          0x14, 0, 0, 0, 0, 0, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0, 0x18,
          0x28, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0, 0, 0, 0, 0], 0xD996_3A56),
        (Array("123456789".utf8), 0xE306_9283),
        ([], 0),
    ] as [([UInt8], UInt32)])
    func rfc3720Vectors(bytes: [UInt8], crc: UInt32) {
        #expect(CRC32C.checksum(bytes) == crc)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 31, 47])
    func continuationEqualsWhole(split: Int) {
        let data = [UInt8](0..<48).map { $0 &* 37 }
        let first = CRC32C.checksum(data[..<split])
        #expect(CRC32C.checksum(data[split...], continuing: first) == CRC32C.checksum(data))
    }
}
