/// A dcmqrscp.cfg for one test (spec §2): global parameters, HostTable,
/// VendorTable and AETable, rendered with the storage areas inside the
/// test's folder. quarryscp reads the same grammar, so one value configures
/// either server.
package struct QRServerConfiguration: Sendable {
    /// A HostTable peer triple `symbolicName = (AETitle, HostName, Port)`.
    package struct Peer: Sendable, Hashable {
        package var symbolicName: String
        package var aeTitle: String
        package var hostName: String
        package var port: UInt16
        package init(symbolicName: String, aeTitle: String, hostName: String, port: UInt16) {
            (self.symbolicName, self.aeTitle, self.hostName, self.port) = (symbolicName, aeTitle, hostName, port)
        }
    }

    /// A HostTable (or VendorTable) entry naming other entries: `name = a, b`.
    package struct Group: Sendable, Hashable {
        package var name: String
        package var members: [String]
        package init(name: String, members: [String]) { (self.name, self.members) = (name, members) }
    }

    /// An AETable line `AETitle StorageArea Access Quota Peers`; the storage
    /// area is `<areaRoot>/<areaName>`.
    package struct ApplicationEntity: Sendable, Hashable {
        package var aeTitle: String
        package var areaName: String
        package var access: String
        package var quota: String
        package var peers: String
        package init(aeTitle: String, areaName: String? = nil, access: String = "RW",
                     quota: String = "(200, 1024mb)", peers: String = "ANY") {
            (self.aeTitle, self.areaName, self.access) = (aeTitle, areaName ?? aeTitle, access)
            (self.quota, self.peers) = (quota, peers)
        }
    }

    package var port: UInt16
    package var maxPDUSize: Int = 16384
    package var maxAssociations: Int = 16
    /// Extra global lines (e.g. `SpecificCharacterSet = "ISO_IR 192", override`).
    package var globalLines: [String] = []
    package var hostTable: [Peer]
    package var hostGroups: [Group]
    package var vendorTable: [Group]
    package var aeTable: [ApplicationEntity]

    package init(port: UInt16, hostTable: [Peer] = [], hostGroups: [Group] = [], vendorTable: [Group] = [],
                 aeTable: [ApplicationEntity]) {
        (self.port, self.hostTable, self.hostGroups) = (port, hostTable, hostGroups)
        (self.vendorTable, self.aeTable) = (vendorTable, aeTable)
    }

    /// The spec's fixture F1 (spec §0, `examples/accepted-04-interop-fixture.cfg`)
    /// on free ports: VIEWER1 and MOD1 at `localhost`, VIEWER2 at `127.0.0.1`
    /// (so it may not associate, spec §3.3, and nothing listens on its port
    /// unless a test starts a destination there); AEs STORE (RW, peers
    /// `everyone`), READONLY (R), WRITEONLY (W), ANYAE (RW), the last three open to ANY.
    package static func fixtureF1(port: UInt16 = freeTCPPort()) -> QRServerConfiguration {
        QRServerConfiguration(
            port: port,
            hostTable: [
                Peer(symbolicName: "viewer1", aeTitle: "VIEWER1", hostName: "localhost", port: freeTCPPort()),
                Peer(symbolicName: "viewer2", aeTitle: "VIEWER2", hostName: "127.0.0.1", port: freeTCPPort()),
                Peer(symbolicName: "modality1", aeTitle: "MOD1", hostName: "localhost", port: freeTCPPort()),
            ],
            hostGroups: [
                Group(name: "viewers", members: ["viewer1", "viewer2"]),
                Group(name: "everyone", members: ["viewers", "modality1"]),
            ],
            vendorTable: [Group(name: "\"Viewer Vendor\"", members: ["viewers"])],
            aeTable: [
                ApplicationEntity(aeTitle: "STORE", peers: "everyone"),
                ApplicationEntity(aeTitle: "READONLY", access: "R"),
                ApplicationEntity(aeTitle: "WRITEONLY", access: "W"),
                ApplicationEntity(aeTitle: "ANYAE"),
            ])
    }

    /// The HostTable port of `aeTitle` (the first triple with that title).
    package func port(of aeTitle: String) -> UInt16? { hostTable.first { $0.aeTitle == aeTitle }?.port }

    /// The folders the AETable names, below `areaRoot`.
    package func areaPaths(areaRoot: String) -> [String] {
        var seen: [String] = []
        for entity in aeTable where !seen.contains(entity.areaName) { seen.append(entity.areaName) }
        return seen.map { "\(areaRoot)/\($0)" }
    }

    /// The file's text, areas as absolute paths below `areaRoot` (quoted, so a
    /// temporary folder with spaces still works).
    package func text(areaRoot: String) -> String {
        var lines = [
            "# Written by QuarryTestSupport for one test (dcmqrscp.cfg grammar, spec §2).",
            "NetworkTCPPort  = \(port)",
            "MaxPDUSize      = \(maxPDUSize)",
            "MaxAssociations = \(maxAssociations)",
        ]
        lines += globalLines
        if !hostTable.isEmpty || !hostGroups.isEmpty {
            lines += ["", "HostTable BEGIN"]
            lines += hostTable.map { "\($0.symbolicName) = (\($0.aeTitle), \($0.hostName), \($0.port))" }
            lines += hostGroups.map { "\($0.name) = \($0.members.joined(separator: ", "))" }
            lines.append("HostTable END")
        }
        if !vendorTable.isEmpty {
            lines += ["", "VendorTable BEGIN"]
            lines += vendorTable.map { "\($0.name) = \($0.members.joined(separator: ", "))" }
            lines.append("VendorTable END")
        }
        lines += ["", "AETable BEGIN"]
        lines += aeTable.map {
            "\($0.aeTitle) \"\(areaRoot)/\($0.areaName)\" \($0.access) \($0.quota) \($0.peers)"
        }
        lines.append("AETable END")
        return lines.joined(separator: "\n") + "\n"
    }
}
