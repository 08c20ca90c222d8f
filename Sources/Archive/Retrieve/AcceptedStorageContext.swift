/// A storage presentation context a peer accepted (PS3.8 §9.3.3.2), as the side that
/// sends objects on it sees it: on a C-MOVE sub-association, the contexts the move
/// destination accepted; on a C-GET association, those whose accepted role lets the
/// requestor be the SCP (PS3.4 §C.4.3.3, PS3.7 §D.3.3.4). The network layer fills it.
package struct AcceptedStorageContext: Sendable, Hashable {
    package var contextID: UInt8
    package var sopClassUID: String
    package var transferSyntaxUID: String

    package init(contextID: UInt8, sopClassUID: String, transferSyntaxUID: String) {
        (self.contextID, self.sopClassUID, self.transferSyntaxUID) = (contextID, sopClassUID, transferSyntaxUID)
    }
}
