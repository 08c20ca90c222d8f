/// Decides what a store removes before it is added (spec §5.4, §5.5, issue 5), on the
/// state as it is: the duplicate SOP Instance UID (newest wins, in any study), then
///
/// * maxBytesPerStudy: an instance larger than the limit is refused; otherwise the
///   oldest instances (by journal sequence) of the study being stored go until the
///   new one fits — or, with the `reject` policy, the instance is refused;
/// * maxStudies: an instance of a new study, when the area already holds the limit,
///   makes the least recently stored-into studies go (by journal sequence, never the
///   study being stored) — or, with `reject`, is refused.
enum QuotaPlanner {
    struct Removal: Equatable {
        enum Reason: Equatable { case duplicate, maxStudies, maxBytesPerStudy }
        var instance: Int32
        var reason: Reason
    }

    static func plan(_ state: IndexState, _ instance: NormalizedInstance,
                     _ quota: StorageQuota) -> Result<[Removal], QuotaViolation> {
        var removals: [Removal] = []
        let duplicate = state.instance(uid: instance.sopInstanceUID)
        var duplicateStudy: Int32?
        var duplicateStudyVanishes = false
        if let d = duplicate {
            removals.append(Removal(instance: d, reason: .duplicate))
            let study = state.series[Int(state.instances[Int(d)].series)].study
            duplicateStudy = study
            duplicateStudyVanishes = state.studies[Int(study)].instanceCount == 1
        }
        let size = instance.fileSize
        if let limit = quota.maxBytesPerStudy, size > limit {
            return .failure(.instanceLargerThanStudyLimit(instanceBytes: size, maxBytesPerStudy: limit))
        }

        let target = state.strings.lookup(instance.studyInstanceUID).flatMap { state.study(key: $0) }
        var targetBytes: Int64 = 0
        var targetExists = false
        if let t = target {
            let node = state.studies[Int(t)]
            let duplicateHere = duplicateStudy == t
            targetBytes = node.byteCount - (duplicateHere ? state.instances[Int(duplicate ?? 0)].fileSize : 0)
            targetExists = node.instanceCount - (duplicateHere ? 1 : 0) > 0
        }

        if let limit = quota.maxBytesPerStudy, let t = target, targetExists, targetBytes + size > limit {
            if quota.policy == .reject {
                return .failure(.studyBytes(studyBytes: targetBytes, instanceBytes: size, maxBytesPerStudy: limit))
            }
            for i in state.instances(ofStudy: t) where i != duplicate {
                guard targetBytes + size > limit else { break }
                removals.append(Removal(instance: i, reason: .maxBytesPerStudy))
                targetBytes -= state.instances[Int(i)].fileSize
            }
        }

        if let limit = quota.maxStudies, !targetExists {
            var count = state.liveStudies - (duplicateStudyVanishes ? 1 : 0)
            if count >= limit {
                if quota.policy == .reject { return .failure(.studies(count: count, maxStudies: limit)) }
                var study = state.oldestStudy
                while study >= 0, count >= limit {
                    let next = state.studies[Int(study)].newer
                    let gone = study == duplicateStudy && duplicateStudyVanishes
                    if !gone, study != target {
                        for i in state.instances(ofStudy: study) where i != duplicate {
                            removals.append(Removal(instance: i, reason: .maxStudies))
                        }
                        count -= 1
                    }
                    study = next
                }
            }
        }
        return .success(removals)
    }
}

extension IndexState {
    /// A study's live instances, oldest (lowest journal sequence) first.
    func instances(ofStudy study: Int32) -> [Int32] {
        studies[Int(study)].series.flatMap { series[Int($0)].instances }.sorted()
    }
}
