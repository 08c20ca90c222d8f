/// SOP class UIDs the archive names in code (PS3.6 Annex A; DCMTK for the private one).
extension SOPClass {
    /// Verification SOP Class (PS3.4 Annex A): C-ECHO.
    package static let verificationUID = "1.2.840.10008.1.1"

    /// DCMTK's private shutdown SOP class: a C-ECHO on it stops dcmqrscp when
    /// started with `--allow-shutdown` (dcmqrscp(1)).
    package static let privateShutdownUID = "1.2.276.0.7230010.3.4.1915765545.18030.917282194.0"
}
