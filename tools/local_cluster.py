"""A Dask cluster on this machine, for the tests and make bench: `dask scheduler` and
`dask worker` processes on 127.0.0.1, started with Dask's own CLI and stopped by `stop()`.

    cluster = LocalCluster(Path("scratch"), workers=2)
    ... render.py --cluster cluster.address ...
    cluster.stop()
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# as docs/course.md starts a worker: without Dask's profiler, which samples the rendering thread
# every 10 ms (a clip renders about 4 % faster without it)
WORKER_ENVIRONMENT = {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
DASK = Path(sys.executable).parent / "dask"  # the CLI of the distributed package in this environment


class LocalCluster:
    """A scheduler on `port` (0: any free one) and `workers` one-thread worker processes, each
    with its logs and cache in `folder`; `preload` is a module each worker runs first."""

    def __init__(self, folder: Path, workers: int = 2, port: int = 0, preload: Path | None = None):
        self.folder, self.processes = folder, []
        folder.mkdir(parents=True, exist_ok=True)
        address_file = folder / "scheduler.json"
        address_file.unlink(missing_ok=True)
        self.scheduler = self.start(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-dashboard",
                "--scheduler-file",
                str(address_file),
            ],
            "scheduler",
        )
        self.address = scheduler_address(address_file, deadline=time.monotonic() + 60)
        for number in range(workers):
            extra = ["--preload", str(preload)] if preload else []
            self.start(
                [
                    str(DASK),
                    "worker",
                    self.address,
                    "--nworkers",
                    "1",
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                    "--name",
                    f"worker-{number}",
                    *extra,
                ],
                f"worker-{number}",
            )
        self.wait_for(workers)

    def start(self, command: list[str], name: str) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "ab")
        environment = dict(os.environ, XDG_CACHE_HOME=str(self.folder / "worker-cache"), **WORKER_ENVIRONMENT)
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=environment, start_new_session=True
        )
        log.close()  # (the child has its own copy)
        self.processes.append(process)
        return process

    def client(self):
        from distributed import Client

        return Client(self.address, set_as_default=False, timeout=20)

    def wait_for(self, workers: int) -> None:
        with self.client() as client:
            client.wait_for_workers(workers, timeout=60)

    @property
    def port(self) -> int:
        return int(self.address.rsplit(":", 1)[1])

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)  # (a worker's nanny and its process share a group)
                process.wait(timeout=30)


def scheduler_address(address_file: Path, deadline: float) -> str:
    """The address in a Dask scheduler file, once the scheduler has written it whole: Dask writes
    the file in place, so it can be there and still empty or half written for a moment."""
    while True:
        try:
            return json.loads(address_file.read_text())["address"]
        except (OSError, ValueError, KeyError):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the scheduler wrote no address to {address_file} within 60 s") from None
            time.sleep(0.1)
