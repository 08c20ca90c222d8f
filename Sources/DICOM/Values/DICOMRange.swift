/// A value that range matching (PS3.4 §C.2.2.2.5) can order: DA, TM, DT.
package protocol RangeMatchable: ParsableValue, CustomStringConvertible {
    associatedtype MatchingKey: Comparable
    /// What range matching compares, missing fields at their lowest value.
    var matchingKey: MatchingKey { get }
}

extension DICOMDate: RangeMatchable {
    package var matchingKey: Int { daysSinceEpoch }
}

extension DICOMTime: RangeMatchable {
    package var matchingKey: Int { microsecondsSinceMidnight }
}

extension DICOMDateTime: RangeMatchable {
    package var matchingKey: Int { microsecondsSinceEpoch }
}

/// A DA, TM or DT query value (PS3.4 §C.2.2.2.5): a single value `a`, or a
/// range `a-b`, `-b` (up to b) or `a-` (from a), bounds included.
package struct DICOMRange<Bound: RangeMatchable>: Hashable, Sendable, CustomStringConvertible {
    package var lower: Bound?
    package var upper: Bound?
    /// True for a single value (`a`, not `a-a`).
    package var isSingleValue: Bool

    package init(lower: Bound?, upper: Bound?) {
        (self.lower, self.upper, isSingleValue) = (lower, upper, false)
    }

    package init(single value: Bound) {
        (lower, upper, isSingleValue) = (value, value, true)
    }

    /// Parses a query value. DT values may hold a `-` of their own (a UTC
    /// offset): a DT that parses whole is a single value, otherwise the first
    /// `-` whose sides both parse (or are empty) splits the range.
    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let text = String(text)
        var firstError: InvalidValue
        do {
            self.init(single: try Bound(parsing: text))
            return
        } catch { firstError = error }
        let dashes = text.indices.filter { text[$0] == "-" }
        for dash in dashes {
            let left = text[..<dash].trimmingSpaces(), right = text[text.index(after: dash)...].trimmingSpaces()
            if left.isEmpty && right.isEmpty { continue }
            do {
                let lower = left.isEmpty ? nil : try Bound(parsing: left)
                let upper = right.isEmpty ? nil : try Bound(parsing: right)
                self.init(lower: lower, upper: upper)
                return
            } catch {
                if dashes.count == 1 || Bound.vr != .DT { firstError = error }
            }
        }
        if dashes.count > 1 && Bound.vr != .DT || text.trimmingSpaces() == "-" {
            throw InvalidValue(Bound.vr, text, .format(expected: "a single value, a-b, -b or a-"))
        }
        throw firstError
    }

    /// True when `value` lies within the bounds (a single value: equals it, as
    /// DCMTK compares: `235959.000` matches `235959`, `2359` does not).
    package func contains(_ value: Bound) -> Bool {
        let key = value.matchingKey
        if let lower, key < lower.matchingKey { return false }
        if let upper, key > upper.matchingKey { return false }
        return true
    }

    /// The query value as PS3.4 writes it.
    package var description: String {
        if isSingleValue, let lower { return lower.description }
        return (lower?.description ?? "") + "-" + (upper?.description ?? "")
    }
}
