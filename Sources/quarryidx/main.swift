import Archive
import DICOM
import ToolSupport

StandardStreams.writeError("quarryidx: not yet implemented\n")
