"""Prints, as JSON, the top-level text attributes of every DICOM file in the
folders (recursively) or files given on the command line.

Usage: python dicom_manifest.py PATH...

Output: [{"file": path, "transferSyntax": uid, "attributes": {keyword: value}}],
sorted by path. Values are decoded with the file's Specific Character Set;
multi-valued elements are joined with a backslash; binary, sequence and
unknown elements are left out. A file pydicom cannot read is listed with an
"error" instead of attributes. Own code, written for Quarry's tests.
"""
import json
import os
import sys

import pydicom

TEXT_VRS = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI",
            "UR", "UT", "US", "UL", "SS", "SL", "FL", "FD"}


def text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) or type(value).__name__ == "MultiValue":
        return "\\".join(text(v) for v in value)
    return str(value)


def describe(path):
    try:
        ds = pydicom.dcmread(path, stop_before_pixels=True)
    except Exception as error:  # noqa: BLE001 - reported to the test
        return {"file": path, "error": str(error)}
    attributes = {}
    for element in ds:
        if element.VR not in TEXT_VRS or not element.keyword:
            continue
        attributes[element.keyword] = text(element.value)
    syntax = str(ds.file_meta.get("TransferSyntaxUID", "")) if hasattr(ds, "file_meta") else ""
    return {"file": path, "transferSyntax": syntax, "attributes": attributes}


def files(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in os.walk(path):
                for name in names:
                    yield os.path.join(folder, name)
        else:
            yield path


if __name__ == "__main__":
    print(json.dumps([describe(p) for p in sorted(files(sys.argv[1:]))], ensure_ascii=False))
