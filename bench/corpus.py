"""Deterministic synthetic corpus: CT and MR Part 10 files with realistic
patient / study / series attributes (same arguments -> same bytes).

Every attribute comes from `instance(seed, n)`: the n-th instance of the
corpus, in storage order. Studies hold INSTANCES_PER_STUDY instances (CT: a
localizer series then two axial series; MR: a localizer then four sequences),
patients have one or two studies, dates spread over ten years. The same
function feeds the files written here and the synthetic index manifests
(`manifest_lines`) Quarry's million-instance index is built from, so every
index size the bench measures has the same shape.

Files are written by a small Explicit VR Little Endian writer of our own (not
pydicom's), so the bytes depend only on this file and its arguments.
"""
import functools
import os
import random
import struct

UID_ROOT = "1.2.826.0.1.3680043.8.498.77"       # synthetic, under pydicom's example root
CT_CLASS = "1.2.840.10008.5.1.4.1.1.2"
MR_CLASS = "1.2.840.10008.5.1.4.1.1.4"
EXPLICIT_LE = "1.2.840.10008.1.2.1"
IMPLEMENTATION_UID = UID_ROOT + ".1"
INSTANCES_PER_STUDY = 125
CT_SERIES = [("SCOUT", 5), ("AXIAL 5MM", 60), ("AXIAL 1.25MM", 60)]
MR_SERIES = [("LOCALIZER", 5), ("T1 SAG", 30), ("T2 AX", 30), ("FLAIR AX", 30), ("DWI", 30)]
FAMILY = ("SMITH JOHNSON WILLIAMS BROWN JONES GARCIA MILLER DAVIS RODRIGUEZ MARTINEZ HERNANDEZ LOPEZ "
          "GONZALEZ WILSON ANDERSON THOMAS TAYLOR MOORE JACKSON MARTIN LEE PEREZ THOMPSON WHITE HARRIS "
          "SANCHEZ CLARK RAMIREZ LEWIS ROBINSON WALKER YOUNG ALLEN KING WRIGHT SCOTT TORRES NGUYEN HILL "
          "FLORES GREEN ADAMS NELSON BAKER HALL RIVERA CAMPBELL MITCHELL CARTER ROBERTS MUELLER SCHMIDT "
          "SCHNEIDER FISCHER WEBER MEYER WAGNER BECKER SCHULZ HOFFMANN DUBOIS LAMBERT FONTAINE ROUSSEAU "
          "VINCENT MULLER LEFEBVRE FAURE ANDRE MERCIER BLANC GUERIN BOYER GARNIER CHEVALIER FRANCOIS "
          "LEGRAND GAUTHIER ROSSI RUSSO FERRARI ESPOSITO BIANCHI ROMANO COLOMBO RICCI MARINO GRECO BRUNO "
          "GALLO CONTI DELUCA MANCINI COSTA GIORDANO RIZZO LOMBARDI MORETTI").split()
GIVEN = ("JAMES MARY ROBERT PATRICIA JOHN JENNIFER MICHAEL LINDA DAVID ELIZABETH WILLIAM BARBARA "
         "RICHARD SUSAN JOSEPH JESSICA THOMAS SARAH CHARLES KAREN CHRISTOPHER LISA DANIEL NANCY "
         "MATTHEW BETTY ANTHONY MARGARET MARK SANDRA DONALD ASHLEY STEVEN KIMBERLY PAUL EMILY ANDREW "
         "DONNA JOSHUA MICHELLE KENNETH CAROL KEVIN AMANDA BRIAN DOROTHY GEORGE MELISSA TIMOTHY DEBORAH").split()
CT_STUDIES = [("CT CHEST WITH CONTRAST", "CHEST"), ("CT ABDOMEN PELVIS", "ABDOMEN"),
              ("CT HEAD WITHOUT CONTRAST", "HEAD"), ("CT ANGIO CHEST", "CHEST")]
MR_STUDIES = [("MR BRAIN WITH AND WITHOUT CONTRAST", "BRAIN"), ("MR LUMBAR SPINE", "LSPINE"),
              ("MR KNEE LEFT", "KNEE"), ("MR CERVICAL SPINE", "CSPINE")]
PHYSICIANS = ["HOUSE^GREGORY", "GREY^MEREDITH", "ROSS^DOUG", "KILDARE^JAMES", "QUINN^MICHAELA"]
INSTITUTIONS = ["GENERAL HOSPITAL", "UNIVERSITY CLINIC", "ST. MARY MEDICAL CENTER"]
VENDORS = ["SIEMENS", "GE MEDICAL SYSTEMS", "PHILIPS", "CANON MEDICAL SYSTEMS"]


def _date(days_since_2015):
    """YYYYMMDD of 2015-01-01 + days (proleptic Gregorian, no datetime locale)."""
    import datetime
    d = datetime.date(2015, 1, 1) + datetime.timedelta(days=days_since_2015)
    return d.strftime("%Y%m%d")


@functools.lru_cache(maxsize=64)
def study_of(seed, study):
    """Attributes shared by every instance of study number `study`."""
    r = random.Random(f"{seed}:study:{study}")
    patient = study * 2 // 3                       # one or two studies per patient
    p = random.Random(f"{seed}:patient:{patient}")
    family, given = p.choice(FAMILY), p.choice(GIVEN)
    birth_days = -p.randrange(20 * 365, 85 * 365)
    is_ct = r.random() < 0.6
    description, body_part = r.choice(CT_STUDIES if is_ct else MR_STUDIES)
    day = r.randrange(0, 3652)
    age = (day - birth_days) // 365
    return {
        "study": study, "patient": patient,
        "PatientName": f"{family}^{given}^{chr(65 + p.randrange(26))}",
        "PatientID": f"PID{patient:07d}",
        "PatientBirthDate": _date(birth_days),
        "PatientSex": p.choice("MF"),
        "PatientAge": f"{min(age, 999):03d}Y",
        "StudyInstanceUID": f"{UID_ROOT}.2.{seed}.{study}",
        "StudyDate": _date(day),
        "StudyTime": f"{r.randrange(7, 20):02d}{r.randrange(60):02d}{r.randrange(60):02d}",
        "AccessionNumber": f"A{seed % 100:02d}{study:08d}",
        "StudyID": f"{study % 100000}",
        "StudyDescription": description, "BodyPartExamined": body_part,
        "ReferringPhysicianName": r.choice(PHYSICIANS),
        "InstitutionName": r.choice(INSTITUTIONS), "Manufacturer": r.choice(VENDORS),
        "Modality": "CT" if is_ct else "MR",
    }


def instance(seed, n):
    """The n-th instance (0-based) of the corpus: every attribute the files and
    the indexes hold, plus pixel geometry."""
    study, k = divmod(n, INSTANCES_PER_STUDY)
    s = study_of(seed, study)
    series_list = CT_SERIES if s["Modality"] == "CT" else MR_SERIES
    first = 0
    for number, (series_description, count) in enumerate(series_list, start=1):
        if k < first + count:
            break
        first += count
    position = k - first + 1
    localizer = number == 1
    a = dict(s)
    a.update({
        "n": n,
        "SOPClassUID": CT_CLASS if s["Modality"] == "CT" else MR_CLASS,
        "SeriesInstanceUID": f"{s['StudyInstanceUID']}.{number}",
        "SOPInstanceUID": f"{s['StudyInstanceUID']}.{number}.{position}",
        "SeriesNumber": str(number), "SeriesDescription": series_description,
        "InstanceNumber": str(position),
        "SeriesTime": s["StudyTime"][:2] + f"{(int(s['StudyTime'][2:4]) + number) % 60:02d}" + s["StudyTime"][4:],
        "ImageType": "ORIGINAL\\PRIMARY\\LOCALIZER" if localizer else "ORIGINAL\\PRIMARY\\AXIAL",
        "size": 24 if localizer else 64,
    })
    return a


def large_instance(seed, n, per_study):
    """The n-th 0.5 MB CT image (512 x 512 x 16 bit) of the large set, in
    studies of `per_study` images (one axial series each)."""
    study, k = divmod(n, per_study)
    s = study_of(seed + 1000, study)
    a = dict(s)
    a["Modality"], a["StudyDescription"], a["BodyPartExamined"] = "CT", "CT CHEST HIGH RESOLUTION", "CHEST"
    a["StudyInstanceUID"] = f"{UID_ROOT}.3.{seed}.{study}"
    a.update({
        "n": n, "SOPClassUID": CT_CLASS,
        "SeriesInstanceUID": f"{a['StudyInstanceUID']}.1",
        "SOPInstanceUID": f"{a['StudyInstanceUID']}.1.{k + 1}",
        "SeriesNumber": "1", "SeriesDescription": "AXIAL 0.625MM", "InstanceNumber": str(k + 1),
        "SeriesTime": s["StudyTime"], "ImageType": "ORIGINAL\\PRIMARY\\AXIAL", "size": 512,
    })
    return a


# -- Explicit VR Little Endian writer (PS3.5 §7.1.2, PS3.10 §7.1) ------------

LONG_VRS = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV"}


def _element(group, element, vr, value):
    if isinstance(value, str):
        value = value.encode("ascii")
        if len(value) % 2:
            value += b"\0" if vr == "UI" else b" "
    if vr in LONG_VRS:
        return struct.pack("<HH2sHI", group, element, vr.encode(), 0, len(value)) + value
    return struct.pack("<HH2sH", group, element, vr.encode(), len(value)) + value


def _us(v):
    return struct.pack("<H", v)


_PIXELS = {}


def _pixels(seed, size, n):
    """Deterministic 12-bit noise, shared per size; the first row carries the
    instance number so no two files are the same."""
    base = _PIXELS.get((seed, size))
    if base is None:
        data = bytearray(random.Random(f"{seed}:pixels:{size}").randbytes(size * size * 2))
        data[1::2] = bytes(data[1::2]).translate(bytes(b & 0x0F for b in range(256)))
        base = _PIXELS[(seed, size)] = bytes(data)
    stamp = struct.pack("<I", n) * (min(size, 64) // 2)
    return stamp + base[len(stamp):]


def encode(seed, a):
    """The Part 10 bytes of instance `a` (from `instance` or `large_instance`)."""
    ct = a["Modality"] == "CT"
    size = a["size"]
    spacing = "0.703125\\0.703125" if size == 512 else "3.5\\3.5"
    z = -100.0 + 2.5 * int(a["InstanceNumber"])
    body = [
        (0x0008, 0x0005, "CS", "ISO_IR 100"),
        (0x0008, 0x0008, "CS", a["ImageType"]),
        (0x0008, 0x0016, "UI", a["SOPClassUID"]),
        (0x0008, 0x0018, "UI", a["SOPInstanceUID"]),
        (0x0008, 0x0020, "DA", a["StudyDate"]),
        (0x0008, 0x0021, "DA", a["StudyDate"]),
        (0x0008, 0x0023, "DA", a["StudyDate"]),
        (0x0008, 0x0030, "TM", a["StudyTime"]),
        (0x0008, 0x0031, "TM", a["SeriesTime"]),
        (0x0008, 0x0033, "TM", a["SeriesTime"]),
        (0x0008, 0x0050, "SH", a["AccessionNumber"]),
        (0x0008, 0x0060, "CS", a["Modality"]),
        (0x0008, 0x0070, "LO", a["Manufacturer"]),
        (0x0008, 0x0080, "LO", a["InstitutionName"]),
        (0x0008, 0x0090, "PN", a["ReferringPhysicianName"]),
        (0x0008, 0x1030, "LO", a["StudyDescription"]),
        (0x0008, 0x103E, "LO", a["SeriesDescription"]),
        (0x0010, 0x0010, "PN", a["PatientName"]),
        (0x0010, 0x0020, "LO", a["PatientID"]),
        (0x0010, 0x0030, "DA", a["PatientBirthDate"]),
        (0x0010, 0x0040, "CS", a["PatientSex"]),
        (0x0010, 0x1010, "AS", a["PatientAge"]),
        (0x0018, 0x0015, "CS", a["BodyPartExamined"]),
        (0x0018, 0x0050, "DS", "1.25" if ct else "5"),
        (0x0020, 0x000D, "UI", a["StudyInstanceUID"]),
        (0x0020, 0x000E, "UI", a["SeriesInstanceUID"]),
        (0x0020, 0x0010, "SH", a["StudyID"]),
        (0x0020, 0x0011, "IS", a["SeriesNumber"]),
        (0x0020, 0x0013, "IS", a["InstanceNumber"]),
        (0x0020, 0x0032, "DS", f"-180\\-180\\{z:g}"),
        (0x0020, 0x0037, "DS", "1\\0\\0\\0\\1\\0"),
        (0x0020, 0x0052, "UI", a["StudyInstanceUID"] + ".0"),
        (0x0028, 0x0002, "US", _us(1)),
        (0x0028, 0x0004, "CS", "MONOCHROME2"),
        (0x0028, 0x0010, "US", _us(size)),
        (0x0028, 0x0011, "US", _us(size)),
        (0x0028, 0x0030, "DS", spacing),
        (0x0028, 0x0100, "US", _us(16)),
        (0x0028, 0x0101, "US", _us(12)),
        (0x0028, 0x0102, "US", _us(11)),
        (0x0028, 0x0103, "US", _us(0)),
        (0x0028, 0x1050, "DS", "40" if ct else "600"),
        (0x0028, 0x1051, "DS", "400" if ct else "1200"),
    ]
    if ct:
        body += [(0x0028, 0x1052, "DS", "-1024"), (0x0028, 0x1053, "DS", "1")]
    body.append((0x7FE0, 0x0010, "OW", _pixels(seed, size, a["n"])))
    data = b"".join(_element(*e) for e in body)
    meta = b"".join([
        _element(0x0002, 0x0001, "OB", b"\x00\x01"),
        _element(0x0002, 0x0002, "UI", a["SOPClassUID"]),
        _element(0x0002, 0x0003, "UI", a["SOPInstanceUID"]),
        _element(0x0002, 0x0010, "UI", EXPLICIT_LE),
        _element(0x0002, 0x0012, "UI", IMPLEMENTATION_UID),
        _element(0x0002, 0x0013, "SH", "QUARRY_BENCH"),
    ])
    return b"\0" * 128 + b"DICM" + _element(0x0002, 0x0000, "UL", struct.pack("<I", len(meta))) + meta + data


# -- corpus folders ------------------------------------------------------------

MANIFEST_FIELDS = ["n", "SOPInstanceUID", "SOPClassUID", "StudyInstanceUID", "SeriesInstanceUID",
                   "PatientID", "PatientName", "PatientBirthDate", "PatientSex", "StudyDate", "StudyTime",
                   "AccessionNumber", "StudyID", "StudyDescription", "ReferringPhysicianName", "Modality",
                   "SeriesNumber", "SeriesDescription", "InstanceNumber", "BodyPartExamined", "PatientAge",
                   "SeriesTime"]


def manifest_line(a, file_size):
    return "\t".join([a[f] if isinstance(a[f], str) else str(a[f]) for f in MANIFEST_FIELDS] + [str(file_size)])


def _write_set(folder, count, make, seed, log):
    """Makes `folder` hold at least files 0…count-1 (0000000.dcm…) and their
    manifest.tsv; files already listed in the manifest are reused (the manifest is
    written last, as the mark of completion). Returns how many files were written."""
    manifest = os.path.join(folder, "manifest.tsv")
    lines = []
    if os.path.exists(manifest):
        with open(manifest) as f:
            lines = f.read().splitlines()
    if len(lines) >= count:
        return 0
    os.makedirs(folder, exist_ok=True)
    for n in range(len(lines), count):
        a = make(n)
        data = encode(seed, a)
        with open(os.path.join(folder, f"{n:07d}.dcm"), "wb") as f:
            f.write(data)
        lines.append(manifest_line(a, len(data)))
        if log and n and n % 10000 == 0:
            log(f"  corpus: {n}/{count} files in {folder}")
    with open(manifest + ".tmp", "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(manifest + ".tmp", manifest)
    return count


def generate(root, seed, small, large, large_per_study, log=None):
    """The corpus under `root`: `small-<seed>/` (~2-10 KB CT/MR images, storage
    order = index fill order) and `large-<seed>-<per study>/` (0.5 MB CT images).
    Returns the two folders."""
    small_dir = os.path.join(root, f"small-{seed}")
    large_dir = os.path.join(root, f"large-{seed}-{large_per_study}")
    made = _write_set(small_dir, small, lambda n: instance(seed, n), seed, log)
    made += _write_set(large_dir, large, lambda n: large_instance(seed, n, large_per_study), seed, log)
    if log:
        log(f"corpus {'generated' if made else 'reused'}: {small} small + {large} large files under {root}")
    return small_dir, large_dir


def read_manifest(folder, count=None):
    """The first `count` rows (all when None) of a folder's manifest, as dicts."""
    rows = []
    with open(os.path.join(folder, "manifest.tsv")) as f:
        for line in f:
            if count is not None and len(rows) == count:
                break
            values = line.rstrip("\n").split("\t")
            row = dict(zip(MANIFEST_FIELDS, values))
            row["n"], row["fileSize"] = int(row["n"]), int(values[-1])
            rows.append(row)
    return rows


def synthetic_manifest(path, seed, count, file_size=9400):
    """A manifest of `count` instances with no files behind it, for the synthetic
    index (quarrybench index-build). Reused when present and complete."""
    if os.path.exists(path):
        return
    with open(path + ".tmp", "w") as f:
        for n in range(count):
            f.write(manifest_line(instance(seed, n), file_size) + "\n")
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    import sys
    import time
    start = time.time()
    generate(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), log=print)
    print(f"{time.time() - start:.1f} s")
