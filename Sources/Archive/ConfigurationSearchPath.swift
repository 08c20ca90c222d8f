/// Where Quarry's tools look for `dcmqrscp.cfg` when no `-c` is given, in
/// order: dcmqrscp's compiled-in default on Debian (its `--help` shows
/// `/usr//etc/dcmtk/dcmqrscp.cfg`), upstream DCMTK's default
/// (`/usr/local/etc/dcmtk/`), then Quarry's own install prefix
/// (`make install`, PREFIX=/usr/local). The first that exists is used; when
/// none does, the first is the one to name in the error.
package enum ConfigurationSearchPath {
    package static let candidates = [
        "/usr//etc/dcmtk/dcmqrscp.cfg",
        "/usr/local/etc/dcmtk/dcmqrscp.cfg",
        "/usr/local/etc/quarry/dcmqrscp.cfg",
    ]
}
