import Archive
import DICOM
import Testing

/// What a C-MOVE sub-association proposes (issue 6: the matched objects' SOP classes,
/// their stored syntaxes and the uncompressed ones, at most 128 contexts).
@Suite struct StoragePresentationContextProposalTests {
    typealias T = OutgoingTransferSyntaxTests
    static let uncompressed = [T.ele, T.ebe, T.ile]

    static func proposal(_ stored: [StoredSyntaxes], _ uncompressed: [String] = uncompressed, limit: Int = 128)
        -> [[String]] {
        StoragePresentationContextProposal(stored: stored, uncompressed: uncompressed, limit: limit).contexts.map {
            [String($0.contextID), $0.sopClassUID] + $0.transferSyntaxUIDs
        }
    }

    @Test func oneContextStoredAndOneUncompressedPerClass() {
        let stored = [StoredSyntaxes(sopClassUID: T.ct, transferSyntaxUIDs: [T.ele, T.jpeg], counts: [3, 1]),
                      StoredSyntaxes(sopClassUID: T.mr, transferSyntaxUIDs: [T.ile])]
        #expect(Self.proposal(stored) == [
            ["1", T.ct] + Self.uncompressed, ["3", T.ct, T.ele], ["5", T.ct, T.jpeg],
            ["7", T.mr] + Self.uncompressed, ["9", T.mr, T.ile],
        ])
    }

    /// `-xi`: the uncompressed context is implicit only, and an implicit object needs no other.
    @Test func implicitOnlyProposal() {
        let stored = [StoredSyntaxes(sopClassUID: T.ct, transferSyntaxUIDs: [T.ile, T.ele], counts: [2, 2])]
        #expect(Self.proposal(stored, [T.ile]) == [["1", T.ct, T.ile], ["3", T.ct, T.ele]])
    }

    /// A class stored only compressed gets its own syntax (an uncompressed context would serve none).
    @Test func compressedOnlyClass() {
        let stored = [StoredSyntaxes(sopClassUID: T.ct, transferSyntaxUIDs: [T.jpeg, T.rle], counts: [1, 5])]
        #expect(Self.proposal(stored) == [["1", T.ct, T.jpeg], ["3", T.ct, T.rle]])
        #expect(Self.proposal(stored, limit: 1) == [["1", T.ct, T.rle]])   // the one serving most objects
    }

    /// 100 classes in two syntaxes each: every class gets its best context first, at most 128 in all.
    @Test func atMost128Contexts() {
        let stored = (1...100).map { StoredSyntaxes(sopClassUID: "1.2.3.\($0)", transferSyntaxUIDs: [T.ele, T.jpeg], counts: [1, 1]) }
        let contexts = StoragePresentationContextProposal(stored: stored, uncompressed: Self.uncompressed).contexts
        #expect(contexts.count == 128)
        #expect(Set(contexts.map(\.sopClassUID)).count == 100)
        #expect(contexts.map(\.contextID) == (0..<128).map { UInt8(2 * $0 + 1) })
        #expect(contexts.filter { $0.transferSyntaxUIDs == Self.uncompressed }.count == 100)
    }
}
