import DICOM

/// How C-FIND response values are converted between Specific Character Sets
/// (0008,0005), as dcmqrscp does it (spec §6.6; PS3.4 §C.4.1.1.3.1 leaves the
/// response character set to the SCP).
///
/// Built from the configuration file's `SpecificCharacterSet` line (spec §2.4)
/// and then the command line (`+Cr`/`-Cr`, `+A7`/`+U8`/`+L1`/`+C`, `-Ct`,
/// `-Cd`): each option given on the command line replaces that one setting of
/// the file and leaves the others as the file has them (measured with
/// dcmqrscp 3.6.7: `"ISO_IR 192", fallback` in the file with `-Cr` converts
/// every response to UTF-8; with `+A7` it no longer falls back to UTF-8).
package struct ResponseCharacterSetPolicy: Sendable, Equatable, CustomStringConvertible {
    /// The configured character set as (0008,0005) would spell it (`ISO_IR 192`;
    /// empty for ASCII): the target when `overridesRequest`, otherwise the
    /// fall-back when converting to the request's character set fails.
    package var characterSet: String
    /// `override` / `-Cr`: convert to `characterSet` whatever the request's
    /// character set; otherwise (`+Cr`, the default) convert to the request's.
    package var overridesRequest: Bool
    /// `fallback`: when the first conversion fails, try the other character set
    /// (the configured one, or with `overridesRequest` the request's).
    package var fallsBack: Bool
    /// `transliterate` / `-Ct`: a character the target cannot represent is
    /// written as a similar one (`ü` → `u`), or `?` when there is none.
    package var transliterates: Bool
    /// `discard` / `-Cd`: a character the target cannot represent is left out.
    package var discardsIllegalCharacters: Bool

    package init(characterSet: String = "", overridesRequest: Bool = false, fallsBack: Bool = true,
                 transliterates: Bool = false, discardsIllegalCharacters: Bool = false) {
        self.characterSet = Self.normalized(characterSet)
        (self.overridesRequest, self.fallsBack) = (overridesRequest, fallsBack)
        (self.transliterates, self.discardsIllegalCharacters) = (transliterates, discardsIllegalCharacters)
    }

    /// dcmqrscp without a `SpecificCharacterSet` line or option: convert to the
    /// request's character set, fall back to ASCII.
    package static let dcmqrscpDefault = ResponseCharacterSetPolicy()

    /// The options of the command line that concern response character sets;
    /// nil or false where the option was not given.
    package struct CommandLineChoices: Sendable, Equatable {
        /// `+Cr` (false) or `-Cr` (true), the right-most one.
        package var overridesRequest: Bool?
        /// `+A7` (`""`), `+U8` (`ISO_IR 192`), `+L1` (`ISO_IR 100`) or `+C term`.
        package var characterSet: String?
        /// `-Ct`
        package var transliterates: Bool
        /// `-Cd`
        package var discardsIllegalCharacters: Bool

        package init(overridesRequest: Bool? = nil, characterSet: String? = nil,
                     transliterates: Bool = false, discardsIllegalCharacters: Bool = false) {
            (self.overridesRequest, self.characterSet) = (overridesRequest, characterSet)
            (self.transliterates, self.discardsIllegalCharacters) = (transliterates, discardsIllegalCharacters)
        }
    }

    /// The words of `SpecificCharacterSet` that are options, not a character set
    /// (documented in dcmqrcnf.txt; `abort` is accepted and undocumented).
    package static let optionWords: Set<String> = ["fallback", "override", "transliterate", "discard", "abort"]

    /// The policy of a configuration file's `SpecificCharacterSet` terms (nil: no
    /// such line), then the command line's choices on top.
    ///
    /// A `SpecificCharacterSet` line replaces the defaults entirely: without the
    /// word `fallback` nothing falls back (measured: `"ISO_IR 192"` alone leaves
    /// a Latin-1 record that cannot become ASCII in Latin-1, where
    /// `"ISO_IR 192", fallback` converts it to UTF-8). The last term that is not
    /// an option word names the character set; option words are case-sensitive,
    /// as in dcmqrscp. `abort` (stop at the first character that cannot be
    /// converted) is what Quarry always does without `transliterate`/`discard`.
    package init(configurationTerms: [String]?, commandLine: CommandLineChoices = .init()) {
        var policy = Self.dcmqrscpDefault
        if let terms = configurationTerms {
            policy = ResponseCharacterSetPolicy(fallsBack: false)
            for term in terms.map(CharacterSetPolicySupport.trimmed) {
                switch term {
                case "fallback": policy.fallsBack = true
                case "override": policy.overridesRequest = true
                case "transliterate": policy.transliterates = true
                case "discard": policy.discardsIllegalCharacters = true
                case "abort": break
                default: policy.characterSet = Self.normalized(term)
                }
            }
        }
        if let override = commandLine.overridesRequest { policy.overridesRequest = override }
        if let target = commandLine.characterSet { policy.characterSet = Self.normalized(target) }
        if commandLine.transliterates { policy.transliterates = true }
        if commandLine.discardsIllegalCharacters { policy.discardsIllegalCharacters = true }
        self = policy
    }

    /// Why Quarry cannot convert to the configured character set (an unknown
    /// defined term given to `+C` or in the file); nil when it can. dcmqrscp
    /// accepts any term and fails each conversion that needs it.
    package var characterSetProblem: CharacterSetError? {
        do {
            _ = try SpecificCharacterSet(characterSet)
            return nil
        } catch {
            return error
        }
    }

    /// The `SpecificCharacterSet` line that gives this policy (for `--check-config`
    /// style summaries and logs).
    package var description: String {
        var words = ["\"\(characterSet)\""]
        if overridesRequest { words.append("override") }
        if fallsBack { words.append("fallback") }
        if transliterates { words.append("transliterate") }
        if discardsIllegalCharacters { words.append("discard") }
        return words.joined(separator: ", ")
    }

    /// A (0008,0005) value as dcmqrscp compares it: each value without its
    /// surrounding spaces, joined by `\`; empty when there is none.
    package static func normalized(_ value: String?) -> String {
        guard let value else { return "" }
        let parts = value.split(separator: "\\", omittingEmptySubsequences: false).map(CharacterSetPolicySupport.trimmed)
        if parts.allSatisfy(\.isEmpty) { return "" }
        return parts.joined(separator: "\\")
    }
}
