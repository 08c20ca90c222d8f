/// A DT value (PS3.5 Table 6.2-1): `YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&ZZXX]`,
/// any trailing fields left out, with an optional UTC offset `&ZZXX`
/// (`&` is `+` or `-`, −1200…+1400).
///
/// Equality is structural; order and range matching use
/// `microsecondsSinceEpoch`, missing fields at their lowest value, as DCMTK
/// compares date-times.
package struct DICOMDateTime: ParsableValue, CustomStringConvertible {
    package static let vr = VR.DT
    package private(set) var year: Int
    package private(set) var month: Int?
    package private(set) var day: Int?
    package private(set) var hour: Int?
    package private(set) var minute: Int?
    package private(set) var second: Int?
    package private(set) var microsecond: Int?
    package private(set) var fractionDigits: Int
    /// The UTC offset in minutes (`-0500` → −300), when given.
    package private(set) var utcOffsetMinutes: Int?

    private static let form = "YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&ZZXX]"

    package init(year: Int, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil,
                 second: Int? = nil, microsecond: Int? = nil, fractionDigits: Int? = nil,
                 utcOffsetMinutes: Int? = nil) throws(InvalidValue) {
        (self.year, self.month, self.day, self.hour, self.minute) = (year, month, day, hour, minute)
        (self.second, self.microsecond, self.utcOffsetMinutes) = (second, microsecond, utcOffsetMinutes)
        self.fractionDigits = microsecond == nil ? 0 : fractionDigits ?? 6
        let text = description
        let given = [month, day, hour, minute, second, microsecond].map { $0 != nil }
        guard !zip(given, given.dropFirst()).contains(where: { !$0 && $1 }) else {
            throw InvalidValue(.DT, text, .format(expected: Self.form))
        }
        do {
            _ = try DICOMDate(year: year, month: month ?? 1, day: day ?? 1)
            if let hour {
                _ = try DICOMTime(hour: hour, minute: minute, second: second, microsecond: microsecond,
                                  fractionDigits: self.fractionDigits)
            }
        } catch { throw InvalidValue(.DT, text, error.reason) }
        if let offset = utcOffsetMinutes, !(-720...840).contains(offset) {
            throw InvalidValue(.DT, text, .outOfRange(field: "UTC offset"))
        }
    }

    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let t = try ValueText(.DT, text)
        try t.check { $0.isASCIIDigit || $0 == "." || $0 == "+" || $0 == "-" }
        let signs = t.scalars.indices.filter { t.scalars[$0] == "+" || t.scalars[$0] == "-" }
        guard signs.count <= 1 else { throw t.error(.format(expected: Self.form)) }
        var main = t.scalars[...], offset: Int?
        if let sign = signs.first {
            let zone = t.scalars[(sign + 1)...]
            guard zone.count == 4, let hours = ValueText.number(zone.prefix(2)),
                  let minutes = ValueText.number(zone.suffix(2)) else { throw t.error(.format(expected: Self.form)) }
            guard hours <= 14, minutes <= 59 else { throw t.error(.outOfRange(field: "UTC offset")) }
            offset = (hours * 60 + minutes) * (t.scalars[sign] == "-" ? -1 : 1)
            main = t.scalars[..<sign]
        }
        var fraction: (microsecond: Int, digits: Int)?
        if let dot = main.firstIndex(of: ".") {
            let f = main[(dot + 1)...]
            guard dot - main.startIndex == 14, (1...6).contains(f.count), var micro = ValueText.number(f) else {
                throw t.error(.format(expected: Self.form))
            }
            for _ in 0..<(6 - f.count) { micro *= 10 }
            fraction = (micro, f.count)
            main = main[..<dot]
        }
        guard [4, 6, 8, 10, 12, 14].contains(main.count) else { throw t.error(.format(expected: Self.form)) }
        var numbers: [Int] = []
        var i = main.startIndex
        while i < main.endIndex {
            let width = numbers.isEmpty ? 4 : 2
            guard let n = ValueText.number(main[i..<i + width]) else { throw t.error(.format(expected: Self.form)) }
            numbers.append(n)
            i += width
        }
        func field(_ k: Int) -> Int? { k < numbers.count ? numbers[k] : nil }
        do {
            try self.init(year: numbers[0], month: field(1), day: field(2), hour: field(3), minute: field(4),
                          second: field(5), microsecond: fraction?.microsecond, fractionDigits: fraction?.digits,
                          utcOffsetMinutes: offset)
        } catch { throw t.error(error.reason) }
    }

    /// The date part, missing month and day as 1.
    package var date: DICOMDate {
        (try? DICOMDate(year: year, month: month ?? 1, day: day ?? 1)) ?? DICOMDate.epoch
    }

    /// Microseconds since 1970-01-01 00:00 (UTC when an offset is given; as
    /// written otherwise), missing fields at their lowest value.
    package var microsecondsSinceEpoch: Int {
        let seconds = ((hour ?? 0) * 60 + (minute ?? 0) - (utcOffsetMinutes ?? 0)) * 60 + (second ?? 0)
        return (date.daysSinceEpoch * 86_400 + seconds) * 1_000_000 + (microsecond ?? 0)
    }

    /// The value as PS3.5 writes it, with the precision it was given.
    package var description: String {
        var text = digits(year, 4)
        for field in [month, day, hour, minute, second] {
            guard let field else { break }
            text += digits(field, 2)
        }
        if let microsecond, fractionDigits > 0 {
            text += "." + fraction(microsecond, fractionDigits)
        }
        if let offset = utcOffsetMinutes {
            let magnitude = Int(offset.magnitude / 60), minutes = Int(offset.magnitude % 60)
            text += (offset < 0 ? "-" : "+") + digits(magnitude, 2) + digits(minutes, 2)
        }
        return text
    }
}

extension DICOMDate {
    /// 1970-01-01.
    static let epoch = DICOMDate(uncheckedYear: 1970, month: 1, day: 1)
}
