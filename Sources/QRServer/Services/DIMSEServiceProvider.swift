import DICOMNetwork

/// A DIMSE service provider: the Verification, Storage, Find, Move or Get
/// service of the server (PS3.4 Annexes A, B, C), one per value.
///
/// ## Adding one
///
/// Write a type that conforms, then add one line to
/// `ServiceRegistry.quarry` (`ServiceRegistry+Quarry.swift`):
///
///     registry.register(StorageService())
///
/// From then on the association policy accepts presentation contexts for
/// its `abstractSyntaxes` (and only then: a context with nothing behind it
/// is refused), and the dispatch loop hands it every request whose Command
/// Field is in `commandFields`.
///
/// ## What `handle` is given and owes
///
/// `handle` runs on the association's own thread, once per request, with
/// the command as received (`command.message`, `command.commandSet`,
/// `command.presentationContext`) and a `ServiceContext`: the `Association`
/// (send responses with `association.send(_:presentationContextID:dataSet:)`,
/// read the data set that follows with `association.receiveDataSet(…)`; a
/// data set left unread is skipped before the next command), the called AE's
/// AETable entry and opened storage area, the configuration, the options,
/// the log, the calling AE title and the peer's host.
///
/// It returns once the request is answered (C-FIND/C-MOVE/C-GET: after the
/// final response; check `association.receiveIfAvailable()` for a C-CANCEL
/// between pending responses). A failure that DIMSE can answer is answered
/// with a status and `handle` returns normally. It throws only when the
/// association cannot go on: an `AssociationError` from the network (the
/// peer aborted, released, went away, broke the protocol) ends it as dcmqrscp
/// does (`Association Aborted`, `Association Release`); any other error is
/// logged `E: DIMSE Failure (aborting association): <error>` and the
/// association is aborted (spec §9.4). `context.stopRequested()` turns true
/// when the server is stopping: a long operation may end early there.
package protocol DIMSEServiceProvider: Sendable {
    /// The request Command Fields it answers, e.g. `[.cEchoRQ]`.
    var commandFields: Set<CommandField> { get }
    /// The SOP Class UIDs (abstract syntaxes) whose presentation contexts it serves.
    var abstractSyntaxes: Set<String> { get }
    /// Answers one request (see the type's documentation).
    func handle(_ command: IncomingCommand, context: ServiceContext) throws
}
