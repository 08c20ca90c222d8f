/// A TM value (PS3.5 Table 6.2-1): `HH`, `HHMM`, `HHMMSS` or `HHMMSS.F…`
/// (one to six fraction digits). Also reads the ACR-NEMA form `HH:MM[:SS[.F…]]`
/// that DCMTK accepts in queries.
///
/// Equality is structural (`1200` ≠ `120000`: precision differs); order and
/// range matching use `microsecondsSinceMidnight`, missing fields counting as
/// zero, as DCMTK compares times (`235959.000` matches `235959`).
package struct DICOMTime: ParsableValue, CustomStringConvertible {
    package static let vr = VR.TM
    package private(set) var hour: Int
    package private(set) var minute: Int?
    package private(set) var second: Int?
    /// The fraction of a second in microseconds, when given.
    package private(set) var microsecond: Int?
    /// How many fraction digits the value was written with (0 without a fraction).
    package private(set) var fractionDigits: Int

    /// A time, checked: hour 0…23, minute 0…59, second 0…60 (a leap second),
    /// microsecond 0…999999; a finer field only with every coarser one.
    package init(hour: Int, minute: Int? = nil, second: Int? = nil, microsecond: Int? = nil,
                 fractionDigits: Int? = nil) throws(InvalidValue) {
        let digitsOfFraction = microsecond == nil ? 0 : fractionDigits ?? 6
        let text = Self.format(hour, minute, second, microsecond, digitsOfFraction)
        guard (0...23).contains(hour) else { throw InvalidValue(.TM, text, .outOfRange(field: "hour")) }
        if let minute, !(0...59).contains(minute) { throw InvalidValue(.TM, text, .outOfRange(field: "minute")) }
        if let second, !(0...60).contains(second) { throw InvalidValue(.TM, text, .outOfRange(field: "second")) }
        if let microsecond, !(0...999_999).contains(microsecond) || !(1...6).contains(digitsOfFraction) {
            throw InvalidValue(.TM, text, .outOfRange(field: "fraction"))
        }
        guard (second == nil || minute != nil), (microsecond == nil || second != nil) else {
            throw InvalidValue(.TM, text, .format(expected: "HH[MM[SS[.F{1-6}]]]"))
        }
        (self.hour, self.minute, self.second) = (hour, minute, second)
        (self.microsecond, self.fractionDigits) = (microsecond, digitsOfFraction)
    }

    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let t = try ValueText(.TM, text)
        try t.check { $0.isASCIIDigit || $0 == "." || $0 == ":" }
        guard let fields = Self.fields(t.scalars[...]) else { throw t.error(.format(expected: "HH[MM[SS[.F{1-6}]]]")) }
        do {
            try self.init(hour: fields.hour, minute: fields.minute, second: fields.second,
                          microsecond: fields.fraction?.microsecond, fractionDigits: fields.fraction?.digits)
        } catch { throw t.error(error.reason) }
    }

    typealias Fields = (hour: Int, minute: Int?, second: Int?, fraction: (microsecond: Int, digits: Int)?)

    /// Splits `HH[MM[SS[.F…]]]` or `HH:MM[:SS[.F…]]` into numbers; nil when the form is wrong.
    static func fields(_ s: ArraySlice<Unicode.Scalar>) -> Fields? {
        var main = s, fraction: (microsecond: Int, digits: Int)?
        if let dot = s.firstIndex(of: ".") {
            let f = s[(dot + 1)...]
            guard (1...6).contains(f.count), let value = ValueText.number(f) else { return nil }
            var micro = value
            for _ in 0..<(6 - f.count) { micro *= 10 }
            fraction = (micro, f.count)
            main = s[..<dot]
        }
        var pairs: [ArraySlice<Unicode.Scalar>] = []
        if main.contains(":") {
            pairs = main.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(pairs.count), pairs.allSatisfy({ $0.count == 2 }) else { return nil }
        } else {
            guard [2, 4, 6].contains(main.count) else { return nil }
            var i = main.startIndex
            while i < main.endIndex { pairs.append(main[i..<i + 2]); i += 2 }
        }
        let numbers = pairs.compactMap { ValueText.number($0) }
        guard numbers.count == pairs.count, fraction == nil || numbers.count == 3 else { return nil }
        return (numbers[0], numbers.count > 1 ? numbers[1] : nil, numbers.count > 2 ? numbers[2] : nil, fraction)
    }

    /// The instant within the day, missing fields as zero (a leap second counts as 60).
    package var microsecondsSinceMidnight: Int {
        ((hour * 60 + (minute ?? 0)) * 60 + (second ?? 0)) * 1_000_000 + (microsecond ?? 0)
    }

    /// The value as PS3.5 writes it, with the precision it was given.
    package var description: String { Self.format(hour, minute, second, microsecond, fractionDigits) }

    static func format(_ hour: Int, _ minute: Int?, _ second: Int?, _ microsecond: Int?, _ fractionDigits: Int) -> String {
        var text = digits(hour, 2)
        if let minute { text += digits(minute, 2) }
        if let second { text += digits(second, 2) }
        if let microsecond, fractionDigits > 0 {
            text += "." + fraction(microsecond, fractionDigits)
        }
        return text
    }
}

/// The first `width` (1…6) digits of a microsecond count, as a fraction of a second is written.
func fraction(_ microsecond: Int, _ width: Int) -> String {
    let width = min(max(width, 1), 6)
    var scaled = microsecond
    for _ in 0..<(6 - width) { scaled /= 10 }
    return digits(scaled, width)
}
