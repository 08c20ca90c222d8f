import DICOM

/// The hierarchy rules without the strict checks (dcmqrdbi.cc `hierarchicalCompare`,
/// spec §6.4 and §7.1):
/// - each level above the query level, from the model's top down, must carry its
///   unique key: missing → C-FIND 0xC000 with `W: hierarchicalCompare : No UID Key
///   found at level <n>`, C-MOVE/C-GET nothing matched (0x0000, no sub-operations);
///   present and empty → universal; present with a value → matched;
/// - other keys of higher levels are not matched — except that Study Root at STUDY
///   level matches the patient keys;
/// - keys of lower levels are not matched (they are returned, see `responseIdentifier`);
/// - a level above the model (Study Root + PATIENT) fails like a missing unique key,
///   without the warning.
extension Query {
    struct Hierarchy {
        var conditions: [QueryCondition]
        var matchesNothing = false
        var notices: [QueryLogLine] = []
    }

    static func hierarchy(_ requested: [RequestedKey], level: QueryRetrieveLevel, model: QueryRetrieveInformationModel,
                          options: QueryOptions) throws(QueryFailure) -> Hierarchy {
        let root = model.root
        if level < root.topLevel {
            if model.service == .find {
                throw .make(.find, QueryFailure.unableToProcess, "Level \(level) is not in the \(root.name) model")
            }
            return Hierarchy(conditions: [], matchesNothing: true)
        }

        var conditions: [QueryCondition] = []
        func addCondition(_ requested: RequestedKey) {
            let matcher = AttributeMatcher(kind: requested.key.matching, value: requested.value,
                                           personNameMatching: options.personNameMatching)
            if !matcher.isUniversal { conditions.append(QueryCondition(key: requested.key, matcher: matcher)) }
        }

        for above in QueryRetrieveLevel.allCases where above >= root.topLevel && above < level {
            guard let unique = options.keys.uniqueKey(at: above) else { continue }
            guard let key = requested.first(where: { $0.key.tag == unique.tag }) else {
                let line = QueryLogLine(.warn, "hierarchicalCompare : No UID Key found at level \(above.rawValue)")
                if model.service == .find {
                    throw .make(.find, QueryFailure.unableToProcess,
                                "Missing unique key \(unique.keyword) \(unique.tag) of level \(above)", [line])
                }
                return Hierarchy(conditions: [], matchesNothing: true, notices: [line])
            }
            addCondition(key)
        }

        let patientKeysMatch = root == .studyRoot && level == .study
        for key in requested where key.key.level == level || (patientKeysMatch && key.key.level == .patient) {
            addCondition(key)
        }
        return Hierarchy(conditions: conditions)
    }
}
