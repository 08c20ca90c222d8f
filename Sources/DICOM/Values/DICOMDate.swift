/// A DA value (PS3.5 Table 6.2-1): a calendar date `YYYYMMDD`. Also reads the
/// ACR-NEMA form `YYYY.MM.DD` that DCMTK accepts in queries.
package struct DICOMDate: ParsableValue, Comparable, CustomStringConvertible {
    package static let vr = VR.DA
    package private(set) var year: Int
    package private(set) var month: Int
    package private(set) var day: Int

    /// A date, checked: month 1…12, day within the month (leap years counted).
    package init(year: Int, month: Int, day: Int) throws(InvalidValue) {
        let text = Self.format(year, month, day)
        guard (0...9999).contains(year) else { throw InvalidValue(.DA, text, .outOfRange(field: "year")) }
        guard (1...12).contains(month) else { throw InvalidValue(.DA, text, .outOfRange(field: "month")) }
        guard (1...Self.days(inMonth: month, year: year)).contains(day) else {
            throw InvalidValue(.DA, text, .outOfRange(field: "day"))
        }
        (self.year, self.month, self.day) = (year, month, day)
    }

    init(uncheckedYear year: Int, month: Int, day: Int) { (self.year, self.month, self.day) = (year, month, day) }

    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let t = try ValueText(.DA, text)
        try t.check { $0.isASCIIDigit || $0 == "." }
        let fields: (Int, Int, Int)?
        switch t.count {
        case 8: fields = Self.fields(t, 0..<4, 4..<6, 6..<8)
        case 10 where t.scalars[4] == "." && t.scalars[7] == ".": fields = Self.fields(t, 0..<4, 5..<7, 8..<10)
        default: fields = nil
        }
        guard let (y, m, d) = fields else { throw t.error(.format(expected: "YYYYMMDD")) }
        do { try self.init(year: y, month: m, day: d) } catch { throw t.error(error.reason) }
    }

    private static func fields(_ t: ValueText, _ y: Range<Int>, _ m: Range<Int>, _ d: Range<Int>) -> (Int, Int, Int)? {
        guard let year = t.number(y), let month = t.number(m), let day = t.number(d) else { return nil }
        return (year, month, day)
    }

    /// Days in `month` of `year` in the Gregorian calendar.
    package static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before), for comparisons across DA and DT.
    package var daysSinceEpoch: Int {
        // Civil-from-days inverse (proleptic Gregorian calendar).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The value as PS3.5 writes it, `YYYYMMDD`.
    package var description: String { Self.format(year, month, day) }

    package static func < (a: DICOMDate, b: DICOMDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        digits(year, 4) + digits(month, 2) + digits(day, 2)
    }
}

/// `value` in decimal, left-padded with zeros to `width`.
func digits(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
