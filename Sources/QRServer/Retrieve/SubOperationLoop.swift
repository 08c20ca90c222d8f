import Archive
import DICOM
import DICOMNetwork

/// The C-STORE sub-operations of a C-MOVE or C-GET (spec §7.3, §8): one per instance
/// of the list, in order; C-CANCEL checked on the requesting association before each;
/// a pending response with the counters after each.
struct SubOperationLoop<Response: RetrieveResponse> {
    let environment: QueryRetrieveEnvironment
    let list: RetrieveList
    let requestMessageID: UInt16

    /// Runs the sub-operations on `target`; returns whether a C-CANCEL stopped them.
    /// When the target is a C-MOVE sub-association and it fails, that instance and all
    /// that follow fail; on a C-GET (target = the requesting association) the error throws.
    func run(target: StoreSubOperationTarget, counts: inout SubOperationCounts,
             responder: inout RetrieveResponder<Response>) throws -> Bool {
        let log = environment.log
        let requesting = environment.association
        let sameAssociation = target.association === requesting
        var cancelled = false
        var broken = false
        for instance in list {
            if try CancelCheck.cancelRequested(requesting, messageID: requestMessageID, log: log) { cancelled = true }
            if cancelled { break }
            var outcome = SubOperationOutcome.failed
            if !broken {
                do {
                    outcome = try target.send(instance, from: environment.storage, log: log, cancelled: &cancelled)
                } catch {
                    if sameAssociation { throw error }
                    log.error("\(target.serviceName.lowercased())SCP: \(target.serviceName) Sub-Op Failed: \(error)")
                    broken = true
                }
            }
            switch outcome {
            case .completed: counts.completed += 1
            case .warning: counts.warning += 1
            case .failed:
                counts.failed += 1
                counts.failedSOPInstanceUIDs.append(instance.sopInstanceUID)
            }
            try responder.pending(counts)
        }
        return cancelled
    }
}
