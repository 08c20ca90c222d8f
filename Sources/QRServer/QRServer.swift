import Archive
import DICOMNetwork
// The service provider: association policy, Verification, Storage, Find, Move
// and Get handlers, move-destination resolution.
