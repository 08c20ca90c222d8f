import Archive
import DICOM
import DICOMNetwork

/// The configuration in force and everything built from it: what one
/// association is decided and served under. The server holds one at a time
/// (`QueryRetrieveServer.snapshot`); SIGHUP builds a new one and swaps it in
/// (`QueryRetrieveServer+Reload.swift`). An association takes the snapshot
/// in force when its A-ASSOCIATE-RQ arrives and keeps it to its end, so a
/// reload never changes the rules — peers, access, quota, storage area —
/// under an association in flight. The storage areas are reference-counted
/// objects: an area no longer configured stays open until the last
/// association holding it ends.
package struct ServerSnapshot: Sendable {
    package let configuration: Configuration
    package let policy: AssociationPolicy
    package let storageAreas: ServerStorageAreas
    /// The A-ASSOCIATE-AC's Maximum Length comes from the configuration
    /// (`MaxPDUSize`, unless `-pdu`): connections arriving after a reload
    /// advertise the new one.
    package let acceptor: AssociationAcceptor
    /// 1 at start, one more for each reload.
    package let generation: Int

    package init(configuration: Configuration, options: ServerOptions, services: ServiceCapabilities,
                 storageAreas: ServerStorageAreas, incomingProfile: AssociationProfile?, log: Log, generation: Int = 1) {
        self.configuration = configuration
        self.storageAreas = storageAreas
        self.generation = generation
        policy = AssociationPolicy(configuration: configuration, options: options, services: services,
                                   incomingProfile: incomingProfile)
        acceptor = AssociationAcceptor(configuration: AssociationConfiguration(
            implementationClassUID: QuarryIdentity.implementationClassUID,
            implementationVersionName: QuarryIdentity.implementationVersionName,
            maximumPDULength: options.maxPDU ?? UInt32(configuration.effectiveMaxPDUSize),
            acseTimeout: .seconds(options.acseTimeout),
            dimseTimeout: options.dimseTimeout.map { .seconds($0) },
            connectTimeout: options.connectionTimeout.map { .seconds($0) },
            log: log))
    }
}
