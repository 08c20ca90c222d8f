"""The bench's measuring clients: quarrybench (Swift, Quarry's DICOMNetwork
requestor) for C-ECHO, C-FIND, C-MOVE and C-GET, and DCMTK's storescu for C-STORE.
The same clients for every target."""
import json
import os
import subprocess
import tempfile
import threading
import time

from targets import CLIENT, DCMTK_ENV, DEST


class Quarrybench:
    def __init__(self, binary, host="127.0.0.1"):
        self.binary, self.host = binary, host

    def run(self, command, port, aet, *options, timeout=900):
        argv = [self.binary, command, self.host, str(port), "--aec", aet, "--aet", CLIENT] + [str(o) for o in options]
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        if p.returncode != 0:
            raise RuntimeError(f"quarrybench {command}: {p.stderr.strip() or p.returncode}")
        return json.loads(p.stdout)

    def echo(self, port, aet):
        try:
            self.run("echo", port, aet, "--timeout", "5", timeout=10)
            return True
        except (RuntimeError, subprocess.TimeoutExpired, ValueError):
            return False

    def echo_latencies(self, port, aet, count):
        return self.run("echo", port, aet, "--count", count)["echo_ms"]

    def find(self, port, aet, queries, seconds, max_repeats, echoes=200):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(queries, f)
        try:
            return self.run("find", port, aet, "--queries", f.name, "--seconds", seconds,
                            "--max-repeats", max_repeats, "--echoes", echoes)
        finally:
            os.unlink(f.name)

    def instances(self, port, aet):
        """Every SOP Instance UID the target answers for (IMAGE level, Study Root)."""
        with tempfile.NamedTemporaryFile("r", suffix=".txt", delete=False) as f:
            path = f.name
        try:
            summary = self.run("list", port, aet, "--out", path)
            with open(path) as f:
                uids = [line.strip() for line in f if line.strip()]
            return uids, summary
        finally:
            os.unlink(path)

    def retrieve(self, operation, port, aet, study, expected_uids, dest_port):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("\n".join(expected_uids) + "\n")
        try:
            options = ["--study", study, "--expect", f.name]
            if operation == "move":
                options += ["--dest-aet", DEST, "--dest-port", dest_port]
            return self.run(operation, port, aet, *options)
        finally:
            os.unlink(f.name)

    def load_index(self, directory):
        return json.loads(subprocess.run([self.binary, "index-load", "--directory", directory],
                                         capture_output=True, text=True, check=True).stdout)

    def build_index(self, manifest, directory):
        return json.loads(subprocess.run([self.binary, "index-build", "--manifest", manifest, "--directory", directory],
                                         capture_output=True, text=True, check=True).stdout)


def storescu(port, aet, slices, timestamps=False):
    """Sends each list of files of `slices` with its own DCMTK storescu process (one
    association each), all at once. Returns wall seconds, per-object completion
    times of the first client (when `timestamps`), and the failures reported."""
    procs, times, failures = [], [], []
    start = time.monotonic()
    for k, part in enumerate(slices):
        argv = ["/usr/bin/storescu", "-aet", CLIENT, "-aec", aet] + (["-v"] if timestamps and k == 0 else []) + \
               ["127.0.0.1", str(port)] + part
        procs.append(subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=DCMTK_ENV,
                                      text=True, bufsize=1))
    outputs = [[] for _ in procs]

    def drain(k, p):
        for line in p.stdout:
            if timestamps and k == 0 and line.startswith("I: Received Store Response"):
                times.append(time.monotonic() - start)
            if line.startswith(("E: ", "F: ")):
                outputs[k].append(line.rstrip())
    threads = [threading.Thread(target=drain, args=(k, p)) for k, p in enumerate(procs)]
    for t in threads:
        t.start()
    for p in procs:
        p.wait()
    for t in threads:
        t.join()
    seconds = time.monotonic() - start
    for k, p in enumerate(procs):
        if p.returncode != 0 or outputs[k]:
            reason = " | ".join(outputs[k][:5]) or "a store was refused or failed (DCMTK storescu logs no detail)"
            failures.append(f"storescu #{k} exit {p.returncode}: {reason}")
    return seconds, times, failures
