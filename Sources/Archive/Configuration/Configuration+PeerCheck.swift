import Foundation

/// Whether an association request's AE titles and host are admitted (spec
/// §3.1 step 6, §3.2, §3.3), and why — with the configuration line that
/// decided, for the log.
package struct PeerCheckDecision: Equatable, Sendable {
    package enum Outcome: Equatable, Sendable {
        /// An entry with the called title admits the peer.
        case accepted
        /// No AETable entry has the called AE title.
        case calledAETitleNotRecognized
        /// No entry with the called title lists the calling AE title.
        case callingAETitleNotAdmitted
        /// The calling AE title is listed, but only with other hosts.
        case hostNotAdmitted
    }

    package var outcome: Outcome
    /// One sentence for the log, naming titles, host and line.
    package var reason: String
    /// The AETable line that admitted the peer; for a refusal, the first
    /// line with the called title (nil when there is none).
    package var line: Int?

    package init(outcome: Outcome, reason: String, line: Int?) {
        (self.outcome, self.reason, self.line) = (outcome, reason, line)
    }

    package var isAccepted: Bool { outcome == .accepted }
}

extension Configuration {
    /// dcmqrscp's `peerInAETitle`, plus IP addresses.
    ///
    /// The called AE title must be in the AETable (byte-exact). The peer is
    /// admitted when **any** entry with that title (duplicates included) has
    /// `ANY`, or lists a peer whose AE title equals `calling` (byte-exact)
    /// and whose host name equals `peerHost` ignoring ASCII case — the
    /// reverse-DNS name of the peer, or its dotted address with `-dhl`.
    /// Beyond dcmqrscp: a host name written as an IPv4 or IPv6 address also
    /// matches a peer connecting from that address (`peerAddress`), so an
    /// IP-addressed HostTable entry works with or without `-dhl`.
    package func peerCheck(called: String, calling: String, peerHost: String, peerAddress: String) -> PeerCheckDecision {
        let entries = aeTable.filter { $0.aeTitle == called }
        guard let firstLine = entries.first?.line else {
            return PeerCheckDecision(outcome: .calledAETitleNotRecognized,
                                     reason: "called AE title \"\(called)\" is not in the AETable", line: nil)
        }
        var otherHosts: [String] = []
        for entry in entries {
            switch entry.peers {
            case .any:
                return PeerCheckDecision(outcome: .accepted,
                                         reason: "\"\(called)\" admits ANY peer (AETable line \(entry.line))",
                                         line: entry.line)
            case .list(let peers):
                for peer in peers where peer.aeTitle == calling {
                    if Self.hostMatches(peer.hostName, peerHost: peerHost, peerAddress: peerAddress) {
                        return PeerCheckDecision(
                            outcome: .accepted,
                            reason: "\"\(called)\" admits \(calling) at \(peer.hostName) (AETable line \(entry.line))",
                            line: entry.line)
                    }
                    if !otherHosts.contains(peer.hostName) { otherHosts.append(peer.hostName) }
                }
            }
        }
        let lines = entries.map { String($0.line) }.joined(separator: ", ")
        let seen = peerHost == peerAddress ? peerHost : "\(peerHost) (\(peerAddress))"
        if !otherHosts.isEmpty {
            return PeerCheckDecision(
                outcome: .hostNotAdmitted,
                reason: "\"\(called)\" admits \(calling) only from \(otherHosts.joined(separator: ", ")), "
                    + "not from \(seen) (AETable line \(lines))",
                line: firstLine)
        }
        return PeerCheckDecision(
            outcome: .callingAETitleNotAdmitted,
            reason: "calling AE title \"\(calling)\" is not among the peers of \"\(called)\" (AETable line \(lines))",
            line: firstLine)
    }

    /// `strcasecmp` (ASCII case only) of the configured name with the peer's
    /// host string, or equal IP addresses when the name is an IP literal.
    static func hostMatches(_ configured: String, peerHost: String, peerAddress: String) -> Bool {
        guard !configured.isEmpty else { return false }   // a triple whose host dcmqrscp did not read
        if asciiLowercased(configured) == asciiLowercased(peerHost) { return true }
        guard let configuredIP = IPAddress(configured), let peerIP = IPAddress(peerAddress) else { return false }
        return configuredIP == peerIP
    }

    /// Equal ignoring ASCII case (`strcasecmp`), as host names are compared.
    package static func asciiCaseInsensitiveEqual(_ a: String, _ b: String) -> Bool {
        asciiLowercased(a) == asciiLowercased(b)
    }

    static func asciiLowercased(_ s: String) -> [UInt8] {
        s.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
    }
}

/// An IPv4 or IPv6 address parsed from its text form (`inet_pton`), an
/// IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) reduced to its IPv4 address.
struct IPAddress: Equatable {
    let bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let b = withUnsafeBytes(of: &v6) { Array($0) }
        bytes = b[0..<10].allSatisfy { $0 == 0 } && b[10] == 0xFF && b[11] == 0xFF ? Array(b[12...]) : b
    }
}
