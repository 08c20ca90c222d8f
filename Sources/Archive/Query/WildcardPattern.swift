/// A single-value key with the wild cards of PS3.4 §C.2.2.2.4: `*` any run of
/// characters (also none), `?` exactly one character. A character is one
/// Unicode scalar value of the decoded string — not one byte of some encoding,
/// as in dcmqrscp (where `M?ller` misses `Müller` in UTF-8). Everything else,
/// backslash included, is compared scalar by scalar (case-sensitive).
struct WildcardPattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case scalar(Unicode.Scalar), anyOne, anyRun
    }

    let tokens: [Token]
    /// No wild card: plain equality.
    let isLiteral: Bool
    /// Only `*`: matches every value, an empty one included (as dcmqrscp).
    let isOnlyStars: Bool

    init(_ pattern: Substring) {
        var tokens: [Token] = []
        for s in pattern.unicodeScalars {
            switch s {
            case "*": if tokens.last != .anyRun { tokens.append(.anyRun) }
            case "?": tokens.append(.anyOne)
            default: tokens.append(.scalar(s))
            }
        }
        self.tokens = tokens
        isLiteral = !tokens.contains { $0 == .anyRun || $0 == .anyOne }
        isOnlyStars = tokens == [.anyRun]
    }

    func matches<C: BidirectionalCollection>(_ candidate: C) -> Bool where C.Element == Unicode.Scalar {
        if isOnlyStars { return true }
        if isLiteral {
            return candidate.elementsEqual(tokens.lazy.map { if case .scalar(let s) = $0 { s } else { " " } })
        }
        // Greedy scan, backtracking to the last `*` on a mismatch: O(n·m) at worst.
        var p = 0
        var c = candidate.startIndex
        var star: (pattern: Int, candidate: C.Index)?
        while c != candidate.endIndex {
            if p < tokens.count, tokens[p] == .anyRun {
                star = (p, c)
                p += 1
            } else if p < tokens.count, tokens[p] == .anyOne || tokens[p] == .scalar(candidate[c]) {
                p += 1
                c = candidate.index(after: c)
            } else if let s = star {
                let next = candidate.index(after: s.candidate)
                star = (s.pattern, next)
                p = s.pattern + 1
                c = next
            } else {
                return false
            }
        }
        while p < tokens.count, tokens[p] == .anyRun { p += 1 }
        return p == tokens.count
    }
}
