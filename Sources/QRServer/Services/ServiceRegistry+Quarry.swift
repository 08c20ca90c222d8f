extension ServiceRegistry {
    /// Every service quarryscp runs. One line per service; the association
    /// policy accepts presentation contexts only for what is registered here.
    package static var quarry: ServiceRegistry {
        var registry = ServiceRegistry()
        registry.register(VerificationService())
        registry.register(StorageService())
        registry.register(FindService())
        registry.register(MoveService())
        registry.register(GetService())
        return registry
    }
}
