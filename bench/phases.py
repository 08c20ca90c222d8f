"""What the bench does to each target, phase by phase. Each phase starts the
target on a storage folder of its own, so phases do not disturb each other."""
import os
import statistics

import client
import dcmtk_index
import queries
from targets import DEPT, TargetUnavailable


def by_study(rows, paths, associations):
    """Files split between `associations` clients, whole studies each (like
    separate modalities sending at once)."""
    studies = {}
    for row, path in zip(rows, paths):
        studies.setdefault(row["StudyInstanceUID"], []).append(path)
    slices = [[] for _ in range(associations)]
    for k, files in enumerate(studies.values()):
        slices[k % associations].extend(files)
    return [s for s in slices if s]


def percentile(values, q):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def rate_summary(count, nbytes, seconds):
    return {"count": count, "bytes": nbytes, "seconds": seconds,
            "images_per_s": count / seconds if seconds > 0 else None,
            "mb_per_s": nbytes / seconds / 1e6 if seconds > 0 else None}


class Phases:
    def __init__(self, bench):
        self.bench = bench
        self.qb = bench.client

    # -- store -----------------------------------------------------------------

    def store(self, server, rows, paths, associations, timestamps=False):
        slices = by_study(rows, paths, associations) if associations > 1 else [list(paths)]
        seconds, times, failures = client.storescu(server.port, DEPT, slices, timestamps=timestamps)
        result = rate_summary(len(paths), sum(r["fileSize"] for r in rows), seconds)
        result["associations"], result["failures"] = associations, failures
        if failures:                    # refused or failed stores: no rate to report
            result["images_per_s"] = result["mb_per_s"] = None
            result["failed"] = failures[0]
        n = len(times)
        if timestamps and n >= 20:
            k = n // 10
            result["first10_images_per_s"] = k / times[k - 1]
            result["last10_images_per_s"] = k / (times[-1] - times[-k - 1])
        return result

    def verify(self, server, target, rows):
        """Every stored object present, checked by SOP Instance UID (one IMAGE-level C-FIND)."""
        try:
            uids, _ = self.qb.instances(server.port, target.aet)
        except RuntimeError as e:
            return {"error": str(e)}
        expected = {r["SOPInstanceUID"] for r in rows}
        got = set(uids)
        return {"expected": len(expected), "found": len(uids), "missing": len(expected - got),
                "unexpected": len(got - expected), "duplicates": len(uids) - len(got)}

    def store_phase(self, target, label, rows, paths, associations, timestamps=False, keep=False):
        """Stores into a fresh folder; with `keep` the running server is returned too."""
        target.fresh(label)
        server = target.start(quiet=self.bench.quiet_log(target, len(rows)))
        try:
            server.reset_peak()
            result = self.store(server, rows, paths, associations, timestamps)
            result["peak_rss"] = max(server.peak_rss, server_peak(server))
            result["verified"] = self.verify(server, target, rows)
        except BaseException:
            server.stop()
            raise
        if keep:
            return result, server
        server.stop()
        return result

    def repair(self, target, rows, paths, stores):
        """Stores again, with one association, what `verify` found missing."""
        verified = stores.get("small_4", {}).get("verified", {})
        if not verified.get("missing"):
            return
        server = target.start(quiet=True)
        try:
            uids, _ = self.qb.instances(server.port, target.aet)
            present = set(uids)
            todo = [(r, f) for r, f in zip(rows, paths) if r["SOPInstanceUID"] not in present]
            client.storescu(server.port, DEPT, [[f for _, f in todo]])
            stores["small_4"]["repaired"] = len(todo)
            self.bench.log(f"  {target.name}: {len(todo)} objects lost by the parallel store sent again")
        finally:
            server.stop()

    # -- find ------------------------------------------------------------------

    def find_point(self, target, instances, seed=None):
        """Restarts the target on its current folder (time to the first C-ECHO =
        index load), runs the query workload, and reads the peak RSS."""
        bench = self.bench
        server = target.start(quiet=bench.quiet_log(target, instances))
        try:
            workload = queries.workload(bench.seed if seed is None else seed, instances, bench.preset["queries"])
            raw = self.qb.find(server.port, target.aet, workload, bench.preset["find_seconds"],
                               bench.preset["find_max_repeats"])
            classes = {}
            for c in raw["classes"]:
                lat = c["latencies_ms"]
                classes[c["name"]] = {
                    "median_ms": statistics.median(lat), "p95_ms": percentile(lat, 0.95), "repeats": len(lat),
                    "mean_matches": statistics.mean(c["matches"]), "mismatches": c["mismatches"],
                    "failures": c["failures"][:5]}
            server.peak_rss = max(server.peak_rss, server_peak(server))
            return {"instances": instances, "ready_seconds": server.ready_seconds, "peak_rss": server.peak_rss,
                    "echo_ms_median": statistics.median(raw["echo_ms"]), "classes": classes}
        finally:
            server.stop()

    # -- fill ------------------------------------------------------------------

    def fill(self, target, rows, paths):
        """Adds instances to the target's folder: over the network with storescu
        (quarryscp, Orthanc), or for dcmqrscp offline into index.dat (see dcmtk_index)."""
        if target.name == "dcmqrscp":
            dcmtk_index.append(os.path.join(target.area, "DEPT"), rows, paths)
            return {"offline": True, "count": len(rows)}
        server = target.start(quiet=True)
        try:
            chunk, seconds, failures = 5000, 0.0, []
            for i in range(0, len(paths), chunk):
                s, _, f = client.storescu(server.port, DEPT, [list(paths[i:i + chunk])])
                seconds += s
                failures += f
            if failures:
                raise RuntimeError(failures[0])
            return {"offline": False, **rate_summary(len(rows), sum(r["fileSize"] for r in rows), seconds)}
        finally:
            server.stop()

    # -- retrieve --------------------------------------------------------------

    def retrieve(self, server, target, rows, repeats):
        """C-MOVE (to the bench's own destination) and C-GET of the first study of
        `rows`: best of `repeats`, every received object checked by SOP Instance UID."""
        study = rows[0]["StudyInstanceUID"]
        members = [r for r in rows if r["StudyInstanceUID"] == study]
        uids = [r["SOPInstanceUID"] for r in members]
        nbytes = sum(r["fileSize"] for r in members)
        out = {}
        for operation in ("move", "get"):
            runs = []
            for _ in range(repeats):
                try:
                    r = self.qb.retrieve(operation, server.port, target.aet, study, uids, self.bench.port("dest"))
                except RuntimeError as e:
                    runs.append({"error": str(e)})
                    continue
                r.update(rate_summary(len(uids), nbytes, r["seconds"]))
                runs.append(r)
            ok = [r for r in runs if "error" not in r and r.get("missing") == 0 and r.get("unexpected") == 0]
            best = min(ok, key=lambda r: r["seconds"]) if ok else (runs[-1] if runs else {})
            best["verified"] = bool(ok)
            best["runs"] = len(runs)
            out[operation] = best
        return out


def server_peak(server):
    from targets import children, vm_hwm
    total = vm_hwm(server.pid)
    if server.sample_children:
        total += sum(vm_hwm(c) for c in children(server.pid))
    return total


def run_target(bench, target):
    """Every phase for one target. A target that cannot start is reported and left;
    a phase that fails (a service the target does not offer yet) is recorded with
    its error and the next phase runs."""
    p, ph = bench.preset, Phases(bench)
    small, large = bench.small, bench.large
    res = {"status": "ok", "store": {}, "find": {}, "fill": {}, "errors": {}}

    def attempt(name, step):
        try:
            return step()
        except TargetUnavailable:
            raise
        except Exception as e:          # noqa: BLE001 — recorded in the results, the run goes on
            res["errors"][name] = f"{type(e).__name__}: {e}"
            bench.log(f"  {target.name}: {name} failed: {e}")
            return None

    def store(key, label, files, n, associations, **kw):
        r = attempt(f"store {key}", lambda: ph.store_phase(target, label, files.rows[:n], files.paths[:n],
                                                           associations, **kw))
        if r is not None:
            res["store"][key] = r[0] if kw.get("keep") else r
        return r

    def find(n):
        r = attempt(f"find {n}", lambda: ph.find_point(target, n))
        if r is not None:
            res["find"][str(n)] = r

    try:
        # 1. four associations, small objects; its folder is the first index size
        n = p["parallel_small"]
        store("small_4", "parallel-small", small, n, 4)
        if n in p["sizes"]:
            # C-FIND must see the same index everywhere: objects a target lost while
            # four associations stored (dcmqrscp does) are sent again, one association.
            attempt("repair", lambda: ph.repair(target, small.rows[:n], small.paths[:n], res["store"]))
            find(n)
        # 2. one association, small objects; then filled to the larger index sizes
        n = p["single_small"]
        store("small_1", "single-small", small, n, 1, timestamps=True)
        if n in p["sizes"] and str(n) not in res["find"]:
            find(n)
        for size in [s for s in p["sizes"] if s > n]:
            bench.log(f"  {target.name}: filling to {size} instances")
            filled = attempt(f"fill {size}", lambda: ph.fill(target, small.rows[n:size], small.paths[n:size]))
            if filled is not None:
                res["fill"][str(size)] = filled
            n = size
            find(size)
        # 3. one association, 0.5 MB objects; then move and get of one study
        n = p["large"]
        kept = store("large_1", "single-large", large, n, 1, keep=True)
        if kept is not None:
            server = kept[1]
            try:
                r = attempt("retrieve", lambda: ph.retrieve(server, target, large.rows[:n], p["retrieve_repeats"]))
                if r is not None:
                    res["retrieve"] = r
            finally:
                server.stop()
        # 4. four associations, 0.5 MB objects
        store("large_4", "parallel-large", large, n, 4)
    except TargetUnavailable as e:
        res["status"] = f"unavailable: {e}"
        bench.log(f"  {target.name}: {e}")
    return res
