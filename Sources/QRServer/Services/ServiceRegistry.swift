import DICOMNetwork

/// The service providers the server runs, built once at start
/// (`ServiceRegistry.quarry`). The association policy asks it what is
/// served (`capabilities`); the dispatch loop asks it who answers a request.
package struct ServiceRegistry: Sendable {
    package private(set) var providers: [any DIMSEServiceProvider] = []

    package init(_ providers: [any DIMSEServiceProvider] = []) { self.providers = providers }

    package mutating func register(_ provider: any DIMSEServiceProvider) { providers.append(provider) }

    /// Who answers `command` on a context for `abstractSyntax`: the first
    /// provider handling the Command Field and serving the abstract syntax;
    /// failing that, the first handling the Command Field (dcmqrscp
    /// dispatches on the Command Field alone: a C-ECHO on a storage context
    /// is answered). nil: nobody (`Cannot handle command`).
    package func provider(for command: CommandField, abstractSyntax: String) -> (any DIMSEServiceProvider)? {
        let candidates = providers.filter { $0.commandFields.contains(command) }
        return candidates.first { $0.abstractSyntaxes.contains(abstractSyntax) } ?? candidates.first
    }

    package var capabilities: ServiceCapabilities {
        ServiceCapabilities(abstractSyntaxes: providers.reduce(into: []) { $0.formUnion($1.abstractSyntaxes) },
                            commandFields: providers.reduce(into: []) { $0.formUnion($1.commandFields) })
    }
}
