"""The bench's table (absolute figures, Quarry ÷ dcmqrscp, Quarry ÷ Orthanc, each
throughput against its limit) and its plot."""
import os
import subprocess
import sys

TARGETS = ["quarry", "dcmqrscp", "orthanc"]
CLASSES = ["study-name", "study-date", "series", "image"]
STORES = [("small_1", "store ~10 KB, 1 association"), ("small_4", "store ~10 KB, 4 associations"),
          ("large_1", "store 0.5 MB, 1 association"), ("large_4", "store 0.5 MB, 4 associations")]


def get(d, *path):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return None
        d = d[p]
    return d


def fmt(v, digits=None):
    if v is None:
        return "—"
    if isinstance(v, str):
        return v
    if digits is None:
        digits = 0 if abs(v) >= 100 else 1 if abs(v) >= 10 else 2 if abs(v) >= 1 else 3
    return f"{v:,.{digits}f}"


class Table:
    def __init__(self, results):
        self.r = results
        self.lines = []

    def t(self, name):
        return get(self.r, "targets", name) or {}

    def section(self, title):
        self.lines.append(("", title))

    def row(self, label, value, better="higher", unit_fmt=fmt, limit=None):
        """value(target result) -> number; `better` says which way the ratio is good."""
        values = [value(self.t(n)) if get(self.r, "targets", n, "status") == "ok" else None for n in TARGETS]
        ratios = []
        for other in values[1:]:  # only numbers make a ratio
            q = values[0]
            ratios.append(f"{q / other:.2f}×" if isinstance(q, (int, float)) and isinstance(other, (int, float))
                          and other else "—")
        arrow = {"higher": "↑", "lower": "↓", None: " "}[better]
        self.lines.append((label + " " + arrow, [unit_fmt(v) for v in values] + ratios + [limit or ""]))

    def render(self):
        head = ["", "quarry", "dcmqrscp", "orthanc", "Q÷dcmqrscp", "Q÷orthanc", "limit / ceiling"]
        widths = [max(46, max((len(l[0]) for l in self.lines if l[0]), default=0))] + [12, 12, 12, 11, 10, 24]
        out = [" ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths)))]
        out.append("-" * len(out[0]))
        for label, cells in self.lines:
            if not label:
                out.append(f"== {cells}")
                continue
            cols = [label.ljust(widths[0])] + [c.rjust(w) for c, w in zip(cells[:-1], widths[1:-1])]
            out.append(" ".join(cols) + "  " + cells[-1])
        return "\n".join(out)


def table(r):
    tb = Table(r)
    lim, ceil = r.get("limits", {}), r.get("ceiling", {})
    loop = get(lim, "loopback", "mb_per_s")
    tb.section(f"machine: {get(r, 'meta', 'cpus')} CPUs, {get(r, 'meta', 'cpu')}; preset {get(r, 'meta', 'preset')}")
    tb.row("C-ECHO round trip, ms (client + loopback floor)",
           lambda t: median([p.get("echo_ms_median") for p in (get(t, "find") or {}).values()]), "lower",
           limit=f"TCP RTT {fmt(get(lim, 'loopback', 'rtt_us_median'))} µs")
    tb.section("store (DCMTK storescu; every object verified by SOP Instance UID afterwards)")
    for key, title in STORES:
        n = get(ceil, key, "count")
        small = key.startswith("small")
        pipe = get(ceil, key, "images_per_s")
        disk = get(lim, "durable_object_small" if small else "durable_object_large", "ops_per_s")
        tb.row(f"{title} ({n}), images/s", lambda t, k=key: get(t, "store", k, "images_per_s")
               or ("failed" if get(t, "store", k, "failed") or get(t, "errors", f"store {k}") else None),
               limit=f"pipe {fmt(pipe)}/s")
        tb.row("   ÷ storescu→storescp pipe", lambda t, k=key: ratio(get(t, "store", k, "images_per_s"), pipe),
               None, unit_fmt=pct_fmt)
        tb.row("   ÷ durable-object disk limit", lambda t, k=key: ratio(get(t, "store", k, "images_per_s"), disk),
               None, unit_fmt=pct_fmt, limit=f"{fmt(disk)} objects/s")
        tb.row("   MB/s", lambda t, k=key: get(t, "store", k, "mb_per_s"),
               limit=f"pipe {fmt(get(ceil, key, 'mb_per_s'))}, loopback {fmt(loop)}")
        if key == "small_1":
            tb.row("   first 10% of objects, images/s", lambda t: get(t, "store", "small_1", "first10_images_per_s"))
            tb.row("   last 10% of objects, images/s", lambda t: get(t, "store", "small_1", "last10_images_per_s"))
        tb.row("   verified present", lambda t, k=key: verified(get(t, "store", k, "verified"),
                                                            get(t, "store", k, "failures")), None,
               unit_fmt=lambda v: v or "—")
        tb.row("   peak RSS while storing, MB", lambda t, k=key: mb(get(t, "store", k, "peak_rss")), "lower")
    tb.section("find (C-FIND, Study Root, many queries in one association): median ms (p95 in JSON)")
    for size in sizes(r):
        for c in CLASSES:
            tb.row(f"{c} @ {int(size):,} instances, ms", lambda t, s=size, c=c: get(t, "find", s, "classes", c, "median_ms"),
                   "lower")
    tb.section("retrieve one study of 0.5 MB objects (C-MOVE to the bench's SCP, C-GET on the association)")
    pipe_large = get(ceil, "large_1", "mb_per_s")
    for op in ("move", "get"):
        tb.row(f"{op}, images/s", lambda t, o=op: get(t, "retrieve", o, "images_per_s"))
        tb.row(f"{op}, MB/s", lambda t, o=op: get(t, "retrieve", o, "mb_per_s"),
               limit=f"pipe {fmt(pipe_large)}, loopback {fmt(loop)}")
        tb.row(f"   ÷ storescu→storescp pipe (MB/s)", lambda t, o=op: ratio(get(t, "retrieve", o, "mb_per_s"), pipe_large),
               None, unit_fmt=pct_fmt)
        tb.row(f"   received and verified by SOP Instance UID",
               lambda t, o=op: "yes" if get(t, "retrieve", o, "verified") else
               ("failed" if get(t, "retrieve", o, "error") else "NO" if get(t, "retrieve", o) else None),
               None, unit_fmt=lambda v: v or "—")
    tb.section("memory and start-up at each index size")
    for size in sizes(r):
        tb.row(f"peak RSS @ {int(size):,}, MB", lambda t, s=size: mb(get(t, "find", s, "peak_rss")), "lower")
        tb.row(f"start to first C-ECHO @ {int(size):,}, s", lambda t, s=size: get(t, "find", s, "ready_seconds"),
               "lower")
    lines = [tb.render()]
    lines += synthetic_lines(r)
    lines += limit_lines(r)
    lines += [f"note: {n}" for n in r.get("notes", [])]
    for name in TARGETS:
        status = get(r, "targets", name, "status")
        if status and status != "ok":
            lines.append(f"note: {name} {status.splitlines()[0]}")
    return "\n".join(lines)


def ratio(v, limit):
    return v / limit if isinstance(v, (int, float)) and limit else None


def pct_fmt(v):
    return f"{100 * v:.0f}%" if isinstance(v, (int, float)) else "—"


def mb(v):
    return v / 1e6 if v else None


def verified(v, failures=None):
    if not v:
        return None
    if "error" in v:
        return "not checked"
    bad = v["missing"] + v["unexpected"] + v["duplicates"]
    text = f"all {v['expected']}" if not bad else f"{v['missing']} lost" + \
        (f", {v['unexpected'] + v['duplicates']} extra" if v["unexpected"] + v["duplicates"] else "")
    return text + (f"; {len(failures)} clients failed" if failures else "")


def sizes(r):
    found = set()
    for name in TARGETS:
        found |= set((get(r, "targets", name, "find") or {}).keys())
    return sorted(found, key=int)


def median(values):
    v = sorted(x for x in values if x is not None)
    return v[len(v) // 2] if v else None


def synthetic_lines(r):
    syn = r.get("quarry_synthetic")
    if not syn:
        return []
    out = ["", "== Quarry alone: index built from a synthetic journal (quarrybench index-build, Archive API)"]
    out.append(f"{'instances':>10} {'load s':>8} {'ready s':>8} {'RSS MB':>8} {'B/inst':>7} {'alloc B/inst':>12} "
               + " ".join(f"{c + ' ms':>14}" for c in CLASSES))
    base = syn[min(syn, key=int)]
    for n in sorted(syn, key=int):
        p = syn[n]
        grown = int(n) - base["instances"]
        marginal = (p["peak_rss"] - base["peak_rss"]) / grown if grown > 0 else None
        out.append(f"{int(n):>10,} {fmt(get(p, 'build', 'load_seconds')):>8} {fmt(p['ready_seconds']):>8} "
                   f"{fmt(mb(p['peak_rss'])):>8} {fmt(marginal):>7} "
                   f"{fmt(get(p, 'build', 'allocated_bytes_per_instance')):>12} "
                   + " ".join(f"{fmt(get(p, 'classes', c, 'median_ms')):>14}" for c in CLASSES))
    out.append("(B/inst: peak RSS growth over the smallest index, per added instance; alloc: the index's own "
               "allocations per instance, measured in quarrybench)")
    keys = sorted(syn, key=int)
    if len(keys) > 1:
        lo, hi = syn[keys[0]], syn[keys[-1]]
        growth = [f"{c} {get(hi, 'classes', c, 'median_ms') / get(lo, 'classes', c, 'median_ms'):.2f}×"
                  for c in CLASSES if get(lo, "classes", c, "median_ms")]
        out.append(f"latency at {int(keys[-1]):,} ÷ at {int(keys[0]):,}: " + ", ".join(growth))
    return out


def limit_lines(r):
    lim = r.get("limits", {})
    if not lim:
        return []
    g = lambda *p: fmt(get(lim, *p))
    return ["", "== physical limits (same run)",
            f"disk write+fdatasync: 10 KB {g('disk_fsync_small', 'ops_per_s')}/s ({g('disk_fsync_small', 'mb_per_s')} MB/s); "
            f"0.5 MB {g('disk_fsync_large', 'ops_per_s')}/s ({g('disk_fsync_large', 'mb_per_s')} MB/s)",
            f"durable object (write, fdatasync, rename, fsync dir): 10 KB {g('durable_object_small', 'ops_per_s')}/s; "
            f"0.5 MB {g('durable_object_large', 'ops_per_s')}/s ({g('durable_object_large', 'mb_per_s')} MB/s)",
            f"loopback TCP: {g('loopback', 'mb_per_s')} MB/s, round trip {g('loopback', 'rtt_us_median')} µs"]


def ensure_matplotlib(root):
    try:
        import matplotlib  # noqa: F401
        return True
    except ImportError:
        pass
    p = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "matplotlib"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return False
    import importlib
    importlib.invalidate_caches()
    try:
        import matplotlib  # noqa: F401
        return True
    except ImportError:
        return False


def plot(r, path, root):
    if not ensure_matplotlib(root):
        return "plot skipped: matplotlib could not be installed (pip install matplotlib)"
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    colors = {"quarry": "tab:blue", "dcmqrscp": "tab:red", "orthanc": "tab:green", "pipe": "tab:gray"}
    fig, axes = plt.subplots(2, 3, figsize=(16, 9))
    for ax, c in zip(axes.flat, CLASSES):
        for name in TARGETS:
            pts = sorted((int(n), get(p, "classes", c, "median_ms")) for n, p in
                         (get(r, "targets", name, "find") or {}).items())
            if pts:
                ax.plot(*zip(*pts), "o-", color=colors[name], label=name)
        syn = sorted((int(n), get(p, "classes", c, "median_ms")) for n, p in (r.get("quarry_synthetic") or {}).items())
        if syn:
            ax.plot(*zip(*syn), "s--", color=colors["quarry"], alpha=0.6, label="quarry (synthetic index)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(f"C-FIND {c}: median latency")
        ax.set_xlabel("instances in the index")
        ax.set_ylabel("ms")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    groups = [("small_1", "10 KB ×1"), ("small_4", "10 KB ×4"), ("large_1", "0.5 MB ×1"), ("large_4", "0.5 MB ×4")]
    for ax, unit in ((axes.flat[4], "images_per_s"), (axes.flat[5], "mb_per_s")):
        series = [("pipe", [get(r, "ceiling", k, unit) for k, _ in groups])]
        series += [(n, [get(r, "targets", n, "store", k, unit) for k, _ in groups]) for n in TARGETS]
        labels = [g for _, g in groups]
        if unit == "mb_per_s":
            series[0][1].extend([get(r, "ceiling", "large_1", unit)] * 2)
            for name, vals in series[1:]:
                vals.extend(get(r, "targets", name, "retrieve", op, unit) for op in ("move", "get"))
            labels += ["move 0.5 MB", "get 0.5 MB"]
        width = 0.8 / len(series)
        for i, (name, vals) in enumerate(series):
            xs = [j + i * width for j in range(len(labels))]
            ax.bar(xs, [v or 0 for v in vals], width, color=colors[name], label=name)
        ax.set_xticks([j + 0.4 - width / 2 for j in range(len(labels))])
        ax.set_xticklabels(labels, fontsize=8)
        ax.set_yscale("log")
        ax.set_title("store throughput, images/s" if unit == "images_per_s" else "throughput, MB/s")
        ax.legend(fontsize=8)
        ax.grid(True, axis="y", which="both", alpha=0.3)
    fig.suptitle(f"make bench ({get(r, 'meta', 'preset')}) — {get(r, 'meta', 'date')}, {get(r, 'meta', 'cpus')} CPUs")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    return f"plot: {path}"
