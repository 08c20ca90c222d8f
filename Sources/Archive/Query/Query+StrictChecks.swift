import DICOM

/// dcmqrscp's strict identifier checks (PS3.4 §C.4.1.2.1 / §C.4.2.2.1 read
/// literally): `--check-find` (dcmqrdbi.cc `testFindRequestList`, spec §6.7) and
/// `--check-move` for C-MOVE and C-GET (`testMoveRequestList`, spec §7.6). A
/// violation answers 0xA900; the checks run in dcmqrscp's order and log its
/// (debug-level) reason. Level-independent keys (Retrieve AE Title, Instance
/// Availability, Specific Character Set) belong to no level and are not checked.
extension Query {
    struct StrictViolation {
        var comment: String
        var lines: [QueryLogLine]
    }

    private static func violation(_ comment: String, _ message: String, at level: Log.Level = .debug) -> StrictViolation {
        StrictViolation(comment: comment, lines: [QueryLogLine(level, message)])
    }

    /// -XF: level within the model; above the query level exactly one non-empty unique
    /// key per level and nothing else; at least one key at the query level; none below;
    /// patient keys in Study Root only at STUDY level. (Measured with the 3.6.7 binary:
    /// a missing unique key is `No Unique Key found (level 0)` → 0xA900.)
    static func checkFindIdentifier(_ requested: [RequestedKey], _ queryLevel: QueryRetrieveLevel,
                                    _ root: QueryRetrieveInformationModel.Root) -> StrictViolation? {
        if queryLevel < root.topLevel {
            return violation("Level \(queryLevel) is not in the \(root.name) model",
                             "Level incompatible with Information Model (level \(queryLevel.rawValue))", at: .info)
        }
        if queryLevel > root.lowestLevel {
            return violation("Level \(queryLevel) is not in the \(root.name) model",
                             "Level incompatible with Information Model (level \(queryLevel.rawValue))")
        }
        for level in QueryRetrieveLevel.allCases {
            let keys = requested.filter { $0.key.level == level }
            let n = level.rawValue
            if level == .patient, root == .studyRoot {
                if let key = keys.first, queryLevel != .study {
                    return violation("Patient key \(key.key.keyword) in Study Root below STUDY level",
                                     "Key found in Study Root Information Model (level \(n))")
                }
            } else if level < queryLevel {
                for key in keys {
                    if key.key.type != .unique {
                        return violation("\(key.key.keyword) not allowed above the query level",
                                         "Non Unique Key found (level \(n))")
                    }
                    if key.isZeroLength {
                        return violation("Empty \(key.key.keyword) above the query level",
                                         "Unique Key value is empty (level \(n))")
                    }
                }
                if keys.isEmpty {
                    return violation("No unique key of level \(level)", "No Unique Key found (level \(n))")
                }
            } else if level == queryLevel {
                if keys.isEmpty {
                    return violation("No key of the query level \(level)", "No Key found at query level (level \(n))")
                }
            } else if let key = keys.first {
                return violation("\(key.key.keyword) is below the query level", "Key found beyond query level (level \(n))")
            }
        }
        return nil
    }

    /// -XM: level within the model; at and above the query level exactly one non-empty
    /// unique key per level and nothing else; nothing below; no patient key in Study Root.
    static func checkMoveIdentifier(_ requested: [RequestedKey], _ queryLevel: QueryRetrieveLevel,
                                    _ root: QueryRetrieveInformationModel.Root) -> StrictViolation? {
        if queryLevel < root.topLevel || queryLevel > root.lowestLevel {
            return violation("Level \(queryLevel) is not in the \(root.name) model",
                             "Level incompatible with Information Model (level \(queryLevel.rawValue))")
        }
        for level in QueryRetrieveLevel.allCases {
            let keys = requested.filter { $0.key.level == level }
            let n = level.rawValue
            if level == .patient, root == .studyRoot {
                if let key = keys.first {
                    return violation("Patient key \(key.key.keyword) in Study Root",
                                     "Key found in Study Root Information Model (level \(n))")
                }
            } else if level <= queryLevel {
                for key in keys {
                    if key.key.type != .unique {
                        return violation("\(key.key.keyword) not allowed in a retrieve", "Non Unique Key found (level \(n))")
                    }
                    if key.isZeroLength {
                        return violation("Empty \(key.key.keyword) in a retrieve", "Unique Key value is empty (level \(n))")
                    }
                }
                if keys.isEmpty {
                    return violation("No unique key of level \(level)", "No Unique Key found (level \(n))")
                }
            } else if let key = keys.first {
                return violation("\(key.key.keyword) is below the retrieve level", "Key found beyond query level (level \(n))")
            }
        }
        return nil
    }
}
