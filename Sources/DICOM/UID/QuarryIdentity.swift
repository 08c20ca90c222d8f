/// How Quarry names itself on the wire and in the files it writes (PS3.7
/// Annex D.3.3.2: Implementation Class UID and Implementation Version Name,
/// sent in A-ASSOCIATE-RQ/AC and written to (0002,0012)/(0002,0013)).
package enum QuarryIdentity {
    /// Quarry's release.
    package static let version = "0.1.0"

    /// Implementation Class UID (0002,0012), a UUID-derived UID (PS3.5 §B.2).
    ///
    /// Derived once, when the project was started, from the random (version 4)
    /// UUID `ddb06281-2cd4-466f-b300-9e0303f0bd70`: `2.25.` followed by the
    /// UUID's 128 bits read as one unsigned big-endian integer written in
    /// decimal. It never changes; a test re-derives it from that UUID.
    package static let implementationClassUID = "2.25.294675229226016625110202184608125074800"

    /// The UUID `implementationClassUID` was derived from.
    package static let implementationClassUUID = "ddb06281-2cd4-466f-b300-9e0303f0bd70"

    /// Implementation Version Name (0002,0013): `QUARRY_` and the version, an
    /// SH of at most 16 characters (PS3.7 Annex D.3.3.2.3).
    package static let implementationVersionName = "QUARRY_" + version

    /// The root of every UID Quarry makes: UUID-derived UIDs (PS3.5 §B.2).
    package static let uidRoot = "2.25"
}
