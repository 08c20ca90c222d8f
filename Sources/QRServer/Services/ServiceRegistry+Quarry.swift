extension ServiceRegistry {
    /// Every service quarryscp runs. One line per service; the association
    /// policy accepts presentation contexts only for what is registered here.
    package static var quarry: ServiceRegistry {
        var registry = ServiceRegistry()
        registry.register(VerificationService())
        return registry
    }
}
