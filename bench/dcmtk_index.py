"""Fills a dcmqrscp storage area's index.dat offline, as DCMTK's dcmqridx would.

Why not dcmqridx itself past a few thousand files: it scans the whole index for
every file it registers and logs a "DB ALERT" line per record read past 32 MiB
(spec §12.2); measured here, registering took 60-100 s per 1,000 files between
5k and 10k instances, i.e. well over an hour to reach 50k. This writer appends
the records dcmqridx would append (DCMTK 3.6.7's `IdxRecord`/`StudyDescRecord`
written as raw LP64 memory, spec §5.6; offsets as Sources/Archive/Import/
DCMTKIndexLayout.swift documents them), leaving files where they are (dcmqridx
does not copy either). `matches_dcmqridx` checks it record by record against
dcmqridx on the first files of the corpus; the bench runs that check and the
smoke test asserts it.
"""
import os
import struct
import subprocess
import tempfile
import time

HEADER, STUDY_SLOTS, STUDY_SIZE, RECORD_SIZE = 6, 500, 88, 8032
RECORDS = HEADER + STUDY_SLOTS * STUDY_SIZE
PARAMS, VALUES, HSTAT, CHARSET = 344, 952, 6877, 7007
# The 38 attribute fields in RECORDIDX order: tag and char[] width (dcmqridx.h).
FIELDS = [
    (0x00100030, 81), (0x00100040, 129), (0x00100010, 257), (0x00100020, 257), (0x00100032, 129),
    (0x00101000, 257), (0x00101001, 257), (0x00102160, 65), (0x00080020, 81), (0x00080030, 129),
    (0x00200010, 129), (0x00081030, 257), (0x00081060, 257), (0x00080050, 129), (0x00080090, 257),
    (0x00081030, 257), (0x00081060, 257), (0x0020000D, 65), (0x00201070, 97), (0x00081080, 257),
    (0x00101010, 33), (0x00101020, 129), (0x00101030, 129), (0x00102180, 65), (0x00200011, 97),
    (0x0020000E, 65), (0x00080060, 129), (0x00200013, 97), (0x00080018, 65), (0x00080021, 81),
    (0x00080031, 129), (0x0008103E, 257), (0x00181030, 257), (0x00081070, 257), (0x00081050, 257),
    (0x00700080, 17), (0x00100021, 257), (0x00080005, 1025),
]
MANIFEST_TAGS = {
    0x00100030: "PatientBirthDate", 0x00100040: "PatientSex", 0x00100010: "PatientName", 0x00100020: "PatientID",
    0x00080020: "StudyDate", 0x00080030: "StudyTime", 0x00200010: "StudyID", 0x00081030: "StudyDescription",
    0x00080050: "AccessionNumber", 0x00080090: "ReferringPhysicianName", 0x0020000D: "StudyInstanceUID",
    0x00101010: "PatientAge", 0x00200011: "SeriesNumber", 0x0020000E: "SeriesInstanceUID", 0x00080060: "Modality",
    0x00200013: "InstanceNumber", 0x00080018: "SOPInstanceUID", 0x00080021: "StudyDate", 0x00080031: "SeriesTime",
    0x0008103E: "SeriesDescription",
}


def record(row, path, now):
    r = bytearray(RECORD_SIZE)
    p = path.encode()
    r[0:len(p)] = p
    c = row["SOPClassUID"].encode()
    r[257:257 + len(c)] = c
    struct.pack_into("<dI", r, 328, now, row["fileSize"])
    offset = VALUES
    for i, (tag, width) in enumerate(FIELDS):
        if tag == 0x00080005:
            value, at = b"ISO_IR 100", CHARSET
        else:
            value, at = row.get(MANIFEST_TAGS.get(tag, ""), "").encode()[:width - 1], offset
            offset += width
        r[at:at + len(value)] = value
        struct.pack_into("<QIHH", r, PARAMS + 16 * i, 0, len(value), tag >> 16, tag & 0xFFFF)
    r[HSTAT] = 1                                     # DVIF_objectIsNew
    return bytes(r)


def append(area, rows, paths):
    """Appends records for `rows` (manifest rows) whose files are `paths` to
    area/index.dat, creating it if needed, updating the study descriptors."""
    index = os.path.join(area, "index.dat")
    data = bytearray(open(index, "rb").read()) if os.path.exists(index) else bytearray()
    if len(data) < RECORDS:
        data = bytearray(b"QRDB05" + bytes(STUDY_SLOTS * STUDY_SIZE))
    slots = {}
    for s in range(STUDY_SLOTS):
        at = HEADER + s * STUDY_SIZE
        uid = bytes(data[at:at + 65]).split(b"\0")[0].decode()
        if uid:
            slots[uid] = s
    now = time.time()
    records = []
    for row, path in zip(rows, paths):
        uid = row["StudyInstanceUID"]
        if uid not in slots:
            used = set(slots.values())
            free = next((s for s in range(STUDY_SLOTS) if s not in used), None)
            if free is None:
                raise RuntimeError("index.dat: all 500 study slots are used (dcmqrscp's cap)")
            slots[uid] = free
            at = HEADER + free * STUDY_SIZE
            data[at:at + STUDY_SIZE] = bytes(STUDY_SIZE)
            data[at:at + len(uid)] = uid.encode()
        at = HEADER + slots[uid] * STUDY_SIZE
        size, _, count = struct.unpack_from("<IdI", data, at + 68)
        struct.pack_into("<IdI", data, at + 68, size + row["fileSize"], now, count + 1)
        records.append(record(row, path, now))
    with open(index + ".tmp", "wb") as f:
        f.write(data)
        f.write(b"".join(records))
    os.replace(index + ".tmp", index)


def comparable(blob):
    """index.dat bytes without what differs between writers: recorded times and
    the in-memory pointers dcmqridx writes along."""
    b = bytearray(blob)
    for s in range(STUDY_SLOTS):
        b[HEADER + s * STUDY_SIZE + 72:HEADER + s * STUDY_SIZE + 80] = bytes(8)
    for r in range(RECORDS, len(b), RECORD_SIZE):
        b[r + 328:r + 336] = bytes(8)
        for i in range(len(FIELDS)):
            b[r + PARAMS + 16 * i:r + PARAMS + 16 * i + 8] = bytes(8)
    return bytes(b)


def matches_dcmqridx(rows, paths):
    """Registers `paths` with DCMTK's dcmqridx and with this writer; True when the
    two index.dat files agree byte for byte (times and pointers aside)."""
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        subprocess.run(["/usr/bin/dcmqridx", a] + list(paths), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        append(b, rows, paths)
        with open(os.path.join(a, "index.dat"), "rb") as f, open(os.path.join(b, "index.dat"), "rb") as g:
            return comparable(f.read()) == comparable(g.read())
