import DICOM
// What dcmqrdb is in DCMTK: the configuration file, storage areas, the index,
// quotas, the query engine, access rules.
