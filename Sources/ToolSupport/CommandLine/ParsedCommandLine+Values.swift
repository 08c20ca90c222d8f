/// Typed option values and parameters with DCMTK's checks and words
/// (`OFCommandLine::getValueAndCheckMinMax`, `getParamAndCheckMinMax`, and
/// `OFConsoleApplication::checkValue`/`checkParam`). Numbers are read like C's
/// `sscanf("%ld")`: leading white space, an optional sign, digits, and
/// whatever follows ignored (`4096.5` is 4096, `0x1000` is 0).
extension ParsedCommandLine {
    /// A signed integer value of `option`, or nil when the option was not given.
    /// Errors: `Invalid value for option --acse-timeout (underflow: 0)`, `(overflow: …)`, `(abc)`.
    package func signedInteger(_ option: String, _ index: Int = 0, min: Int? = nil, max: Int? = nil)
        throws(CommandLineError) -> Int? {
        guard let text = value(option, index) else { return nil }
        guard let number = CNumber.scan(text) else { throw .invalidValue(option, text) }
        let value = number.signed
        if let min, value < min { throw CommandLineError("Invalid value for option \(option) (underflow: \(text))") }
        if let max, value > max { throw CommandLineError("Invalid value for option \(option) (overflow: \(text))") }
        return value
    }

    /// An unsigned integer value of `option` (a minus sign anywhere makes it
    /// invalid, as DCMTK's `OFCmdUnsignedInt` values), or nil when not given.
    package func unsignedInteger(_ option: String, _ index: Int = 0, min: UInt? = nil, max: UInt? = nil)
        throws(CommandLineError) -> UInt? {
        guard let text = value(option, index) else { return nil }
        guard !text.contains("-"), let number = CNumber.scan(text) else { throw .invalidValue(option, text) }
        let value = number.unsigned
        if let min, value < min { throw CommandLineError("Invalid value for option \(option) (underflow: \(text))") }
        if let max, value > max { throw CommandLineError("Invalid value for option \(option) (overflow: \(text))") }
        return value
    }

    /// The 1-based parameter `number` read as an unsigned integer like C's
    /// `strtoul` (so `-5` wraps round and is an overflow), or nil when absent.
    /// Errors: `Invalid parameter value 0 (underflow)`, `… 70000 (overflow)`, `… abc`.
    package func unsignedParameter(_ number: Int, min: UInt? = nil, max: UInt? = nil) throws(CommandLineError) -> UInt? {
        guard number >= 1, number <= parameters.count else { return nil }
        let text = parameters[number - 1]
        guard let scanned = CNumber.scan(text) else { throw CommandLineError("Invalid parameter value \(text)") }
        let value = scanned.unsigned
        if let min, value < min { throw CommandLineError("Invalid parameter value \(text) (underflow)") }
        if let max, value > max { throw CommandLineError("Invalid parameter value \(text) (overflow)") }
        return value
    }

}

/// A number as `sscanf` reads it: sign and magnitude, saturated on overflow.
struct CNumber: Equatable {
    var negative: Bool
    var magnitude: UInt64
    var overflowed: Bool

    /// nil when no digit follows the optional white space and sign.
    static func scan(_ text: String) -> CNumber? {
        var bytes = Array(text.utf8)[...]
        while let b = bytes.first, b == 0x20 || (0x09...0x0D).contains(b) { bytes = bytes.dropFirst() }
        var negative = false
        if let b = bytes.first, b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
            negative = b == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var magnitude: UInt64 = 0
        var digits = 0
        var overflowed = false
        for b in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { break }
            digits += 1
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(UInt64(b - UInt8(ascii: "0")))
            if o1 || o2 { overflowed = true }
            magnitude = overflowed ? .max : plus
        }
        return digits == 0 ? nil : CNumber(negative: negative, magnitude: magnitude, overflowed: overflowed)
    }

    /// `strtol`: saturates at the Int range.
    var signed: Int {
        if negative { return magnitude > UInt64(Int.max) ? Int.min : -Int(magnitude) }
        return magnitude > UInt64(Int.max) ? Int.max : Int(magnitude)
    }

    /// `strtoul`: a negative number wraps round (`-5` is 2^64 − 5); overflow saturates.
    var unsigned: UInt {
        if overflowed { return .max }
        return negative ? UInt(0 &- magnitude) : UInt(magnitude)
    }
}
