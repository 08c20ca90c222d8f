/// Splits a message part (command or data set) into PDVs whose values are at
/// most `maximumLength` bytes (PS3.8 Annex E), the last one flagged, as bytes
/// arrive: memory stays one PDV whatever the message size.
package struct MessageFragmenter {
    package let presentationContextID: UInt8
    package let isCommand: Bool
    package let maximumLength: Int
    private var buffer: [UInt8] = []

    package init(presentationContextID: UInt8, isCommand: Bool, maximumLength: Int) {
        self.presentationContextID = presentationContextID
        self.isCommand = isCommand
        self.maximumLength = max(maximumLength, 1)
    }

    /// Adds bytes; emits every full PDV that is certainly not the last (one byte
    /// or more stays buffered, so the last PDV can be flagged).
    package mutating func append(_ bytes: ArraySlice<UInt8>, emit: (PresentationDataValue) throws -> Void) rethrows {
        buffer.append(contentsOf: bytes)
        var start = 0
        while buffer.count - start > maximumLength {
            try emit(pdv(buffer[start..<start + maximumLength], isLast: false))
            start += maximumLength
        }
        if start > 0 { buffer.removeFirst(start) }
    }

    /// Emits what is left as the last PDV (empty when nothing was appended).
    package mutating func finish(emit: (PresentationDataValue) throws -> Void) rethrows {
        try emit(pdv(buffer[...], isLast: true))
        buffer = []
    }

    private func pdv(_ value: ArraySlice<UInt8>, isLast: Bool) -> PresentationDataValue {
        PresentationDataValue(presentationContextID: presentationContextID,
                              header: MessageControlHeader(isCommand: isCommand, isLast: isLast), value: value)
    }

    /// All PDVs of `bytes` at once.
    package static func fragments(of bytes: [UInt8], presentationContextID: UInt8, isCommand: Bool,
                                  maximumLength: Int) -> [PresentationDataValue] {
        var fragmenter = MessageFragmenter(presentationContextID: presentationContextID, isCommand: isCommand,
                                           maximumLength: maximumLength)
        var out: [PresentationDataValue] = []
        fragmenter.append(bytes[...]) { out.append($0) }
        fragmenter.finish { out.append($0) }
        return out
    }
}
