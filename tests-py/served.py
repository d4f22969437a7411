"""Start `aarshjul serve` on a free loopback port for a test, and stop it."""
import contextlib
import pathlib
import socket
import subprocess
import time
import urllib.request

from conftest import ROOT, binary


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(calendars: pathlib.Path, state: pathlib.Path, years: str = "2027", timeout: float = 300):
    """Yields (base URL, path of the stderr log). The first load plans every agreement, so wait for it."""
    port = free_port()
    log = state.parent / f"serve-{port}.log"
    with open(log, "w") as err:
        proc = subprocess.Popen(
            [str(binary()), "serve", str(calendars), "--port", str(port), "--years", years, "--state", str(state)],
            stdout=err, stderr=err, cwd=ROOT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise AssertionError(f"aarshjul serve exited {proc.returncode}: {log.read_text()}")
                try:
                    with urllib.request.urlopen(base + "/", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError(f"aarshjul serve did not answer within {timeout} s: {log.read_text()}")
                time.sleep(0.5)
            yield base, log
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
