import DICOMNetwork

/// What the registered service providers serve, as the association policy
/// needs to know it: a presentation context is accepted only when something
/// stands behind it.
package struct ServiceCapabilities: Sendable, Equatable {
    /// Abstract syntaxes some provider serves.
    package var abstractSyntaxes: Set<String>
    /// Request commands some provider handles.
    package var commandFields: Set<CommandField>

    package init(abstractSyntaxes: Set<String>, commandFields: Set<CommandField>) {
        (self.abstractSyntaxes, self.commandFields) = (abstractSyntaxes, commandFields)
    }

    package func serves(_ abstractSyntax: String) -> Bool { abstractSyntaxes.contains(abstractSyntax) }
    package func handles(_ command: CommandField) -> Bool { commandFields.contains(command) }
}

/// The associations in progress when a new one is decided (spec §3.1 steps 7
/// and 8): counted against MaxAssociations after the AE check, and for
/// `--no-parallel-store`.
package struct LiveAssociations: Sendable, Equatable {
    /// Associations accepted and not yet ended.
    package var count: Int
    /// Called AE titles of the live associations that may send C-STORE.
    package var storingAETitles: Set<String>

    package init(count: Int = 0, storingAETitles: Set<String> = []) {
        (self.count, self.storingAETitles) = (count, storingAETitles)
    }
}
