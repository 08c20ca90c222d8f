/// The text of one value being parsed: its Unicode scalars without the
/// padding the VR ignores, with offsets that still point into the original.
struct ValueText {
    let vr: VR
    let original: String
    /// The significant scalars.
    let scalars: [Unicode.Scalar]
    /// Offset (in scalars) of `scalars[0]` in `original`.
    let start: Int

    /// Removes leading spaces (when `trimLeading`) and trailing spaces and NULs
    /// (when `trimNUL`, as UI pads); throws `.empty` when nothing remains.
    init(_ vr: VR, _ text: some StringProtocol, trimLeading: Bool = true, trimNUL: Bool = false) throws(InvalidValue) {
        let all = Array(text.unicodeScalars)
        var lower = 0, upper = all.count
        while upper > lower, all[upper - 1] == " " || (trimNUL && all[upper - 1] == "\0") { upper -= 1 }
        while trimLeading, lower < upper, all[lower] == " " { lower += 1 }
        (self.vr, original, scalars, start) = (vr, String(text), Array(all[lower..<upper]), lower)
        guard !scalars.isEmpty else { throw InvalidValue(vr, text, .empty) }
    }

    var count: Int { scalars.count }

    func error(_ reason: InvalidValue.Reason) -> InvalidValue { InvalidValue(vr, original, reason) }

    /// Throws `.invalidCharacter` for the first scalar `allowed` refuses.
    func check(_ allowed: (Unicode.Scalar) -> Bool) throws(InvalidValue) {
        if let i = scalars.firstIndex(where: { !allowed($0) }) {
            throw error(.invalidCharacter(scalars[i], offset: start + i))
        }
    }

    /// Throws `.tooLong` when more than `maximum` significant characters remain.
    func check(maximum: Int) throws(InvalidValue) {
        if count > maximum { throw error(.tooLong(maximum: maximum)) }
    }

    /// The decimal number spelled by `scalars[range]`; nil unless all are ASCII digits.
    func number(_ range: Range<Int>) -> Int? { Self.number(scalars[range]) }

    static func number(_ digits: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for d in digits {
            guard d.isASCIIDigit else { return nil }
            value = value * 10 + Int(d.value - 0x30)
        }
        return value
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIIUppercase: Bool { ("A"..."Z").contains(self) }
    /// PS3.5 §6.1.2: the Default Character Repertoire's graphic characters and space.
    var isDefaultRepertoireGraphic: Bool { (0x20...0x7E).contains(value) }
}
