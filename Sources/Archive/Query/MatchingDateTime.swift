/// Lenient DA/TM/DT readers used only for matching (spec §6.3), accepting what
/// dcmqrscp accepts: `YYYYMMDD` and the ACR-NEMA `YYYY.MM.DD`; `HH`, `HHMM`,
/// `HHMMSS`, `HHMMSS.F…` and `HH:MM[:SS[.F…]]`; DT `YYYY[MM[DD[HH[MM[SS[.F…]]]]]][&ZZXX]`.
/// Independent of the DICOM value types: a value that does not read is nil.
enum MatchingDateTime {
    /// A date as `year * 10000 + month * 100 + day` (ordered like the date).
    static func date(_ s: Substring) -> Int? {
        let u = Array(s.utf8)
        let digits: [UInt8]
        if u.count == 8 {
            digits = u
        } else if u.count == 10, u[4] == UInt8(ascii: "."), u[7] == UInt8(ascii: ".") {
            digits = Array(u[0..<4] + u[5..<7] + u[8..<10])
        } else {
            return nil
        }
        guard let year = number(digits[0..<4]), let month = number(digits[4..<6]), let day = number(digits[6..<8]),
              isValid(year: year, month: month, day: day) else { return nil }
        return year * 10000 + month * 100 + day
    }

    /// A time of day in microseconds since midnight.
    static func time(_ s: Substring) -> Int? {
        var u = Array(s.utf8)
        var fraction = 0, hasFraction = false
        if let dot = u.firstIndex(of: UInt8(ascii: ".")) {
            let f = u[(dot + 1)...]
            guard !f.isEmpty, f.count <= 6, let value = number(f) else { return nil }
            (fraction, hasFraction) = (value, true)
            for _ in f.count..<6 { fraction *= 10 }
            u = Array(u[..<dot])
        }
        if u.contains(UInt8(ascii: ":")) {
            // ACR-NEMA HH:MM[:SS]
            guard u.count == 5 || u.count == 8, u[2] == UInt8(ascii: ":"), u.count == 5 || u[5] == UInt8(ascii: ":")
            else { return nil }
            u = u.filter { $0 != UInt8(ascii: ":") }
        }
        guard [2, 4, 6].contains(u.count) else { return nil }
        if u.count < 6, hasFraction { return nil }
        guard let hh = number(u[0..<2]) else { return nil }
        let mm = u.count >= 4 ? number(u[2..<4]) : 0
        let ss = u.count >= 6 ? number(u[4..<6]) : 0
        guard let mm, let ss, hh < 24, mm < 60, ss <= 60 else { return nil }
        return ((hh * 60 + mm) * 60 + ss) * 1_000_000 + fraction
    }

    /// A date-time in microseconds since 1970-01-01T00:00 (UTC when an offset is given,
    /// local otherwise); missing components are their lowest value.
    static func dateTime(_ s: Substring) -> Int64? {
        var u = Array(s.utf8)
        var offsetMinutes = 0
        if let sign = u.firstIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
            let z = u[(sign + 1)...]
            guard z.count == 4, let zz = number(z[sign + 1..<sign + 3]), let xx = number(z[sign + 3..<sign + 5]),
                  zz <= 14, xx < 60 else { return nil }
            offsetMinutes = (zz * 60 + xx) * (u[sign] == UInt8(ascii: "-") ? -1 : 1)
            u = Array(u[..<sign])
        }
        let dot = u.firstIndex(of: UInt8(ascii: ".")) ?? u.count
        let head = u[..<dot]
        guard [4, 6, 8, 10, 12, 14].contains(head.count), head.count == 14 || dot == u.count,
              let year = number(head[0..<4]) else { return nil }
        let month = head.count >= 6 ? number(head[4..<6]) : 1
        let day = head.count >= 8 ? number(head[6..<8]) : 1
        guard let month, let day, isValid(year: year, month: month, day: day) else { return nil }
        var micros = 0
        if head.count > 8 {
            guard let t = time(Substring(String(decoding: u[8...], as: UTF8.self))) else { return nil }
            micros = t
        }
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        return days * 86_400_000_000 + Int64(micros) - Int64(offsetMinutes) * 60_000_000
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var n = 0
        for d in digits {
            guard d >= 0x30, d <= 0x39 else { return nil }
            n = n * 10 + Int(d - 0x30)
        }
        return n
    }

    private static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// A compiled DA/TM/DT key: single value or inclusive range `a-b`, `-b`, `a-`
/// (PS3.4 §C.2.2.2.5, dcmqrscp's reading: split at the first `-`). A key that
/// does not read (wild cards, lists, bad dates) matches nothing.
struct RangeMatcher<Value: Comparable & Sendable>: Sendable {
    enum Form: Sendable { case single(Value), range(Value?, Value?), unreadable }
    let form: Form
    let parse: @Sendable (Substring) -> Value?

    init(_ key: Substring, splitDash: (Substring) -> (Substring, Substring)? = RangeMatcher.firstDash,
         parse: @escaping @Sendable (Substring) -> Value?) {
        self.parse = parse
        guard let (a, b) = splitDash(key) else {
            form = parse(key).map { .single($0) } ?? .unreadable
            return
        }
        let low = a.isEmpty ? nil : parse(a)
        let high = b.isEmpty ? nil : parse(b)
        if (!a.isEmpty && low == nil) || (!b.isEmpty && high == nil) {
            form = .unreadable
        } else {
            form = .range(low, high)
        }
    }

    static func firstDash(_ key: Substring) -> (Substring, Substring)? {
        guard let dash = key.firstIndex(of: "-") else { return nil }
        return (key[..<dash], key[key.index(after: dash)...])
    }

    func matches(_ stored: Substring) -> Bool {
        guard let value = parse(stored) else { return false }
        switch form {
        case .single(let v): return value == v
        case .range(let low, let high): return (low.map { $0 <= value } ?? true) && (high.map { value <= $0 } ?? true)
        case .unreadable: return false
        }
    }
}

extension RangeMatcher where Value == Int64 {
    /// DT values may carry a `-ZZXX` offset: a dash that leaves two readable
    /// (or empty) sides is the range separator; a key that reads whole is a single value.
    static func dateTimeDash(_ key: Substring) -> (Substring, Substring)? {
        if MatchingDateTime.dateTime(key) != nil { return nil }
        for i in key.indices where key[i] == "-" {
            let a = key[..<i], b = key[key.index(after: i)...]
            if (a.isEmpty || MatchingDateTime.dateTime(a) != nil), (b.isEmpty || MatchingDateTime.dateTime(b) != nil) {
                return (a, b)
            }
        }
        return firstDash(key)
    }
}
