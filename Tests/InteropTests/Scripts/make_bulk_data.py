"""Writes COUNT small MR instances of one study into OUTDIR, for cancel tests.

Usage: python make_bulk_data.py OUTDIR COUNT

Patient BULK "Bulk^Patient", study 1.2.826.0.1.3680043.8.498.9999.1, one
series, InstanceNumber 1..COUNT, SOP Instance UIDs ...9999.1.1.<n>. Prints the
Study Instance UID. Deterministic; own code, written for Quarry's tests.
"""
import copy
import os
import sys

import pydicom
from pydicom.data import get_testdata_file

ROOT = "1.2.826.0.1.3680043.8.498.9999"

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: make_bulk_data.py OUTDIR COUNT")
    out, count = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    template = pydicom.dcmread(get_testdata_file("MR_small.dcm"))
    study = ROOT + ".1"
    for n in range(1, count + 1):
        ds = copy.deepcopy(template)
        ds.PatientName = "Bulk^Patient"
        ds.PatientID = "BULK"
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = study + ".1"
        ds.SOPInstanceUID = "%s.1.%d" % (study, n)
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.StudyDate = "20240101"
        ds.StudyTime = "120000"
        ds.AccessionNumber = "BULK01"
        ds.StudyID = "BULK"
        ds.Modality = "MR"
        ds.SeriesNumber = 1
        ds.InstanceNumber = n
        ds.save_as(os.path.join(out, "bulk_%05d.dcm" % n), enforce_file_format=True)
    print(study)
