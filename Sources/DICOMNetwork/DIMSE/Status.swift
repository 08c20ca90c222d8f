/// DIMSE Status (0000,0900) (PS3.7 Annex C; the service-specific codes of PS3.4).
/// Unknown codes survive decoding, so they reach the log.
package struct Status: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package var rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }
    package init(_ rawValue: UInt16) { self.rawValue = rawValue }

    package static let success = Self(0x0000)
    package static let pending = Self(0xFF00)
    /// C-FIND: matches are continuing, optional keys not supported (PS3.4 C.4.1.1.4).
    package static let pendingWarningUnsupportedOptionalKeys = Self(0xFF01)
    /// C-FIND: matching terminated due to cancel request; C-MOVE/C-GET: sub-operations
    /// terminated due to cancel indication.
    package static let cancel = Self(0xFE00)
    package static let sopClassNotSupported = Self(0x0122)
    package static let notAuthorized = Self(0x0124)
    package static let duplicateInvocation = Self(0x0210)
    package static let unrecognizedOperation = Self(0x0211)
    package static let mistypedArgument = Self(0x0212)
    /// C-STORE / C-FIND: refused, out of resources.
    package static let refusedOutOfResources = Self(0xA700)
    /// C-MOVE / C-GET: out of resources, unable to calculate number of matches.
    package static let refusedOutOfResourcesNumberOfMatches = Self(0xA701)
    /// C-MOVE / C-GET: out of resources, unable to perform sub-operations.
    package static let refusedOutOfResourcesSubOperations = Self(0xA702)
    /// C-MOVE: move destination unknown.
    package static let refusedMoveDestinationUnknown = Self(0xA801)
    /// Data set (identifier) does not match SOP class.
    package static let errorDataSetDoesNotMatchSOPClass = Self(0xA900)
    /// C-FIND/C-MOVE/C-GET: unable to process (any 0xCxxx); C-STORE: cannot understand.
    package static let failedUnableToProcess = Self(0xC000)
    /// C-STORE: coercion of data elements.
    package static let warningCoercionOfDataElements = Self(0xB000)
    /// C-MOVE / C-GET: sub-operations complete, one or more failures or warnings.
    package static let warningSubOperationsCompleteOneOrMoreFailures = Self(0xB000)
    /// C-STORE: elements discarded.
    package static let warningElementsDiscarded = Self(0xB006)
    /// C-STORE: data set does not match SOP class.
    package static let warningDataSetDoesNotMatchSOPClass = Self(0xB007)

    /// Status classes as DCMTK's `DICOM_*_STATUS` macros read PS3.7 Annex C.
    package var isSuccess: Bool { rawValue == 0x0000 }
    package var isPending: Bool { rawValue == 0xFF00 || rawValue == 0xFF01 }
    package var isCancel: Bool { rawValue == 0xFE00 }
    package var isWarning: Bool {
        rawValue & 0xF000 == 0xB000 || rawValue == 0x0001 || rawValue == 0x0107 || rawValue == 0x0116
    }
    package var isFailure: Bool {
        let nibble = rawValue & 0xF000, byte = rawValue & 0xFF00
        return nibble == 0xA000 || nibble == 0xC000 || (byte == 0x0100 && rawValue != 0x0107 && rawValue != 0x0116)
            || byte == 0x0200
    }
    /// A code of a class PS3.7 defines.
    package var isStandard: Bool {
        isSuccess || isPending || isCancel || rawValue == 0x0001 || rawValue & 0xFF00 == 0x0100
            || rawValue & 0xFF00 == 0x0200 || [0xA000, 0xB000, 0xC000].contains(rawValue & 0xF000)
    }

    /// `0x` and four lower-case hex digits, as DCMTK's dumps print a status.
    package var hex: String {
        let s = String(rawValue, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    package var description: String { hex }
}
