"""Writes the deterministic data set of the differential Q/R tests into OUTDIR.

Usage: python make_differential_data.py OUTDIR

Five patients under the UID root 1.2.826.0.1.3680043.8.498.8888 (the spec's F1
data uses ...7777, so both sets can live in one storage area):

* Q101 "Adams^Alice", Q102 "O'Brien^Patrick^J", Q103 "lee^min" (lower case):
  three studies each, two series per study, two or three images per series,
  CT and MR (one study mixes both), dates from 1999 to 2024, times with and
  without fractions, one study with empty AccessionNumber and StudyTime, one
  instance whose StudyDescription disagrees with the rest of its study;
* Q104 "Ström^Åsa" in ISO_IR 192 (UTF-8) and Q105 "Gómez^José" in ISO_IR 100
  (Latin-1): one study, one series, two images each.

Every attribute written is deterministic (no generated UIDs, no clock), so
two runs give the same bytes. Own code, written for Quarry's tests.
"""
import copy
import os
import sys

import pydicom
from pydicom.data import get_testdata_file

ROOT = "1.2.826.0.1.3680043.8.498.8888"
CT = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
MR = pydicom.dcmread(get_testdata_file("MR_small.dcm"))

# Attributes of the templates that would otherwise leak into the index with
# values unrelated to the test data.
for template in (CT, MR):
    for keyword in ("OtherPatientIDs", "OtherPatientNames", "PatientAge", "PatientSize", "PatientWeight",
                    "StudyID", "ReferringPhysicianName", "NameOfPhysiciansReadingStudy",
                    "AdmittingDiagnosesDescription", "Occupation", "EthnicGroup", "IssuerOfPatientID",
                    "PatientBirthTime", "OtherStudyNumbers", "SpecificCharacterSet", "StudyDescription",
                    "AccessionNumber", "StudyTime", "SeriesDescription"):
        if keyword in template:
            delattr(template, keyword)

PATIENTS = [
    dict(id="Q101", name="Adams^Alice", birth="19600214", sex="F", issuer="HOSP_A", ethnic="",
         occupation="Teacher", charset=None, other_ids="OLD-101"),
    dict(id="Q102", name="O'Brien^Patrick^J", birth="19751103", sex="M", issuer="HOSP_A", ethnic="",
         occupation="", charset=None, other_ids=""),
    dict(id="Q103", name="lee^min", birth="", sex="O", issuer="HOSP_B", ethnic="Asian",
         occupation="Student", charset=None, other_ids=""),
    dict(id="Q104", name="Ström^Åsa", birth="19880808", sex="F", issuer="", ethnic="",
         occupation="Läkare", charset="ISO_IR 192", other_ids=""),
    dict(id="Q105", name="Gómez^José", birth="19500101", sex="M", issuer="", ethnic="",
         occupation="Albañil", charset="ISO_IR 100", other_ids=""),
]

# (patient index, study number, date, time, accession, description, study id, referring,
#  age, series list [(modality, series number, images)])
STUDIES = [
    (0, 1, "19991231", "235959", "ACC1011", "CT Thorax", "S1011", "Ref^One", "039Y",
     [("CT", 1, 3), ("CT", 2, 2)]),
    (0, 2, "20150301", "073015.250", "ACC1012", "MR Knee", "S1012", "Ref^Two", "055Y",
     [("MR", 1, 2), ("MR", 3, 2)]),
    (0, 3, "20240229", "120000", "ACC1013", "CT+MR Follow-up", "S1013", "Ref^One", "064Y",
     [("CT", 1, 2), ("MR", 2, 3)]),
    (1, 1, "20100615", "000000", "ACC1021", "ct head", "S1021", "Ref^Three", "034Y",
     [("CT", 1, 2), ("CT", 2, 2)]),
    (1, 2, "20180101", "101010", "ACC1022", "MR Brain", "S1022", "", "042Y",
     [("MR", 5, 3), ("MR", 6, 2)]),
    (1, 3, "20201120", "", "", "No accession", "S1023", "Ref^Two", "045Y",
     [("CT", 1, 2), ("CT", 2, 2)]),
    (2, 1, "20050505", "0930", "ACC1031", "CT Abdomen", "S1031", "Ref^Four", "",
     [("CT", 1, 3), ("CT", 2, 3)]),
    (2, 2, "20200101", "101010", "ACC1032", "MR Spine", "S1032", "Ref^Four", "",
     [("MR", 1, 2), ("MR", 2, 2)]),
    (2, 3, "20221231", "235959.999999", "ACC1033", "CT Chest", "S1033", "Ref^One", "",
     [("CT", 4, 2), ("CT", 7, 2)]),
    (3, 1, "20230101", "080000", "ACC1041", "Größe", "S1041", "Ref^Five", "034Y",
     [("MR", 1, 2)]),
    (4, 1, "20230102", "081500", "ACC1051", "Pequeño", "S1051", "Ref^Six", "073Y",
     [("CT", 1, 2)]),
]

# One instance (patient Q102, study 2, series 5, image 2) carries a
# different StudyDescription from the rest of its study, as happens when a
# modality edits a study afterwards: servers may return either value.
DISAGREEING = ("2", "2", 5, 2)


def uid(*parts):
    return ".".join([ROOT] + [str(p) for p in parts])


def write(out):
    os.makedirs(out, exist_ok=True)
    count = 0
    for (pi, sn, date, time, acc, desc, sid, ref, age, series) in STUDIES:
        patient = PATIENTS[pi]
        pnum = pi + 1
        for (modality, se_num, images) in series:
            for inum in range(1, images + 1):
                ds = copy.deepcopy(CT if modality == "CT" else MR)
                if patient["charset"]:
                    ds.SpecificCharacterSet = patient["charset"]
                ds.PatientName = patient["name"]
                ds.PatientID = patient["id"]
                ds.PatientBirthDate = patient["birth"]
                ds.PatientSex = patient["sex"]
                if patient["issuer"]:
                    ds.IssuerOfPatientID = patient["issuer"]
                if patient["ethnic"]:
                    ds.EthnicGroup = patient["ethnic"]
                if patient["occupation"]:
                    ds.Occupation = patient["occupation"]
                if patient["other_ids"]:
                    ds.OtherPatientIDs = patient["other_ids"]
                ds.StudyInstanceUID = uid(pnum, sn)
                ds.SeriesInstanceUID = uid(pnum, sn, se_num)
                ds.SOPInstanceUID = uid(pnum, sn, se_num, inum)
                ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
                ds.StudyDate = date
                ds.StudyTime = time
                ds.AccessionNumber = acc
                ds.StudyDescription = desc
                if (str(pnum), str(sn), se_num, inum) == DISAGREEING:
                    ds.StudyDescription = desc + " (edited)"
                ds.StudyID = sid
                ds.ReferringPhysicianName = ref
                if age:
                    ds.PatientAge = age
                ds.PatientWeight = "%d.5" % (60 + pnum * 5)
                ds.Modality = modality
                ds.SeriesNumber = se_num
                ds.InstanceNumber = inum
                ds.SeriesDescription = "%s series %d" % (modality, se_num)
                name = "q%d_s%d_se%d_i%d.dcm" % (pnum, sn, se_num, inum)
                ds.save_as(os.path.join(out, name), enforce_file_format=True)
                count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_differential_data.py OUTDIR")
    print(write(sys.argv[1]))
