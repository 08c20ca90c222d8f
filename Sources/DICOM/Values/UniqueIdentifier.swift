/// A UI value (PS3.5 §9.1, Table 6.2-1): components of digits separated by
/// `.`, at most 64 characters, no empty component, no leading zero in a
/// component of more than one digit. Padding (trailing NUL, or the spaces some
/// systems use) is removed first.
///
/// `init(parsing:)` accepts only valid UIDs; `validate(_:)` sorts what is
/// wrong into problems that make a UID unusable and irregularities real
/// modalities send (the archive stores those with a warning).
package struct UniqueIdentifier: ParsableValue, Comparable, CustomStringConvertible {
    package static let vr = VR.UI
    package static let maximumLength = 64

    /// The UID without padding.
    package let value: String

    package init(parsing text: some StringProtocol) throws(InvalidValue) {
        let validation = Self.validate(text)
        if let problem = validation.errors.first ?? validation.irregularities.first {
            throw InvalidValue(.UI, text, problem.reason)
        }
        value = validation.uid
    }

    /// Checks `text` against PS3.5 §9.1 and reports every kind of problem found.
    package static func validate(_ text: some StringProtocol) -> UIDValidation {
        let all = Array(text.unicodeScalars)
        var end = all.count
        while end > 0, all[end - 1] == "\0" || all[end - 1] == " " { end -= 1 }
        let scalars = all[..<end]
        var result = UIDValidation(uid: String(String.UnicodeScalarView(scalars)))
        guard !scalars.isEmpty else {
            result.errors.append(.empty)
            return result
        }
        if let i = scalars.firstIndex(of: "\0") { result.errors.append(.containsNUL(offset: i)) }
        if let i = scalars.firstIndex(of: "/") { result.errors.append(.containsSlash(offset: i)) }
        if let i = scalars.firstIndex(of: "\\") { result.errors.append(.containsBackslash(offset: i)) }
        if let i = scalars.firstIndex(where: { !$0.isASCIIDigit && $0 != "." && $0 != "\0" && $0 != "/" && $0 != "\\" }) {
            result.errors.append(.invalidCharacter(scalars[i], offset: i))
        }
        if scalars.count > maximumLength { result.irregularities.append(.tooLong(length: scalars.count)) }
        let components = scalars.split(separator: ".", omittingEmptySubsequences: false)
        if let k = components.firstIndex(where: \.isEmpty) { result.irregularities.append(.emptyComponent(index: k + 1)) }
        if let k = components.firstIndex(where: { $0.count > 1 && $0.first == "0" }) {
            result.irregularities.append(.leadingZero(index: k + 1))
        }
        return result
    }

    package var description: String { value }

    /// Orders UIDs component by component as numbers (`1.2.9` < `1.2.10`).
    package static func < (a: UniqueIdentifier, b: UniqueIdentifier) -> Bool {
        let x = a.value.split(separator: "."), y = b.value.split(separator: ".")
        for (p, q) in zip(x, y) where p != q {
            return p.count != q.count ? p.count < q.count : p < q
        }
        return x.count < y.count
    }
}

/// The outcome of checking a UID (PS3.5 §9.1).
package struct UIDValidation: Equatable, Sendable {
    /// One thing wrong with a UID.
    package enum Problem: Equatable, Sendable, CustomStringConvertible {
        // Errors: the UID cannot be used as a key or in a file system path.
        case empty
        case containsNUL(offset: Int)
        case containsSlash(offset: Int)
        case containsBackslash(offset: Int)
        case invalidCharacter(Unicode.Scalar, offset: Int)
        // Irregularities: against PS3.5 §9.1, harmless to store.
        case tooLong(length: Int)
        case emptyComponent(index: Int)
        case leadingZero(index: Int)

        /// True for the problems that make a UID unusable.
        package var isError: Bool {
            switch self {
            case .empty, .containsNUL, .containsSlash, .containsBackslash, .invalidCharacter: true
            case .tooLong, .emptyComponent, .leadingZero: false
            }
        }

        /// The same problem as an `InvalidValue` reason.
        package var reason: InvalidValue.Reason {
            switch self {
            case .empty: .empty
            case .containsNUL(let offset): .invalidCharacter("\0", offset: offset)
            case .containsSlash(let offset): .invalidCharacter("/", offset: offset)
            case .containsBackslash(let offset): .invalidCharacter("\\", offset: offset)
            case .invalidCharacter(let scalar, let offset): .invalidCharacter(scalar, offset: offset)
            case .tooLong: .tooLong(maximum: UniqueIdentifier.maximumLength)
            case .emptyComponent(let index): .emptyComponent(index: index)
            case .leadingZero(let index): .leadingZero(index: index)
            }
        }

        package var description: String {
            switch self {
            case .tooLong(let length): "\(length) characters, more than \(UniqueIdentifier.maximumLength)"
            default: reason.description
            }
        }
    }

    /// The UID without its padding.
    package var uid: String
    /// Problems that make the UID unusable (empty, NUL, `/`, `\`, other non-digits).
    package var errors: [Problem] = []
    /// Departures from PS3.5 §9.1 that real modalities send (over 64 characters,
    /// empty components, leading zeros).
    package var irregularities: [Problem] = []

    package init(uid: String, errors: [Problem] = [], irregularities: [Problem] = []) {
        (self.uid, self.errors, self.irregularities) = (uid, errors, irregularities)
    }

    /// No errors: the archive may store it (with a warning for irregularities).
    package var isAcceptable: Bool { errors.isEmpty }
    /// Valid per PS3.5 §9.1.
    package var isValid: Bool { errors.isEmpty && irregularities.isEmpty }
}
