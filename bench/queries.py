"""C-FIND workloads (Study Root) over the first `instances` instances of the
corpus, each query with the number of matches it must return. The four classes
of issue 7, drawn at random (seeded) from what the index holds, so that result
counts stay small and alike at every index size:

- study-name:  STUDY level, PatientName wildcard "FAMILY^GIV*";
- study-date:  STUDY level, StudyDate range spanning three studies' dates;
- series:      SERIES level within one study (StudyInstanceUID);
- image:       IMAGE level within one series (Study and Series Instance UID).

Return keys are the ones dcmqrscp supports (spec §6.2), so every target does the
same work.
"""
import fnmatch
import random

import corpus


def _keys(*pairs):
    return [[tag, vr, value] for tag, vr, value in pairs]


def workload(seed, instances, count=50):
    studies = [corpus.study_of(seed, s) for s in range(-(-instances // corpus.INSTANCES_PER_STUDY))]
    last = instances - corpus.INSTANCES_PER_STUDY * (len(studies) - 1)   # instances in the last study
    r = random.Random(f"{seed}:queries:{instances}")
    study_keys = lambda name="", date="": _keys(
        ("00100010", "PN", name), ("00100020", "LO", ""), ("0020000D", "UI", ""), ("00080020", "DA", date),
        ("00080030", "TM", ""), ("00080050", "SH", ""), ("00200010", "SH", ""), ("00081030", "LO", ""))

    by_name, by_date, series, images = [], [], [], []
    dates = sorted(s["StudyDate"] for s in studies)
    for _ in range(count):
        s = r.choice(studies)
        family, given = s["PatientName"].split("^")[:2]
        pattern = f"{family}^{given[:3]}*"
        by_name.append({"keys": study_keys(name=pattern),
                        "expected": sum(fnmatch.fnmatchcase(t["PatientName"], pattern) for t in studies)})
        i = r.randrange(len(dates))
        low, high = dates[i], dates[min(i + 2, len(dates) - 1)]
        by_date.append({"keys": study_keys(date=f"{low}-{high}"),
                        "expected": sum(low <= t["StudyDate"] <= high for t in studies)})
        k = r.randrange(len(studies))
        s = studies[k]
        layout = corpus.CT_SERIES if s["Modality"] == "CT" else corpus.MR_SERIES
        held = corpus.INSTANCES_PER_STUDY if k < len(studies) - 1 else last
        counts, first = [], 0
        for _, n in layout:                       # images of each series this index holds
            counts.append(max(0, min(n, held - first)))
            first += n
        present = [i for i, c in enumerate(counts) if c]
        series.append({"keys": _keys(("0020000D", "UI", s["StudyInstanceUID"]), ("0020000E", "UI", ""),
                                     ("00080060", "CS", ""), ("00200011", "IS", "")),
                       "expected": len(present)})
        number = r.choice(present)
        images.append({"keys": _keys(("0020000D", "UI", s["StudyInstanceUID"]),
                                     ("0020000E", "UI", f"{s['StudyInstanceUID']}.{number + 1}"),
                                     ("00080018", "UI", ""), ("00200013", "IS", "")),
                       "expected": counts[number]})
    return {"classes": [
        {"name": "study-name", "level": "STUDY", "queries": by_name},
        {"name": "study-date", "level": "STUDY", "queries": by_date},
        {"name": "series", "level": "SERIES", "queries": series},
        {"name": "image", "level": "IMAGE", "queries": images},
    ]}
