extension UpperLayerStateMachine {
    /// PS3.8 Table 9-10 "DICOM Upper Layer Protocol State Transition Table",
    /// transcribed row by row, one column per state; nil is a blank cell.
    static let table: [Event: [Action?]] = [
        //                               Sta1  Sta2  Sta3  Sta4  Sta5  Sta6  Sta7  Sta8  Sta9 Sta10 Sta11 Sta12 Sta13
        .associateRequest:             [.ae1,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        .transportConnectConfirmation: [ nil,  nil,  nil, .ae2,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        .associateACPDU:               [ nil, .aa1, .aa8,  nil, .ae3, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa6],
        .associateRJPDU:               [ nil, .aa1, .aa8,  nil, .ae4, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa6],
        .transportIndication:          [.ae5,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        .associateRQPDU:               [ nil, .ae6, .aa8,  nil, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa7],
        .associateAcceptResponse:      [ nil,  nil, .ae7,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        .associateRejectResponse:      [ nil,  nil, .ae8,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        .pDataRequest:                 [ nil,  nil,  nil,  nil,  nil, .dt1,  nil, .ar7,  nil,  nil,  nil,  nil,  nil],
        .pDataTFPDU:                   [ nil, .aa1, .aa8,  nil, .aa8, .dt2, .ar6, .aa8, .aa8, .aa8, .aa8, .aa8, .aa6],
        .releaseRequest:               [ nil,  nil,  nil,  nil,  nil, .ar1,  nil,  nil,  nil,  nil,  nil,  nil,  nil],
        .releaseRQPDU:                 [ nil, .aa1, .aa8,  nil, .aa8, .ar2, .ar8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa6],
        .releaseRPPDU:                 [ nil, .aa1, .aa8,  nil, .aa8, .aa8, .ar3, .aa8, .aa8, .ar10, .ar3, .aa8, .aa6],
        .releaseResponse:              [ nil,  nil,  nil,  nil,  nil,  nil,  nil, .ar4, .ar9,  nil,  nil, .ar4,  nil],
        .abortRequest:                 [ nil,  nil, .aa1, .aa2, .aa1, .aa1, .aa1, .aa1, .aa1, .aa1, .aa1, .aa1,  nil],
        .abortPDU:                     [ nil, .aa2, .aa3,  nil, .aa3, .aa3, .aa3, .aa3, .aa3, .aa3, .aa3, .aa3, .aa2],
        .transportClosed:              [ nil, .aa5, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .aa4, .ar5],
        .artimExpired:                 [ nil, .aa2,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil,  nil, .ar5],
        .invalidPDU:                   [ nil, .aa1, .aa8,  nil, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa8, .aa7],
    ]
}
