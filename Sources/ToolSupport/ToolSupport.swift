import DICOM
// DCMTK-style command-line parsing and log configuration shared by the tools.
