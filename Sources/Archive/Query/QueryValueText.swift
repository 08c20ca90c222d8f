/// Text handling shared by the matchers.
enum QueryValueText {
    /// Leading and trailing spaces removed, and trailing NULs (UI padding): dcmqrscp
    /// trims both the key and the stored value of string VRs before matching (spec §6.3).
    static func trimmed(_ s: Substring) -> Substring {
        let u = s.unicodeScalars
        var start = u.startIndex, end = u.endIndex
        while start < end, u[start] == " " { start = u.index(after: start) }
        while start < end {
            let before = u.index(before: end)
            guard u[before] == " " || u[before] == "\0" else { break }
            end = before
        }
        return Substring(u[start..<end])
    }

    /// The values of a multi-valued string (PS3.5 §6.4: separated by `\`), each trimmed.
    static func values(_ s: Substring) -> [Substring] {
        s.unicodeScalars.split(separator: "\\", omittingEmptySubsequences: false).map { trimmed(Substring($0)) }
    }
}
