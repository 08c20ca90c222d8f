"""The servers under test, each started on the same shape of configuration: one
department AE (DEPT) with its own storage folder, the bench client (BENCHSCU)
allowed, and a move destination BENCHDEST at 127.0.0.1:<dest port> (HostTable
for quarryscp and dcmqrscp, DicomModalities for Orthanc). Every process the
bench starts is remembered by PID and stopped by it.
"""
import json
import os
import shutil
import signal
import subprocess
import threading
import time

DEPT, CLIENT, DEST = "DEPT", "BENCHSCU", "BENCHDEST"
# DCMTK keeps Nagle's algorithm on unless TCP_NODELAY=1 is in the environment
# (DCMTK's envvars.txt); without it every DCMTK association (storescu, storescp,
# dcmqrscp, Orthanc's embedded DCMTK) is held to ~11 small objects/s by delayed
# ACKs. Every DCMTK process the bench starts gets it, so each target shows its best.
DCMTK_ENV = dict(os.environ, TCP_NODELAY="1")


class TargetUnavailable(Exception):
    pass


def dcmqrscp_config(port, area, dest_port):
    return f"""# make bench: {DEPT} stores and answers queries; {DEST} is the move destination
NetworkTCPPort  = {port}
MaxPDUSize      = 65536
MaxAssociations = 32

HostTable BEGIN
benchdest = ({DEST}, 127.0.0.1, {dest_port})
HostTable END

VendorTable BEGIN
VendorTable END

AETable BEGIN
{DEPT}  {area}  RW  (500, 1024mb)  ANY
AETable END
"""


class Server:
    """One started server process: PID, log, peak memory sampling."""

    def __init__(self, name, argv, port, log_path, env=None, cwd=None, sample_children=False):
        self.name, self.port, self.log_path = name, port, log_path
        self.log = open(log_path, "ab") if log_path else subprocess.DEVNULL
        self.process = subprocess.Popen(argv, stdout=self.log, stderr=self.log, stdin=subprocess.DEVNULL,
                                        env=env, cwd=cwd)
        self.started = time.monotonic()
        self.sample_children = sample_children
        self.peak_rss, self._stop_sampling = 0, threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    @property
    def pid(self):
        return self.process.pid

    def tail(self, lines=15):
        if not self.log_path or not os.path.exists(self.log_path):
            return ""
        with open(self.log_path, "rb") as f:
            f.seek(max(0, os.path.getsize(self.log_path) - 8192))
            return "\n".join(f.read().decode(errors="replace").splitlines()[-lines:])

    def _sample(self):
        """Peak RSS: VmHWM of the server, plus (dcmqrscp, which forks one child per
        association) the VmHWM of its live children summed, at the worst moment."""
        while not self._stop_sampling.wait(0.05):
            total = vm_hwm(self.pid)
            if self.sample_children:
                total += sum(vm_hwm(c) for c in children(self.pid))
            self.peak_rss = max(self.peak_rss, total)

    def reset_peak(self):
        """Clears the kernel's high-water marks (/proc/PID/clear_refs "5") and ours."""
        for pid in [self.pid] + (children(self.pid) if self.sample_children else []):
            try:
                with open(f"/proc/{pid}/clear_refs", "w") as f:
                    f.write("5")
            except OSError:
                pass
        self.peak_rss = 0

    def running(self):
        return self.process.poll() is None

    def stop(self, grace=10):
        self._stop_sampling.set()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        # dcmqrscp's children outlive a SIGTERM of the parent only while an
        # association runs; the bench has released all of them by now.
        if self.log is not subprocess.DEVNULL:
            self.log.close()


def vm_hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def children(pid):
    """PIDs whose parent is `pid` (no /proc/PID/task/*/children on this kernel)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
                if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                    found.append(int(entry))
            except (OSError, ValueError):
                pass
    return found


class Target:
    """A kind of server: how to configure a fresh storage folder and start on it."""
    name = ""
    aet = DEPT

    def __init__(self, bench, work):
        self.bench, self.work = bench, work
        self.area = None

    def fresh(self, label):
        """A new, empty storage folder for the phase `label`."""
        self.area = os.path.join(self.work, label)
        shutil.rmtree(self.area, ignore_errors=True)
        os.makedirs(os.path.join(self.area, "DEPT"))
        return self.area

    def start(self, quiet=False):
        raise NotImplementedError

    def ready(self, server, timeout=60):
        """Waits until a C-ECHO is answered; returns the seconds since start."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not server.running():
                raise TargetUnavailable(f"{self.name} exited (status {server.process.returncode}):\n{server.tail()}")
            if self.bench.client.echo(server.port, self.aet):
                return time.monotonic() - server.started
            time.sleep(0.02)
        server.stop()
        raise TargetUnavailable(f"{self.name} did not answer C-ECHO within {timeout} s:\n{server.tail()}")


class Quarry(Target):
    name = "quarry"

    def start(self, quiet=False):
        cfg = os.path.join(self.area, "dcmqrscp.cfg")
        with open(cfg, "w") as f:
            f.write(dcmqrscp_config(self.bench.port("server"), os.path.join(self.area, "DEPT"),
                                    self.bench.port("dest")))
        argv = [self.bench.quarryscp, "-c", cfg, str(self.bench.port("server"))]
        server = Server(self.name, argv, self.bench.port("server"),
                        None if quiet else os.path.join(self.area, "server.log"), cwd=self.area)
        server.ready_seconds = self.ready(server)
        return server


class Dcmqrscp(Target):
    name = "dcmqrscp"

    def start(self, quiet=False):
        cfg = os.path.join(self.area, "dcmqrscp.cfg")
        with open(cfg, "w") as f:
            f.write(dcmqrscp_config(self.bench.port("server"), os.path.join(self.area, "DEPT"),
                                    self.bench.port("dest")))
        # Default fork mode (never -s: Debian's 3.6.7 crashes after the first association).
        # Past ~4,100 instances every index read logs a "DB ALERT" line (spec §12.2):
        # quiet phases send the log nowhere rather than fill the disk.
        argv = ["/usr/bin/dcmqrscp", "-c", cfg, str(self.bench.port("server"))]
        server = Server(self.name, argv, self.bench.port("server"),
                        None if quiet else os.path.join(self.area, "server.log"),
                        env=DCMTK_ENV, cwd=self.area, sample_children=True)
        server.ready_seconds = self.ready(server)
        return server


class Orthanc(Target):
    name = "orthanc"
    binary = "/usr/sbin/Orthanc"

    def start(self, quiet=False):
        cfg = os.path.join(self.area, "orthanc.json")
        with open(cfg, "w") as f:
            json.dump({
                "Name": "bench", "StorageDirectory": os.path.join(self.area, "DEPT"),
                "IndexDirectory": os.path.join(self.area, "DEPT"), "Plugins": [],
                "HttpServerEnabled": True, "HttpPort": self.bench.port("http"), "RemoteAccessAllowed": False,
                "DicomServerEnabled": True, "DicomAet": DEPT, "MaximumPduLength": 65536, "DicomCheckCalledAet": True,
                "DicomPort": self.bench.port("server"),
                "DicomModalities": {
                    CLIENT: [CLIENT, "127.0.0.1", self.bench.port("dest") + 1],
                    DEST: [DEST, "127.0.0.1", self.bench.port("dest")],
                },
                "DicomAlwaysAllowFind": True, "DicomAlwaysAllowMove": True, "DicomAlwaysAllowGet": True,
                "DicomCheckModalityHost": False,
            }, f, indent=1)
        server = Server(self.name, [self.binary, cfg], self.bench.port("server"),
                        os.path.join(self.area, "server.log"), env=DCMTK_ENV, cwd=self.area)
        server.ready_seconds = self.ready(server)
        return server

    @classmethod
    def install(cls, log):
        """Orthanc from Debian when missing (its service is never used: the bench runs
        the binary on its own config). Returns a reason when it is not available."""
        if os.path.exists(cls.binary):
            return None
        if os.geteuid() != 0:
            return "Orthanc is not installed and installing it needs root (apt-get install orthanc)"
        log("installing Orthanc from Debian (apt-get install -y orthanc)…")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for argv in (["apt-get", "install", "-y", "-qq", "orthanc"],
                     ["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "orthanc"]):
            subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if os.path.exists(cls.binary):
                return None
        return "apt-get install orthanc failed"


class StoreSCP:
    """DCMTK's storescp with no archive (--ignore: received, not stored): the
    ceiling of what storescu can push through one association (or four, --fork)."""
    name = "storescp"

    def __init__(self, bench):
        self.bench = bench

    def start(self, fork):
        argv = ["/usr/bin/storescp", "--ignore", "-aet", DEPT, "-pdu", "65536"] + (["--fork"] if fork else []) + \
               [str(self.bench.port("server"))]
        server = Server(self.name, argv, self.bench.port("server"), None, env=DCMTK_ENV)
        deadline = time.monotonic() + 10
        while not self.bench.client.echo(server.port, DEPT):
            if time.monotonic() > deadline or not server.running():
                server.stop()
                raise TargetUnavailable("storescp did not start")
            time.sleep(0.02)
        return server
