/// The status of a C-STORE-RSP as the archive decides it (PS3.4 Annex B.2.3,
/// Table B.2-1; PS3.7 Annex C): the network layer sends `rawValue`. Only the
/// codes dcmqrscp sends (spec §5.3, §11) — never a warning.
package struct StoreStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    package var rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }

    /// 0x0000 Success: the object and its index record are durable.
    package static let success = StoreStatus(rawValue: 0x0000)
    /// 0xA700 Refused: Out of Resources — disk full, a quota, a file or index write that failed.
    package static let refusedOutOfResources = StoreStatus(rawValue: 0xA700)
    /// 0xA900 Error: Data Set does not match SOP Class — SOP Class/Instance UID of the
    /// data set differ from the command's (dcmqrscp's check, spec §5.3).
    package static let dataSetDoesNotMatchSOPClass = StoreStatus(rawValue: 0xA900)
    /// 0xC000 Error: Cannot understand — the data set does not parse, ends early, or
    /// lacks (or holds unusable) SOP, Study or Series Instance UIDs.
    package static let cannotUnderstand = StoreStatus(rawValue: 0xC000)

    package var isSuccess: Bool { rawValue == 0 }

    /// DCMTK's text for the code, as its logs print it.
    package var description: String {
        switch rawValue {
        case 0x0000: "0x0000: Success"
        case 0xA700: "0xa700: Refused: Out of resources"
        case 0xA900: "0xa900: Error: Data Set does not match SOP Class"
        case 0xC000: "0xc000: Error: Cannot understand"
        default: "0x" + String(rawValue, radix: 16)
        }
    }
}
