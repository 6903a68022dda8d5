"""Clip jobs on a Dask distributed cluster (the optional extra `[cluster]`).

The scheduler and workers are Dask's own (`dask scheduler`, `dask worker tcp://HOST:8786`),
started on machines with the project installed. This module only hands them clip jobs:

1. It connects to the scheduler and asks each worker for its identity: the installed versions
   and the code hash that a clip's reuse key holds. A worker that differs would make other
   bytes, so it is refused, with one line naming what differs; the jobs go to the others.
2. Each job runs on a worker in a scratch folder of its own, with a cache on that machine
   (~/.cache/attention-clips, or $XDG_CACHE_HOME). The worker sends back the finished files'
   bytes with their sha256; the main process checks and places them (clips/job.py `place`),
   as a local run would, so the output folder is the same bytes.
3. A worker that dies mid-clip: Dask runs its job again on another. A scheduler that cannot be
   reached, or is lost mid-run, is a `ClusterError`: one line, every finished clip kept.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from clips.request import Request, UsageError

CONNECT_TIMEOUT = 5  # seconds to reach the scheduler before saying it cannot be reached
WORKER_WAIT = 30  # seconds to wait for a first worker to join the scheduler
POLL = 0.05  # seconds between looks for a finished job (a free thread waits at most this long for the next)
SHOW_EVERY = 1.0  # seconds between asking the scheduler what each worker renders, for the progress bar


class ClusterError(Exception):
    """The cluster cannot do the run: the scheduler is unreachable or lost, no worker fits."""


def identity() -> dict:
    """What a clip's bytes depend on beyond its job: the installed versions and the code."""
    from clips import reuse

    return {"versions": reuse.installed_versions(), "code": reuse.code_fingerprint()}


def differences(theirs: dict, ours: dict) -> list[str]:
    """What differs between a worker's identity and ours, one phrase each."""
    found = [
        f"{package} {theirs['versions'].get(package, 'absent')} there, {version} here"
        for package, version in ours["versions"].items()
        if theirs["versions"].get(package) != version
    ]
    if theirs["code"] != ours["code"]:
        found.append(f"the attention-clips code differs (hash {theirs['code'][:12]} there, {ours['code'][:12]} here)")
    return found


def worker_cache() -> Path:
    """This machine's cache for synthesised lines and typeset text, kept between runs."""
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(home) / "attention-clips"


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters (malloc.h)
ROOMY = 32 * 1024 * 1024  # bytes: glibc's largest dynamic mmap threshold on 64-bit machines


def roomy_malloc() -> None:
    """Undo, in this worker process, the Dask nanny's MALLOC_TRIM_THRESHOLD_=65536: with it,
    glibc maps and unmaps every large numpy array afresh, and a clip renders about 25 % slower
    (measured: GravityScene at low, 14.2 s against 11.7 s). Without glibc, nothing to undo."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        libc.mallopt(M_TRIM_THRESHOLD, ROOMY)
        libc.mallopt(M_MMAP_THRESHOLD, ROOMY)
    except (OSError, AttributeError, TypeError):
        pass


def render_on_worker(job, recordings: dict[str, bytes], expected: dict):
    """On a worker: render `job` in a scratch folder and return it as a `Rendered` with the
    files' bytes. `recordings` are the creator's WAV files by line id; `expected` is the
    client's identity, checked again here (a worker may have been restarted since)."""
    from distributed import get_worker

    from clips.job import Rendered, files_of, run_job

    mismatch = differences(identity(), expected)
    if mismatch:
        raise ClusterError(f"worker {get_worker().address} refused: {'; '.join(mismatch)}")
    roomy_malloc()
    with tempfile.TemporaryDirectory(prefix="attention-clips-worker-") as scratch:
        folder = Path(scratch)
        recorded = []
        for line, data in sorted(recordings.items()):
            (folder / f"{line}.wav").write_bytes(data)
            recorded.append((line, str(folder / f"{line}.wav")))
        there = replace(
            job, target=str(folder / Path(job.target).name), cache=str(worker_cache()), recordings=tuple(recorded)
        )
        entry = run_job(there, folder)
        contents = {name: (folder / name).read_bytes() for name in files_of(entry)}
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()}
    return Rendered(job.target, entry, contents=contents, digests=digests, worker=get_worker().address)


def connect(address: str):
    from distributed import Client

    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise ClusterError(
            f"cannot reach the cluster's scheduler at {address} ({one_line(error)}); start it with "
            f"`dask scheduler`, and workers with `dask worker {address}`"
        ) from None


def one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def fitting_workers(client, address: str, refused: Callable[[str], None]) -> list[str]:
    """The workers whose identity is ours; `refused` is told of each of the others."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError:
        raise ClusterError(
            f"no worker joined the scheduler at {address} in {WORKER_WAIT} s; start one with `dask worker {address}`"
        ) from None
    ours = identity()
    fitting = []
    for worker, theirs in sorted(client.run(identity).items()):
        mismatch = differences(theirs, ours)
        if mismatch:
            fix = (
                "the same commit of attention-clips"
                if theirs["versions"] == ours["versions"]
                else "the same versions (pip install -r requirements.lock)"
            )
            refused(
                f"worker {worker} refused, its clips would not be the same bytes: {'; '.join(mismatch)}; "
                f"install {fix} there"
            )
        else:
            fitting.append(worker)
    if not fitting:
        raise ClusterError(f"no worker at {address} has this machine's versions and code (see the lines above)")
    return fitting


class Cluster:
    """A connection to the Dask scheduler at `address`, with the workers that may render.

    Connecting checks the workers first, so a run that cannot use the cluster stops before
    it writes anything. Use as a context manager; it closes the connection on leaving."""

    def __init__(self, address: str, refused: Callable[[str], None] | None = None):
        import sys

        self.address = address
        # distributed logs its reconnection attempts with tracebacks; what matters reaches the
        # user as one line (a ClusterError), so this process keeps only its critical records
        self.client = connect(address)  # (importing distributed sets its loggers' levels: quieten them after)
        for name in ["distributed", *logging.root.manager.loggerDict]:
            if name.startswith("distributed"):
                logging.getLogger(name).setLevel(logging.CRITICAL)
        try:
            self.workers = fitting_workers(
                self.client, address, refused or (lambda line: print(f"render.py: cluster: {line}", file=sys.stderr))
            )
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.client.close(timeout=2)
        except Exception:  # a scheduler already gone: nothing more to tell it
            pass

    def run(self, jobs: list, running_names: Callable[[list], None]) -> Iterator:
        """Yield a `Rendered` for each of `jobs` as a worker finishes it; tell `running_names`
        the (clip, worker) pairs in progress.

        Jobs are handed out as threads free up, not all at once: a scheduler holds a queued job
        on one worker while another may idle, and at the end of a course that idle time is the
        length of a clip."""
        from distributed import as_completed
        from distributed.client import FutureCancelledError

        client, expected = self.client, identity()
        threads = client.nthreads()
        slots = sum(threads.get(worker, 1) for worker in self.workers)
        waiting, futures = list(reversed(jobs)), {}
        queue = as_completed([], loop=client.loop)

        def hand_out():
            while waiting and len(futures) < slots:
                job = waiting.pop()
                recordings = {line: Path(path).read_bytes() for line, path in job.recordings}
                future = client.submit(
                    render_on_worker,
                    job,
                    recordings,
                    expected,
                    key=f"clip-{Path(job.target).stem}-{len(jobs) - len(waiting)}",
                    workers=self.workers,
                    allow_other_workers=False,
                    pure=False,
                )
                futures[future.key] = (future, job)
                queue.add(future)

        hand_out()
        shown = 0.0
        try:
            while futures:
                if not queue.has_ready():
                    check_connected(client, self.address)
                    if time.monotonic() - shown > SHOW_EVERY:
                        running_names(in_progress(client, futures))
                        shown = time.monotonic()
                    time.sleep(POLL)
                    continue
                for future in queue.next_batch(block=False):
                    _, job = futures.pop(future.key)
                    try:
                        rendered = future.result()
                    except (FutureCancelledError, OSError):  # a lost scheduler's jobs are all cancelled
                        raise ClusterError(
                            f"lost the cluster's scheduler at {self.address} mid-run; {RESTART}"
                        ) from None
                    except Exception as error:
                        if type(error).__name__ == "KilledWorker":
                            raise ClusterError(
                                f"the workers rendering {Path(job.target).name} died each time it ran "
                                "(killed, or out of memory?)"
                            ) from None
                        raise
                    hand_out()
                    yield rendered
        finally:
            client.cancel([future for future, _ in futures.values()])


RESTART = "start it again (dask scheduler) with its workers"


def check_connected(client, address: str) -> None:
    if client.status not in ("running", "connecting"):
        raise ClusterError(f"lost the cluster's scheduler at {address} mid-run; {RESTART}")


def in_progress(client, futures: dict) -> list[tuple[str, str]]:
    """(clip, worker) for each job a worker is rendering now."""
    try:
        processing = client.processing()
    except Exception:  # the scheduler is being lost: check_connected says so next time round
        return []
    return [
        (Path(futures[key][1].target).stem, worker)
        for worker, keys in sorted(processing.items())
        for key in keys
        if key in futures
    ]


# -- the checks render.py makes of --cluster before anything renders ------------------------


CLUSTER_ADDRESS = re.compile(r"(tcp|tls)://[A-Za-z0-9.\-\[\]:]+:\d{1,5}")


def check_cluster(request: Request) -> None:
    """--cluster names a scheduler, the extra is installed, and the run renders clips."""
    if not CLUSTER_ADDRESS.fullmatch(request.cluster):
        raise UsageError(
            f"--cluster {request.cluster!r}: give the scheduler's address, like tcp://HOST:8786 "
            "(dask scheduler prints it)"
        )
    if request.preview or request.check_example:
        raise UsageError("--cluster renders clips; --preview and --check-example run here: drop --cluster")
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError(
            "--cluster needs Dask distributed: install it with pip install -e '.[cluster]' (make does)"
        ) from None
