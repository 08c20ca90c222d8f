/// A transfer syntax (PS3.5 §10): how a data set's elements are encoded —
/// implicit or explicit VR (§7.1), byte order (§7.3), deflate (§A.5) and
/// encapsulation of pixel data (§A.4). The standard's syntaxes are in
/// `TransferSyntax+Table.swift`; `init?(uid:)` finds one by UID.
package struct TransferSyntax: Sendable, Hashable, CustomStringConvertible {
    /// The Transfer Syntax UID (PS3.6 Table A-1), without padding.
    package var uid: String
    /// A name for logs, spelled as DCMTK spells it (`Little Endian Explicit`).
    package var name: String
    package var isExplicitVR: Bool
    package var isBigEndian: Bool
    /// The whole data set is compressed with deflate (RFC 1951), PS3.5 §A.5.
    package var isDeflated: Bool
    /// Pixel Data is encapsulated in fragments (PS3.5 §A.4).
    package var isEncapsulated: Bool
    /// Retired from the standard (PS3.6 Table A-1 "Retired").
    package var isRetired: Bool

    package init(uid: String, name: String, isExplicitVR: Bool = true, isBigEndian: Bool = false,
                 isDeflated: Bool = false, isEncapsulated: Bool = false, isRetired: Bool = false) {
        (self.uid, self.name, self.isExplicitVR, self.isBigEndian) = (uid, name, isExplicitVR, isBigEndian)
        (self.isDeflated, self.isEncapsulated, self.isRetired) = (isDeflated, isEncapsulated, isRetired)
    }

    /// The standard transfer syntax with this UID; nil for a UID PS3.6 does not
    /// list (a private syntax): the caller decides what to do with it. Trailing
    /// NUL or space padding (PS3.5 §9.1) is ignored.
    package init?(uid: String) {
        guard let found = Self.byUID[Self.unpadded(uid)] else { return nil }
        self = found
    }

    /// JPIP Referenced syntaxes (PS3.5 §A.6, §A.7): pixel data by reference, none in the data set.
    package var isPixelDataReferenced: Bool {
        ["1.2.840.10008.1.2.4.94", "1.2.840.10008.1.2.4.95", "1.2.840.10008.1.2.4.204", "1.2.840.10008.1.2.4.205"]
            .contains(uid)
    }

    /// Native pixel data, neither encapsulated nor deflated (PS3.5 §A.1–§A.3):
    /// the syntaxes Quarry converts between.
    package var isUncompressed: Bool { !isEncapsulated && !isDeflated && !isPixelDataReferenced }

    package var description: String { name }

    private static let byUID: [String: TransferSyntax] = {
        var table: [String: TransferSyntax] = [:]
        for syntax in all { table[syntax.uid] = syntax }
        return table
    }()

    /// `uid` without trailing NUL or space padding (PS3.5 §9.1).
    package static func unpaddedUID(_ uid: String) -> String { unpadded(uid) }

    static func unpadded(_ uid: String) -> String {
        var s = Substring(uid)
        while let last = s.last, last == "\0" || last == " " { s = s.dropLast() }
        return String(s)
    }
}
