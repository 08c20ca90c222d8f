#!/usr/bin/env python3
"""make bench: Quarry measured against DCMTK's dcmqrscp and Orthanc, side by side,
with the same clients, in one run. See the README's "Benchmark" section.

    bench/run.py [--preset full|quick|smoke] [--bin-dir DIR] [--data-dir DIR]
                 [--results-dir DIR] [--targets quarry,dcmqrscp,orthanc]
"""
import argparse
import datetime
import faulthandler
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import client      # noqa: E402
import corpus      # noqa: E402
import dcmtk_index  # noqa: E402
import limits      # noqa: E402
import phases      # noqa: E402
import queries     # noqa: E402
import report      # noqa: E402
from targets import DEPT, Dcmqrscp, Orthanc, Quarry, StoreSCP, TargetUnavailable  # noqa: E402

PRESETS = {
    # sizes: index sizes C-FIND is measured at (multiples of 125, the corpus's study size)
    "full": dict(parallel_small=1000, single_small=10000, sizes=[1000, 10000, 50000], large=400,
                 large_per_study=100, synthetic=[1000, 50000, 1000000], queries=50, find_seconds=3.0,
                 find_max_repeats=500, retrieve_repeats=3, orthanc=True, plot=True),
    "quick": dict(parallel_small=1000, single_small=2000, sizes=[1000, 10000], large=100,
                  large_per_study=50, synthetic=[1000, 1000000], queries=30, find_seconds=1.0,
                  find_max_repeats=300, retrieve_repeats=2, orthanc=True, plot=True),
    "smoke": dict(parallel_small=250, single_small=250, sizes=[250, 500], large=8,
                  large_per_study=4, synthetic=[250, 1000], queries=5, find_seconds=0.2,
                  find_max_repeats=20, retrieve_repeats=1, orthanc=False, plot=False),
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FileSet:
    def __init__(self, folder, count):
        self.rows = corpus.read_manifest(folder, count)
        self.paths = [os.path.join(folder, f"{r['n']:07d}.dcm") for r in self.rows]


class Bench:
    def __init__(self, args):
        self.args = args
        self.preset_name = args.preset
        self.preset = dict(PRESETS[args.preset])
        self.seed = args.seed
        self.root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        self.data = os.path.abspath(args.data_dir or os.path.join(self.root, "bench-data"))
        self.results_dir = os.path.abspath(args.results_dir or os.path.join(self.root, "bench-results"))
        bin_dir = os.path.abspath(args.bin_dir or os.path.join(self.root, ".build", "release"))
        self.quarryscp = os.path.join(bin_dir, "quarryscp")
        self.client = client.Quarrybench(os.path.join(bin_dir, "quarrybench"))
        self._ports = {}
        self.started = time.monotonic()
        os.makedirs(self.results_dir, exist_ok=True)
        self.log_file = open(os.path.join(self.results_dir, f"bench-{self.preset_name}.log"), "w")

    def log(self, text):
        line = f"[{time.monotonic() - self.started:7.1f}s] {text}"
        print(line, flush=True)
        self.log_file.write(line + "\n")
        self.log_file.flush()

    def port(self, kind):
        if kind not in self._ports:
            self._ports[kind] = free_port()
        return self._ports[kind]

    def quiet_log(self, target, instances):
        # dcmqrscp logs one "DB ALERT" line per index record read past 32 MiB (spec §12.2)
        return target.name == "dcmqrscp" and instances > 4000

    def prepare_corpus(self):
        p = self.preset
        small_count = max(p["sizes"] + [p["single_small"], p["parallel_small"]])
        small_dir, large_dir = corpus.generate(os.path.join(self.data, "corpus"), self.seed, small_count, p["large"],
                                               p["large_per_study"], log=self.log)
        self.small, self.large = FileSet(small_dir, small_count), FileSet(large_dir, p["large"])

    def ceiling(self):
        """storescu -> storescp (no archive) with the same files and associations."""
        p, out = self.preset, {}
        scp = StoreSCP(self)
        plan = [("small_1", self.small, p["single_small"], 1), ("small_4", self.small, p["parallel_small"], 4),
                ("large_1", self.large, p["large"], 1), ("large_4", self.large, p["large"], 4)]
        for name, files, n, associations in plan:
            server = scp.start(fork=associations > 1)
            try:
                out[name] = phases.Phases(self).store(server, files.rows[:n], files.paths[:n], associations,
                                                      timestamps=associations == 1)
            finally:
                server.stop()
        return out

    def synthetic(self, target):
        """Quarry alone, index built from a synthetic manifest through the Archive API
        (quarrybench index-build): load time, memory and C-FIND latency up to 1M."""
        out = {}
        folder = os.path.join(self.data, "synthetic")
        os.makedirs(folder, exist_ok=True)
        for n in self.preset["synthetic"]:
            manifest = os.path.join(folder, f"manifest-{self.seed}-{n}.tsv")
            area = os.path.join(folder, f"area-{self.seed}-{n}")
            stamp = os.path.join(area, "build.json")
            for attempt in (1, 2):
                if attempt == 2 or not os.path.exists(stamp):
                    self.log(f"  synthetic index of {n} instances: manifest, then quarrybench index-build")
                    corpus.synthetic_manifest(manifest, self.seed, n)
                    shutil.rmtree(area, ignore_errors=True)
                    build = self.client.build_index(manifest, os.path.join(area, "DEPT"))
                    with open(stamp, "w") as f:
                        json.dump(build, f)
                with open(stamp) as f:
                    build = json.load(f)
                build.update(self.client.load_index(os.path.join(area, "DEPT")))   # load time of this run
                target.area = area
                try:
                    point = phases.Phases(self).find_point(target, n)
                    break
                except TargetUnavailable:
                    if attempt == 2:
                        raise
                    self.log("  quarryscp did not start on the reused index (format changed?): rebuilding it")
            point["build"] = build
            point["rss_bytes_per_instance"] = point["peak_rss"] / n
            out[str(n)] = point
            self.log(f"  synthetic {n}: ready in {point['ready_seconds']:.2f} s, study-name median "
                     f"{point['classes']['study-name']['median_ms']:.3f} ms")
        return out

    def run(self):
        p = self.preset
        results = {"meta": self.meta(), "preset": p}
        self.log(f"make bench, preset {self.preset_name}; data in {self.data}")
        self.prepare_corpus()
        ok = dcmtk_index.matches_dcmqridx(self.small.rows[:130], self.small.paths[:130])
        results["dcmqridx_equivalence"] = ok
        self.log(f"offline index.dat writer {'matches' if ok else 'DIFFERS FROM'} dcmqridx on the first 130 files")
        self.log("physical limits: disk with fdatasync, loopback TCP")
        results["limits"] = limits.measure(os.path.join(self.data, "limits"), self.preset_name != "full")
        self.log("ceiling: storescu -> storescp --ignore")
        results["ceiling"] = self.ceiling()
        work = os.path.join(self.data, "work")
        targets = [Quarry(self, os.path.join(work, "quarry")), Dcmqrscp(self, os.path.join(work, "dcmqrscp"))]
        results["notes"] = []
        if p["orthanc"] and "orthanc" in self.args.targets:
            reason = Orthanc.install(self.log)
            if reason:
                results["notes"].append(f"Orthanc skipped: {reason}")
            else:
                targets.append(Orthanc(self, os.path.join(work, "orthanc")))
        else:
            results["notes"].append("Orthanc skipped: " + ("not part of the smoke preset" if not p["orthanc"]
                                                            else "not in --targets"))
        if not os.path.exists(self.quarryscp):
            results["notes"].append(f"Quarry skipped: {self.quarryscp} is missing (swift build -c release)")
        results["targets"] = {}
        for target in targets:
            if target.name not in self.args.targets.split(","):
                continue
            if target.name == "quarry" and not os.path.exists(self.quarryscp):
                results["targets"]["quarry"] = {"status": "unavailable: binary missing"}
                continue
            self.log(f"target {target.name}")
            results["targets"][target.name] = phases.run_target(self, target)
            if target.name == "quarry" and results["targets"]["quarry"]["status"] == "ok" and p["synthetic"] \
                    and results["targets"]["quarry"]["find"]:
                self.log("quarry: synthetic indexes")
                try:
                    results["quarry_synthetic"] = self.synthetic(target)
                except (TargetUnavailable, RuntimeError, subprocess.CalledProcessError) as e:
                    results["notes"].append(f"Quarry synthetic index: {e}")
        for note in results["notes"]:
            self.log("note: " + note)
        results["seconds"] = time.monotonic() - self.started
        return results

    def meta(self):
        def version(argv):
            try:
                return subprocess.run(argv, capture_output=True, text=True, timeout=10).stdout.strip().splitlines()[0]
            except (OSError, IndexError, subprocess.TimeoutExpired):
                return None
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")
        return {
            "preset": self.preset_name,
            "date": datetime.datetime.now().isoformat(timespec="seconds"), "host": platform.node(),
            "cpus": os.cpu_count(), "cpu": cpu, "kernel": platform.release(),
            "quarry_commit": version(["git", "-C", self.root, "rev-parse", "--short", "HEAD"]),
            "dcmtk": version(["/usr/bin/dcmqrscp", "--version"]),
            "orthanc": version([Orthanc.binary, "--version"]) if os.path.exists(Orthanc.binary) else None,
        }


def main():
    # A parent may hand us a mask blocking most signals (Foundation's Process does,
    # under swift test); every process we start would inherit it, and DCMTK's servers
    # then crawl. Start from a clean mask.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", choices=sorted(PRESETS), default="quick" if os.environ.get("BENCH_QUICK") else "full")
    ap.add_argument("--bin-dir", help="folder of quarryscp and quarrybench (default .build/release)")
    ap.add_argument("--data-dir", help="generated corpus and storage folders (default bench-data/)")
    ap.add_argument("--results-dir", help="JSON, table and plot (default bench-results/)")
    ap.add_argument("--targets", default="quarry,dcmqrscp,orthanc")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    bench = Bench(args)
    faulthandler.register(signal.SIGUSR2, file=open(os.path.join(bench.results_dir, "stacks.txt"), "w"),
                          all_threads=True)
    results = bench.run()
    stem = os.path.join(bench.results_dir, f"bench-{bench.preset_name}")
    with open(stem + ".json", "w") as f:
        json.dump(results, f, indent=1)
    table = report.table(results)
    with open(stem + ".txt", "w") as f:
        f.write(table + "\n")
    print(table)
    if bench.preset["plot"]:
        note = report.plot(results, stem + ".png", bench.root)
        bench.log(note)
    bench.log(f"results: {stem}.json, {stem}.txt" + (", .png" if bench.preset["plot"] else ""))


if __name__ == "__main__":
    main()
