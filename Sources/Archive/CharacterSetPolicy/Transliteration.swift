/// Similar-looking replacements for characters a target character set lacks
/// (`-Ct`, `transliterate`): Latin letters with diacritics become their base
/// letter (`ü` → `u`, `Ł` → `L`), read from the character's Unicode name, plus a
/// few letters and punctuation marks without a base letter (`ß` → `ss`).
enum Transliteration {
    /// The replacement, or nil when there is none.
    static func approximation(of character: Character) -> String? {
        let scalars = Array(character.unicodeScalars)
        guard let first = scalars.first else { return nil }
        if let special = specials[first] { return special }
        // A base letter followed by combining marks (decomposed text).
        if scalars.count > 1, first.isASCII { return String(first) }
        guard scalars.count == 1, let name = first.properties.name else { return nil }
        return baseLetters(fromName: name)
    }

    /// `LATIN SMALL LETTER U WITH DIAERESIS` → `u`, `LATIN CAPITAL LETTER AE` → `AE`,
    /// `LATIN SMALL LIGATURE OE` → `oe`.
    private static func baseLetters(fromName name: String) -> String? {
        let words = name.split(separator: " ")
        guard words.count >= 4, words[0] == "LATIN", words[2] == "LETTER" || words[2] == "LIGATURE" else { return nil }
        let small: Bool
        switch words[1] {
        case "SMALL": small = true
        case "CAPITAL": small = false
        default: return nil
        }
        let letters = words[3]
        guard words.count == 4 || words[4] == "WITH", letters.count <= 2,
              letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return small ? letters.lowercased() : String(letters)
    }

    private static let specials: [Unicode.Scalar: String] = [
        "\u{DF}": "ss", "\u{1E9E}": "SS", "\u{131}": "i", "\u{F0}": "d", "\u{D0}": "D", "\u{FE}": "th", "\u{DE}": "TH",
        "\u{A0}": " ", "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
        "\u{201E}": "\"", "\u{2013}": "-", "\u{2014}": "-", "\u{2026}": "...", "\u{20AC}": "EUR",
        "\u{AB}": "<<", "\u{BB}": ">>", "\u{D7}": "x", "\u{A9}": "(C)", "\u{AE}": "(R)",
    ]
}
