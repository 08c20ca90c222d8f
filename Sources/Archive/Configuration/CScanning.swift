/// The C library's number and character rules, as dcmqrscp's config reader
/// relies on them (glibc, C locale): `isspace`, `atoi`, `sscanf("%d")`,
/// `sscanf("%lu")`.
enum CScanning {
    /// `isspace` in the C locale: space, \t, \n, \v, \f, \r.
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }

    /// `strtol(…, 10)`: leading white space, a sign, digits; saturates at the
    /// 64-bit limits. `end` is the offset after the digits; nil when there are none.
    static func strtol(_ bytes: [UInt8], from start: Int = 0) -> (value: Int64, end: Int)? {
        var i = start
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        let digitsStart = i
        var magnitude: UInt64 = 0
        var overflow = false
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
            let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(bytes[i] - UInt8(ascii: "0")))
            if o1 || o2 { overflow = true } else { magnitude = s }
            i += 1
        }
        guard i > digitsStart else { return nil }
        let value: Int64
        if negative {
            value = overflow || magnitude > UInt64(Int64.max) + 1 ? .min : Int64(truncatingIfNeeded: 0 &- magnitude)
        } else {
            value = overflow || magnitude > UInt64(Int64.max) ? .max : Int64(magnitude)
        }
        return (value, i)
    }

    /// `sscanf("%d")` into an `int`: glibc converts with `strtol` and keeps the
    /// low 32 bits. nil when no number is there (the variable keeps its value).
    static func scanInt(_ bytes: [UInt8], from start: Int = 0) -> (value: Int, end: Int)? {
        guard let (v, end) = strtol(bytes, from: start) else { return nil }
        return (Int(Int32(truncatingIfNeeded: v)), end)
    }

    /// `atoi`: `scanInt`, 0 when there is no number.
    static func atoi(_ bytes: [UInt8]) -> Int { scanInt(bytes)?.value ?? 0 }

    /// `sscanf("%lu")` stored into a `Uint32` (dcmqrscp's MaxPDUSize): a
    /// negative number wraps, an overflow gives ULONG_MAX; nil when no number.
    static func scanUnsigned32(_ bytes: [UInt8]) -> UInt32? {
        var i = 0
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        let digitsStart = i
        var value: UInt64 = 0
        var overflow = false
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(bytes[i] - UInt8(ascii: "0")))
            if o1 || o2 { overflow = true } else { value = s }
            i += 1
        }
        guard i > digitsStart else { return nil }
        let result = overflow ? UInt64.max : (negative ? 0 &- value : value)
        return UInt32(truncatingIfNeeded: result)
    }
}
