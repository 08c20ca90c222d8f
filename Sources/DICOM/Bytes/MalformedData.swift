/// Bytes that do not hold what the standard says they must: names the field
/// (a PS3.8 field, or a data element's tag) and the byte offset where the
/// reader stood, and how many bytes it needed.
package struct MalformedData: Error, Equatable, Sendable, CustomStringConvertible {
    package var field: String
    package var offset: Int
    package var needed: Int
    package var reason: String

    package init(field: String, offset: Int, needed: Int = 0, reason: String = "") {
        (self.field, self.offset, self.needed, self.reason) = (field, offset, needed, reason)
    }

    package var description: String {
        var text = "\(field) at offset \(offset)"
        if !reason.isEmpty { text += ": \(reason)" } else if needed > 0 { text += ": needs \(needed) more bytes than remain" }
        return text
    }
}
