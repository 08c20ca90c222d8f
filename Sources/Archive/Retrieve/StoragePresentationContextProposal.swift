import DICOM

/// The presentation contexts a C-MOVE sub-association proposes (issue 6, beyond
/// dcmqrscp's fixed list of 120 storage classes, spec §7.4 and Appendix A): the SOP
/// classes of the objects to send, each with
/// - one context with the uncompressed syntaxes (`uncompressed`, chosen by the `-x…`
///   options), when some of its objects are stored in a syntax Quarry can convert
///   from, and
/// - one context per syntax its objects are stored in (so each can go as stored),
///   unless that context would only repeat the uncompressed one;
///
/// at most 128 contexts (odd IDs 1…255, PS3.8 §9.3.2.2). When there are more, every
/// SOP class first gets the one context that serves most of its objects, then the
/// others follow in order while room is left; objects without a context fail their
/// sub-operation ("No presentation context").
package struct StoragePresentationContextProposal: Sendable, Equatable {
    package struct Context: Sendable, Equatable {
        package var contextID: UInt8
        package var sopClassUID: String
        package var transferSyntaxUIDs: [String]

        package init(contextID: UInt8, sopClassUID: String, transferSyntaxUIDs: [String]) {
            (self.contextID, self.sopClassUID, self.transferSyntaxUIDs) = (contextID, sopClassUID, transferSyntaxUIDs)
        }
    }

    /// PS3.8 §9.3.2.2: presentation context IDs are odd integers from 1 to 255.
    package static let maximumContexts = 128

    package let contexts: [Context]

    /// - Parameters:
    ///   - stored: the SOP classes of the objects, with the syntaxes they are stored in
    ///     (`RetrieveList.storedSyntaxes`).
    ///   - uncompressed: the syntaxes of the uncompressed context, in order of preference.
    package init(stored: [StoredSyntaxes], uncompressed: [String], limit: Int = maximumContexts) {
        struct Candidate { var classIndex: Int; var order: Int; var sopClassUID: String; var syntaxes: [String] }
        var essential: [Candidate] = [], extra: [Candidate] = []
        for (classIndex, sopClass) in stored.enumerated() {
            var own: [(syntaxes: [String], objects: Int)] = []
            var convertible = 0
            for (uid, count) in zip(sopClass.transferSyntaxUIDs, sopClass.counts) {
                if TransferSyntax(uid: uid)?.hasNativePixelData == true { convertible += count }
                if [uid] != uncompressed { own.append(([uid], count)) }
            }
            // The uncompressed context serves every convertible object; a stored one serves its own.
            var options: [(syntaxes: [String], objects: Int)] = own
            if convertible > 0, !uncompressed.isEmpty { options.insert((uncompressed, convertible), at: 0) }
            if options.isEmpty { options = [(uncompressed, 0)] }
            let best = options.indices.max { options[$0].objects < options[$1].objects || (options[$0].objects == options[$1].objects && $0 > $1) } ?? 0
            for (order, option) in options.enumerated() {
                let candidate = Candidate(classIndex: classIndex, order: order, sopClassUID: sopClass.sopClassUID,
                                          syntaxes: option.syntaxes)
                if order == best { essential.append(candidate) } else { extra.append(candidate) }
            }
        }
        let kept = (essential + extra).prefix(max(0, min(limit, Self.maximumContexts)))
            .sorted { ($0.classIndex, $0.order) < ($1.classIndex, $1.order) }
        contexts = kept.enumerated().map { k, candidate in
            Context(contextID: UInt8(2 * k + 1), sopClassUID: candidate.sopClassUID, transferSyntaxUIDs: candidate.syntaxes)
        }
    }
}
