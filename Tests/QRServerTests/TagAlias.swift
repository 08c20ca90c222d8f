import DICOM

/// Swift Testing also declares a `Tag`; in this module `Tag` is the DICOM one.
typealias Tag = DICOM.Tag
