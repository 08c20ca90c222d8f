"""The machine's physical limits, measured in the same run as the servers: disk
writes made durable with fdatasync, the full durable-object sequence an archive
that keeps its promise pays per object, and raw loopback TCP."""
import os
import socket
import statistics
import time
from multiprocessing import Process


def disk(folder, size, count):
    """`count` appends of `size` bytes to one file, each followed by fdatasync
    (the cost of making one object durable, with no metadata)."""
    path = os.path.join(folder, f"fsync-{size}.bin")
    block = os.urandom(size)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        start = time.monotonic()
        for _ in range(count):
            os.write(fd, block)
            os.fdatasync(fd)
        seconds = time.monotonic() - start
    finally:
        os.close(fd)
        os.unlink(path)
    return {"size": size, "count": count, "ops_per_s": count / seconds, "mb_per_s": count * size / seconds / 1e6}


def durable_objects(folder, size, count):
    """What DESIGN.md's C-STORE path costs the disk per object: write a new file,
    fdatasync it, rename it into place, fsync the directory."""
    area = os.path.join(folder, f"durable-{size}")
    os.makedirs(area, exist_ok=True)
    block = os.urandom(size)
    dfd = os.open(area, os.O_RDONLY | os.O_DIRECTORY)
    try:
        start = time.monotonic()
        for n in range(count):
            tmp, final = os.path.join(area, f".{n}.tmp"), os.path.join(area, f"{n}.dcm")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.write(fd, block)
            os.fdatasync(fd)
            os.close(fd)
            os.rename(tmp, final)
            os.fsync(dfd)
        seconds = time.monotonic() - start
    finally:
        os.close(dfd)
        for name in os.listdir(area):
            os.unlink(os.path.join(area, name))
        os.rmdir(area)
    return {"size": size, "count": count, "ops_per_s": count / seconds, "mb_per_s": count * size / seconds / 1e6}


def _sink(port):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buf = bytearray(1 << 20)
        while True:
            n = s.recv_into(buf)
            if n == 0:
                return
            if n <= 64:
                s.sendall(buf[:n])          # ping-pong phase


def loopback(seconds=1.0):
    """TCP over 127.0.0.1 to another process: bulk throughput (1 MiB writes) and
    the round trip of a 64-byte message with TCP_NODELAY."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    peer = Process(target=_sink, args=(listener.getsockname()[1],), daemon=True)
    peer.start()
    conn, _ = listener.accept()
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    rtts = []
    for _ in range(2000):
        t = time.monotonic()
        conn.sendall(b"x" * 64)
        got = 0
        while got < 64:
            got += len(conn.recv(64 - got))
        rtts.append((time.monotonic() - t) * 1e6)
    block = b"\0" * (1 << 20)
    sent, start = 0, time.monotonic()
    while time.monotonic() - start < seconds:
        conn.sendall(block)
        sent += len(block)
    elapsed = time.monotonic() - start
    conn.close()
    listener.close()
    peer.join(5)
    return {"mb_per_s": sent / elapsed / 1e6, "rtt_us_median": statistics.median(rtts)}


def measure(folder, quick):
    os.makedirs(folder, exist_ok=True)
    n_small, n_large = (200, 20) if quick else (1000, 100)
    return {
        "disk_fsync_small": disk(folder, 10 * 1024, n_small),
        "disk_fsync_large": disk(folder, 512 * 1024, n_large),
        "durable_object_small": durable_objects(folder, 10 * 1024, n_small),
        "durable_object_large": durable_objects(folder, 512 * 1024, n_large),
        "loopback": loopback(0.5 if quick else 2.0),
    }


if __name__ == "__main__":
    import json
    import sys
    print(json.dumps(measure(sys.argv[1], True), indent=1))
