import DICOM
import DICOMNetwork

/// The sub-operation counters of a C-MOVE or C-GET (PS3.4 §C.4.2.1.2, §C.4.3.1.2)
/// and the SOP Instance UIDs that failed, as the responses report them (spec §7.3).
struct SubOperationCounts: Equatable {
    var total: Int
    var completed = 0
    var failed = 0
    var warning = 0
    var failedSOPInstanceUIDs: [String] = []

    init(total: Int) { self.total = total }

    var remaining: Int { max(0, total - completed - failed - warning) }

    /// The final status (spec §7.3): all completed → 0x0000; some failed or with a
    /// warning and some completed or with a warning → 0xB000; none completed →
    /// 0xA702; a cancel → 0xFE00.
    func finalStatus(cancelled: Bool) -> Status {
        if cancelled { return .cancel }
        if failed == 0 && warning == 0 { return .success }
        if completed + warning > 0 { return .warningSubOperationsCompleteOneOrMoreFailures }
        return .refusedOutOfResourcesSubOperations
    }

    /// The final identifier: Failed SOP Instance UID List (0008,0058) when any failed and
    /// the status is not Success; none otherwise.
    func finalIdentifier(status: Status) -> DataSet? {
        guard !status.isSuccess, !failedSOPInstanceUIDs.isEmpty else { return nil }
        var identifier = DataSet()
        identifier.setString(Tag(0x0008, 0x0058), .UI, failedSOPInstanceUIDs.joined(separator: "\\"))
        return identifier
    }

    /// A response with these counters: Remaining in pending and cancel responses only.
    func response<R: RetrieveResponse>(_ type: R.Type, to request: UInt16, sopClassUID: String, status: Status,
                                       errorComment: String? = nil) -> R {
        let withRemaining = status.isPending || status.isCancel
        return R(messageIDBeingRespondedTo: request, affectedSOPClassUID: sopClassUID, status: status,
                 remaining: withRemaining ? Self.clamped(remaining) : nil, completed: Self.clamped(completed),
                 failed: Self.clamped(failed), warning: Self.clamped(warning), errorComment: errorComment,
                 offendingElements: nil)
    }

    static func clamped(_ n: Int) -> UInt16 { UInt16(clamping: n) }
}
