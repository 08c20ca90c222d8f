import Archive
import DICOM

extension ServerLauncher {
    /// `--explain CALLING[@HOST] CALLED [--move-to DEST]` (Quarry): reads the
    /// config (and the `-xf` profiles) as the server would, prints
    /// `AssociationExplanation.rendered` on standard output and exits 0 when
    /// the association would be accepted (and, with `--move-to`, the C-MOVE
    /// destination is allowed), 1 when it would be refused or the config
    /// cannot be read (its errors printed as at start-up). Opens no socket
    /// and changes nothing on disk.
    static func explain(_ request: ServerOptions.ExplainRequest, _ options: ServerOptions, log: Log,
                        registry: ServiceRegistry) -> Int32 {
        let profiles: LoadedAssociationProfiles?
        let configuration: Configuration
        do {
            profiles = try loadProfiles(options)
            configuration = try Configuration.load(contentsOf: configurationPath(options))
        } catch let failure as StartupFailure {
            report(failure, log: log)
            return 1
        } catch let error as ConfigurationError {
            report(StartupFailure(error.fatalMessage, diagnosticText: error.diagnosticText), log: log)
            return 1
        } catch {
            log.fatal("\(error)")
            return 1
        }
        let explanation = AssociationExplanation.explain(request, configuration: configuration, options: options,
                                                         services: registry.capabilities, profiles: profiles)
        StandardStreams.writeOutput(explanation.rendered)
        return explanation.exitStatus
    }
}
