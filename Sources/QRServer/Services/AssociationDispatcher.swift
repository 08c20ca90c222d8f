import DICOM
import DICOMNetwork

/// The DIMSE loop of one established association (spec §9; dcmqrscp's
/// `dispatch` and `handleAssociation`): receive a command, hand it to its
/// provider, until the peer releases or aborts or something fails.
///
/// - release → `I: Association Release`;
/// - A-ABORT, or the connection lost → `I: Association Aborted`;
/// - a C-CANCEL-RQ between operations → `I: dispatch: late C-CANCEL-RQ, ignoring`;
/// - a command no provider handles → `E: Cannot handle command: 0x…`, abort;
/// - anything else that fails → `E: DIMSE Failure (aborting association): …`, abort;
/// - the server stopping → the association is aborted between operations
///   (an operation under way is finished first).
package struct AssociationDispatcher: Sendable {
    /// How the association ended.
    package enum Ending: Sendable, Equatable {
        case released, aborted, failed, stopped
    }

    package var registry: ServiceRegistry
    package var log: Log
    /// How long one wait for input lasts before the stop flag is looked at again.
    package var pollInterval: Duration = .milliseconds(200)

    package init(registry: ServiceRegistry, log: Log) { (self.registry, self.log) = (registry, log) }

    /// Runs the loop; `makeContext` builds the context for one request.
    package func run(_ association: Association, stopRequested: @Sendable () -> Bool,
                     makeContext: (IncomingCommand) -> ServiceContext) -> Ending {
        while true {
            let message: IncomingMessage
            do {
                guard let next = try nextMessage(association, stopRequested: stopRequested) else {
                    log.info("Aborting Association (server stopping)")
                    association.abort()
                    return .stopped
                }
                message = next
            } catch {
                return end(association, error)
            }
            guard case .command(let command) = message else {
                log.info("Association Release")
                return .released
            }
            if case .cCancelRQ = command.message {
                log.info("dispatch: late C-CANCEL-RQ, ignoring")
                continue
            }
            let field = command.message.commandField
            guard let provider = registry.provider(for: field, abstractSyntax: command.presentationContext.abstractSyntax)
            else {
                log.error("Cannot handle command: \(field.hexDescription)")
                log.error("DIMSE Failure (aborting association): 0006:0201 DIMSE Bad command type")
                association.abort()
                return .failed
            }
            do {
                try provider.handle(command, context: makeContext(command))
            } catch {
                return end(association, error)
            }
            if !association.isEstablished {
                log.info("Association Aborted")
                return .aborted
            }
        }
    }

    /// The next message, waiting in slices so that a stop is noticed between
    /// operations; the DIMSE timeout (`-td`) bounds the whole wait. nil: stop.
    func nextMessage(_ association: Association, stopRequested: @Sendable () -> Bool) throws -> IncomingMessage? {
        let deadline = association.dimseTimeout.map { ContinuousClock.now + $0 }
        while true {
            if let message = try association.receiveIfAvailable() { return message }
            if stopRequested() { return nil }
            var slice = pollInterval
            if let deadline {
                let left = deadline - ContinuousClock.now
                if left <= .zero { throw DIMSETimeout() }
                slice = min(slice, left)
            }
            _ = association.connection.hasInput(within: slice)
        }
    }

    /// No command within the DIMSE timeout (`-td`), in DCMTK's words.
    struct DIMSETimeout: Error, CustomStringConvertible {
        var description: String { "0006:0207 DIMSE No data available (timeout in non-blocking mode)" }
    }

    /// How a failure ends the association, logged as dcmqrscp logs it.
    func end(_ association: Association, _ error: any Error) -> Ending {
        if let failure = error as? AssociationError {
            switch failure {
            case .peerAborted:
                log.info("Association Aborted")
                association.abort()
                return .aborted
            case .transport(let transport) where transport.kind == .closed:
                log.info("Association Aborted")
                association.abort()
                return .aborted
            case .peerReleased:
                log.info("Association Release")
                return .released
            default:
                break
            }
        }
        log.error("DIMSE Failure (aborting association): \(error)")
        association.abort()
        return .failed
    }
}
