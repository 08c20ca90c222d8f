/// A SOP Class (PS3.4) as registered in PS3.6 Annex A, with what DCMTK 3.6.7
/// knows of it: whether dcmqrscp accepts it for storage, the name its logs
/// print and the short modality code that prefixes stored file names.
///
/// The table is generated (`share/dictionary/generate-uids.py`) and parsed
/// once at first use.
package struct SOPClass: Sendable, Hashable, CustomStringConvertible {
    package var uid: String
    /// PS3.6 keyword, e.g. `CTImageStorage`; empty for the few retired UIDs without one.
    package var keyword: String
    /// PS3.6 name, e.g. `CT Image Storage`.
    package var name: String
    package var isRetired: Bool
    /// A Meta SOP Class (PS3.4), e.g. the retired Detached Patient Management Meta.
    package var isMeta: Bool
    /// In DCMTK 3.6.7's `dcmAllStorageSOPClassUIDs`: the storage SOP classes
    /// dcmqrscp accepts for C-STORE (dcmqrscp(1) "SCP Conformance").
    package var isStorage: Bool
    /// DCMTK's name of the UID (`dcmFindNameOfUID`), as its logs print it:
    /// `CTImageStorage`, `RETIRED_UltrasoundImageStorage`, `VerificationSOPClass`;
    /// nil when DCMTK 3.6.7 does not know the UID.
    package var dcmtkName: String?
    /// DCMTK's short modality code (`dcmSOPClassUIDToModality`): `CT`, `MR`,
    /// `SC`, `SCw`, `SRx`…; nil when DCMTK has none.
    package var dcmtkModality: String?

    package init(uid: String, keyword: String, name: String, isRetired: Bool = false, isMeta: Bool = false,
                 isStorage: Bool = false, dcmtkName: String? = nil, dcmtkModality: String? = nil) {
        (self.uid, self.keyword, self.name, self.isRetired, self.isMeta) = (uid, keyword, name, isRetired, isMeta)
        (self.isStorage, self.dcmtkName, self.dcmtkModality) = (isStorage, dcmtkName, dcmtkModality)
    }

    /// What a log line prints for this class: DCMTK's name, else the PS3.6 keyword, else the UID.
    package var logName: String {
        if let dcmtkName { return dcmtkName }
        return keyword.isEmpty ? uid : keyword
    }

    package var description: String { logName }
}

extension SOPClass {
    private struct Tables: Sendable {
        var byUID: [String: SOPClass] = [:]
        var byName: [String: SOPClass] = [:]
        var ordered: [SOPClass] = []
        var allStorage: [String] = []
        var longSCUStorage: [String] = []
    }

    private static let tables: Tables = {
        var t = Tables()
        for line in entries.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 6 else { continue }
            let sopClass = SOPClass(uid: f[0], keyword: f[1], name: f[2], isRetired: f[3].contains("R"),
                                    isMeta: f[3].contains("M"), isStorage: f[3].contains("S"),
                                    dcmtkName: f[4].isEmpty ? nil : f[4],
                                    dcmtkModality: f[5].isEmpty ? nil : f[5])
            t.byUID[sopClass.uid] = sopClass
            if let name = sopClass.dcmtkName { t.byName[name] = sopClass }
            t.ordered.append(sopClass)
        }
        for sopClass in t.ordered where !sopClass.keyword.isEmpty && t.byName[sopClass.keyword] == nil {
            t.byName[sopClass.keyword] = sopClass
        }
        t.allStorage = allStorageList.split(separator: "\n").map(String.init)
        t.longSCUStorage = longSCUStorageList.split(separator: "\n").map(String.init)
        return t
    }()

    /// The registered SOP class with this UID; nil for UIDs PS3.6 and DCMTK do not list.
    /// Trailing NUL or space padding (PS3.5 §6.2, UI) is ignored.
    package static func lookup(_ uid: String) -> SOPClass? { tables.byUID[trimmingPadding(uid)] }

    /// The SOP class DCMTK calls `name` (`CTImageStorage`, `VerificationSOPClass`,
    /// as association profiles and DCMTK's tools spell them), else the one whose
    /// PS3.6 keyword is `name`.
    package static func lookup(name: String) -> SOPClass? { tables.byName[name] }

    /// True for the storage SOP classes dcmqrscp accepts (DCMTK 3.6.7's `dcmAllStorageSOPClassUIDs`).
    package static func isStorage(_ uid: String) -> Bool { lookup(uid)?.isStorage ?? false }

    /// The prefix of a stored file's name (dcmqrscp's `<prefix>_<16 hex>.dcm`):
    /// DCMTK's modality code for the SOP class, `XX` when it has none.
    package static func modalityPrefix(_ uid: String) -> String { lookup(uid)?.dcmtkModality ?? "XX" }

    /// What a log line prints for a SOP class UID: DCMTK's name, the PS3.6
    /// keyword, or the UID itself when it is not registered.
    package static func logName(_ uid: String) -> String { lookup(uid)?.logName ?? trimmingPadding(uid) }

    /// DCMTK 3.6.7's `dcmAllStorageSOPClassUIDs` (186 UIDs), in DCMTK's order.
    package static var allStorageUIDs: [String] { tables.allStorage }

    /// DCMTK 3.6.7's `dcmLongSCUStorageSOPClassUIDs` (120 UIDs), in DCMTK's
    /// order: what dcmqrscp proposes on a C-MOVE sub-association by default.
    package static var longSCUStorageUIDs: [String] { tables.longSCUStorage }

    /// Every registered SOP class, in numeric UID order.
    package static var all: [SOPClass] { tables.ordered }

    static func trimmingPadding(_ uid: String) -> String {
        var s = Substring(uid)
        while let last = s.last, last == "\0" || last == " " { s = s.dropLast() }
        while let first = s.first, first == " " { s = s.dropFirst() }
        return String(s)
    }
}
