"""Clip jobs in worker processes, through faults: an interrupt stops the workers at once, and
a worker that dies mid-clip (killed, out of memory) has its job run again in a new pool.

Workers ignore SIGINT: a Ctrl-C reaches the whole process group, and only the main process
decides what happens (it terminates the workers, says what finished, and exits 130). On
SIGTERM a worker exits through Python, so its temporary folders are removed. Nothing a
worker half-writes reaches the output: every clip is moved into place whole (clips/files.py).
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

ATTEMPTS = 3  # a job whose pool breaks this many times is given up (it is the job, not bad luck); a broken
# pool fails all its jobs at once, so one death counts against each job that was in it
STOP_WAIT = (
    1.0  # seconds the terminated workers have to clean up (their job's temporary folders) before they are killed
)


class Interrupted(Exception):
    """The run was asked to stop: Ctrl-C (SIGINT, status 130) or SIGTERM (143)."""

    def __init__(self, status: int):
        super().__init__(f"interrupted (status {status})")
        self.status = status


class WorkerDied(Exception):
    """A job's worker died every time it ran it."""


def raise_on_terminate(signum, frame):
    raise Interrupted(143)


SWALLOWED_STOPS = ((KeyboardInterrupt, signal.SIGINT), (Interrupted, signal.SIGTERM))
REDELIVERY_DELAY = 0.02  # seconds: long past the hook's return, too short for anyone to notice


def redeliver_swallowed_stops(unraisable) -> None:
    """For sys.unraisablehook. A signal's exception raised while a finaliser runs (an object's
    `__del__`, a weakref callback) is one Python prints as "Exception ignored" and drops: the
    Ctrl-C is lost and the run goes on. Seen here: a Ctrl-C in tqdm's `__del__` left --watch
    running. The signal is raised again instead, a moment later from a timer's thread (raised
    at once, it would land in this hook, where it is dropped too), once the finaliser and this
    hook are over; the message is not printed."""
    for stop, number in SWALLOWED_STOPS:
        if unraisable.exc_type is not None and issubclass(unraisable.exc_type, stop):
            again = threading.Timer(REDELIVERY_DELAY, signal.raise_signal, args=(number,))
            again.daemon = True
            again.start()
            return
    sys.__unraisablehook__(unraisable)


def worker_start():
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))  # exit through Python: clean up
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past a file-size limit: a write error, not a crash


def stop_workers() -> None:
    """Terminate every worker process of this process, then kill the ones still there."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    deadline = time.monotonic() + STOP_WAIT
    for child in children:  # one deadline for all: they clean up side by side
        child.join(max(0.0, deadline - time.monotonic()))
    for child in children:
        if child.is_alive():  # (a pool worker goes on waiting for work after its job stops)
            child.kill()
            child.join()


def in_workers(jobs: list, workers: int, work: Callable, running_names: Callable[[list], None]) -> Iterator:
    """Yield `work(job)` for each of `jobs` as it finishes, in `workers` processes; tell
    `running_names` the jobs in progress. A job whose worker died runs again in a new pool."""
    context = multiprocessing.get_context("spawn")
    pending, attempts = list(range(len(jobs))), [0] * len(jobs)
    while pending:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker_start)
        try:
            running = {pool.submit(work, jobs[index]): index for index in pending}
            pending = []
            while running:
                running_names([jobs[index] for index in running.values()][:workers])
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    index = running.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:  # a worker died: this pool is gone, its jobs run again
                        attempts[index] += 1
                        if attempts[index] >= ATTEMPTS:
                            raise WorkerDied(jobs[index]) from None
                        pending.append(index)
                        continue
                    yield result
        except BaseException:
            stop_workers()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
