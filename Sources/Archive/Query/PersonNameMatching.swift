/// How Person Name (PN) keys compare (issue 6).
package enum PersonNameMatching: Sendable, Hashable {
    /// dcmqrscp's: case-sensitive, no component logic (`DOE^JOHN` ≠ `Doe^John`,
    /// `Doe` ≠ `Doe^John`) — spec §6.3.
    case exact
    /// Quarry's option: case and diacritics folded on both sides before the
    /// wild-card comparison (`doe^john` = `Doe^John`, `muller*` = `Müller^Jürgen`).
    case insensitive
}
