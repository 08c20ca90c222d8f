import Archive
import Testing

// Each row: key value as sent, stored value (nil = absent), expected match.
// The examples marked "measured" are dcmqrscp 3.6.7's answers (spec §6.3).

/// Empty key → universal match; leading/trailing spaces trimmed on both sides.
@Test(arguments: [
    ("", "anything", true), ("", "", true), ("", nil, true), ("   ", "Doe^John", true),
    ("  ACC03  ", "ACC03", true),  // measured: AccessionNumber=  ACC03  matched
    ("ACC03", "  ACC03 ", true), ("ACC0", "ACC03", false), ("ACC03", "ACC0", false),
])
func universalAndTrimming(key: String, stored: String?, expected: Bool) {
    #expect(AttributeMatcher(kind: .wildcard, value: key).matches(stored) == expected)
    #expect(AttributeMatcher(kind: .wildcard, value: key).isUniversal == key.allSatisfy { $0 == " " })
}

/// PN, exact (dcmqrscp's default): case-sensitive, no component logic, wild cards.
@Test(arguments: [
    ("Doe^John", "Doe^John", true),
    ("DOE^JOHN", "Doe^John", false),  // measured
    ("doe*", "doe^jane", true), ("doe*", "Doe^John", false),  // measured: doe* matches only doe^jane
    ("Doe", "Doe^John", false),  // measured: no PN component logic
    ("Doe*", "Doe^John", true), ("*John", "Doe^John", true), ("*^*", "Doe^John", true),
    ("D?e^John", "Doe^John", true), ("D??^John", "Doe^John", true), ("D?^John", "Doe^John", false),
    ("M?ller*", "Müller^Jürgen", true),  // `?` is one character, not one byte (dcmqrscp: no match in UTF-8)
    ("M??ller*", "Müller^Jürgen", false), ("Müller^J?rgen", "Müller^Jürgen", true),
    ("M*ller*", "Müller^Jörg", true), ("Müller^Jörg", "Müller^Jörg", true), ("müller^jörg", "Müller^Jörg", false),
    ("Müller", "Mu\u{308}ller", false),  // compared scalar by scalar, like dcmqrscp's bytes
])
func personNameExact(key: String, stored: String, expected: Bool) {
    #expect(AttributeMatcher(kind: .personName, value: key).matches(stored) == expected)
    #expect(AttributeMatcher(kind: .personName, value: key, personNameMatching: .exact).matches(stored) == expected)
}

/// PN, Quarry's insensitive option: case and diacritics folded on both sides.
@Test(arguments: [
    ("doe^john", "Doe^John", true), ("DOE^JOHN", "Doe^John", true), ("doe*", "Doe^John", true),
    ("doe*", "doe^jane", true), ("Doe", "Doe^John", false), ("smith*", "Doe^John", false),
    ("muller*", "Müller^Jürgen", true), ("MULLER^JORG", "Müller^Jörg", true), ("MÜLLER^JÖRG", "Müller^Jörg", true),
    ("m?ller*", "MÜLLER^JÜRGEN", true), ("Müller", "Mu\u{308}ller", true), ("Søren", "soren", true),
    ("Strauss", "Strauß", true), ("Jorg", "Jürgen", false), ("*ürg*", "MULLER^JURGEN", true),
])
func personNameInsensitive(key: String, stored: String, expected: Bool) {
    #expect(AttributeMatcher(kind: .personName, value: key, personNameMatching: .insensitive).matches(stored) == expected)
}

/// String VRs other than PN: wild cards, case-sensitive, backslash literal.
@Test(arguments: [
    ("P001\\P002", "P001", false), ("P001\\P002", "P002", false),  // measured: lists do not work
    ("P001\\P002", "P001\\P002", true), ("P00?", "P001", true), ("P0*", "P001", true), ("p001", "P001", false),
    ("CT", "CT", true), ("ct", "CT", false), ("C?", "CT", true), ("?", "CT", false), ("??", "CT", true),
    ("*", "", true), ("*", nil, true), ("**", "", true),  // measured: `*` matches an empty stored value
    ("?", "", false), ("x", nil, false), ("a*", "", false),  // other keys never match an empty value
    ("a*b*c", "aXbYc", true), ("a*b*c", "aXbY", false), ("*a", "aaa", true), ("*ab", "aab", true),
    ("a*a*a", "aa", false), ("*?*", "x", true), ("*?*", "", false), ("a\\*", "a\\bc", true),
])
func stringWildcards(key: String, stored: String?, expected: Bool) {
    #expect(AttributeMatcher(kind: .wildcard, value: key).matches(stored) == expected)
}

/// IS, DS, AS and binary numbers (decoded to decimal): equal strings after trimming.
@Test(arguments: [
    ("01", "1", false),  // measured: InstanceNumber=01 ≠ 1
    ("1", "1", true), (" 1 ", "1", true), ("1", " 1", true), ("1*", "1", false), ("1?", "12", false),
    ("1\\2", "1", false), ("512", "512", true), ("045Y", "045Y", true), ("045Y", "45Y", false), ("7", "", false),
])
func exactValues(key: String, stored: String, expected: Bool) {
    #expect(AttributeMatcher(kind: .exact, value: key).matches(stored) == expected)
}

/// UI: single UID or a list; no wild cards.
@Test(arguments: [
    ("1.2.3", "1.2.3", true), ("1.2.3", "1.2.3.4", false), ("1.2.3.4", "1.2.3", false),
    ("1.2.3.*", "1.2.3.4", false),  // measured: 1.2.3.* matches nothing
    ("1.2.?", "1.2.3", false), ("1.2.3\\1.2.4", "1.2.4", true), ("1.2.3\\1.2.4", "1.2.3", true),
    ("1.2.3\\1.2.4", "1.2.5", false), ("1.2.3", "", false), ("1.2.3 ", "1.2.3\0", true), ("1.2.3\\", "1.2.3", true),
])
func uidLists(key: String, stored: String, expected: Bool) {
    #expect(AttributeMatcher(kind: .uidList, value: key).matches(stored) == expected)
}

/// Modalities in Study: any value of the key against any stored value.
@Test(arguments: [
    ("CT", "CT\\MR", true), ("MR", "CT\\MR", true), ("US", "CT\\MR", false), ("US\\MR", "CT\\MR", true),
    ("C*", "CT\\MR", true), ("ct", "CT\\MR", false), ("CT", "", false), ("CT\\", "CT", true),
])
func modalitiesInStudy(key: String, stored: String, expected: Bool) {
    #expect(AttributeMatcher(kind: .anyValueWildcard, value: key).matches(stored) == expected)
}

/// SOP Classes in Study: the key's UIDs and the stored UIDs share one.
@Test(arguments: [
    ("1.2.3", "1.2.4\\1.2.3", true), ("1.2.5\\1.2.4", "1.2.4\\1.2.3", true), ("1.2.5", "1.2.4", false),
    ("1.2.*", "1.2.4", false),
])
func sopClassesInStudy(key: String, stored: String, expected: Bool) {
    #expect(AttributeMatcher(kind: .anyValueUIDList, value: key).matches(stored) == expected)
}

/// Keys never used for matching (counts, Retrieve AE Title …) and sequences: always universal.
@Test(arguments: [QueryMatchKind.returnOnly, .sequence])
func keysNeverMatched(kind: QueryMatchKind) {
    let matcher = AttributeMatcher(kind: kind, value: "5")
    #expect(matcher.isUniversal)
    #expect(matcher.matches("7"))
    #expect(matcher.matches(nil))
}
