import DICOM

/// How a key's value is matched against a stored value (PS3.4 §C.2.2.2, as
/// dcmqrscp applies it — spec §6.3 — plus the kinds Quarry's extra keys need).
package enum QueryMatchKind: Sendable, Hashable {
    /// AE, CS, LO, LT, SH, ST, UC, UR, UT: single value, `*` and `?` wild cards
    /// (§C.2.2.2.1, §C.2.2.2.4); case-sensitive; backslash is an ordinary character.
    case wildcard
    /// PN: as `.wildcard`, exact by default; optionally case- and accent-insensitive.
    case personName
    /// DA: single date or range (§C.2.2.2.5).
    case date
    /// TM: single time or range, compared as parsed times.
    case time
    /// DT: single date-time or range.
    case dateTime
    /// UI: one UID or a list separated by `\` (§C.2.2.2.2); no wild cards.
    case uidList
    /// IS, DS, AS, binary numbers and anything else: equal strings after trimming.
    case exact
    /// A multi-valued stored CS value (Modalities in Study): matches when any
    /// value of the key (wild cards allowed) matches any stored value.
    case anyValueWildcard
    /// A multi-valued stored UI value (SOP Classes in Study): matches when the
    /// key's UID list and the stored values share a UID.
    case anyValueUIDList
    /// SQ: only universal matching (an empty sequence, or one item of empty
    /// keys, §C.2.2.2.6); a non-empty item is not matched (the key is returned).
    case sequence
    /// Never used for matching (counts, Retrieve AE Title, Instance Availability,
    /// Specific Character Set): returned only.
    case returnOnly

    /// The kind dcmqrscp uses for a key of this dictionary VR (dcmdata dcmatch.cc).
    package init(vr: VR) {
        switch vr {
        case .AE, .CS, .LO, .LT, .SH, .ST, .UC, .UR, .UT: self = .wildcard
        case .PN: self = .personName
        case .DA: self = .date
        case .TM: self = .time
        case .DT: self = .dateTime
        case .UI: self = .uidList
        case .SQ: self = .sequence
        default: self = .exact
        }
    }
}
