import Archive
import DICOM
import Testing

/// Which context and syntax a stored object goes out on (issue 6 "Transfer syntaxes").
@Suite struct OutgoingTransferSyntaxTests {
    static let ct = "1.2.840.10008.5.1.4.1.1.2", mr = "1.2.840.10008.5.1.4.1.1.4"
    static let ile = TransferSyntax.implicitVRLittleEndian.uid, ele = TransferSyntax.explicitVRLittleEndian.uid
    static let ebe = TransferSyntax.explicitVRBigEndian.uid, dle = TransferSyntax.deflatedExplicitVRLittleEndian.uid
    static let jpeg = TransferSyntax.jpegBaseline.uid, rle = TransferSyntax.rleLossless.uid

    static func accepted(_ pairs: [(String, String)]) -> [AcceptedStorageContext] {
        pairs.enumerated().map { AcceptedStorageContext(contextID: UInt8(2 * $0.offset + 1), sopClassUID: $0.element.0,
                                                        transferSyntaxUID: $0.element.1) }
    }

    /// Row: stored syntax, accepted (class, syntax) pairs, expected (context ID, syntax, converted) or nil (fails).
    @Test(arguments: [
        (ele, [(ct, ile), (ct, ele)], (UInt8(3), ele, false)),             // as stored, even when listed second
        (ile, [(ct, ebe)], (1, ebe, true)),                                // converted
        (ebe, [(ct, dle), (ct, ile)], (3, ile, true)),                     // ILE before deflate
        (dle, [(ct, ebe), (ct, ele)], (3, ele, true)),                     // ELE first
        (dle, [(ct, dle)], (1, dle, false)),
        (jpeg, [(ct, ele), (ct, jpeg)], (3, jpeg, false)),                 // compressed, accepted as stored
        (jpeg, [(ct, ele), (ct, ile)], nil),                               // compressed, cannot convert
        (rle, [(mr, rle)], nil),                                           // class not accepted
        (ele, [(mr, ele)], nil),
        ("1.2.3.4.5.6", [(ct, ele)], nil),                                 // unknown (private) syntax
        (ele + "\0", [(ct, ele)], (1, ele, false)),                        // padding ignored
    ] as [(String, [(String, String)], (UInt8, String, Bool)?)])
    func choice(stored: String, pairs: [(String, String)], expected: (UInt8, String, Bool)?) {
        let result = OutgoingTransferSyntax.choose(sopClassUID: Self.ct, storedTransferSyntaxUID: stored,
                                                   accepted: Self.accepted(pairs))
        switch (result, expected) {
        case (.success(let choice), let (id, syntax, converted)?):
            #expect(choice == OutgoingTransferSyntax(contextID: id, transferSyntaxUID: syntax, isConverted: converted))
        case (.failure, nil):
            break
        default:
            Issue.record("\(stored) \(pairs): \(result), expected \(String(describing: expected))")
        }
    }

    /// dcmqrscp's words when the class is missing (spec §7.3, §8); the reason when only the syntax is.
    @Test func failureMessages() {
        let missing = OutgoingTransferSyntax.choose(sopClassUID: Self.ct, storedTransferSyntaxUID: Self.ele,
                                                    accepted: Self.accepted([(Self.mr, Self.ele)]))
        #expect(missing.failureText == "No presentation context for: (CT) 1.2.840.10008.5.1.4.1.1.2")
        let compressed = OutgoingTransferSyntax.choose(sopClassUID: Self.ct, storedTransferSyntaxUID: Self.jpeg,
                                                       accepted: Self.accepted([(Self.ct, Self.ele), (Self.ct, Self.ile)]))
        #expect(compressed.failureText == "No presentation context for: (CT) 1.2.840.10008.5.1.4.1.1.2 in JPEG Baseline "
            + "(stored so; the peer accepted only Little Endian Explicit, Little Endian Implicit, "
            + "and Quarry converts only between uncompressed syntaxes)")
    }
}

extension Result where Success == OutgoingTransferSyntax, Failure == NoPresentationContext {
    var failureText: String? { if case .failure(let f) = self { f.description } else { nil } }
}
