import DICOM
// The DICOM network layer (PS3.7, PS3.8): PDUs, the upper-layer state machine,
// association negotiation, DIMSE messages, acceptor and requestor.
