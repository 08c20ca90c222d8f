import DICOM
import QRServer
import ToolSupport

StandardStreams.writeError("quarryscp: not yet implemented\n")
