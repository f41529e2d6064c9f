"""Worker processes for reading reports and validating: how many, how they start and stop.

Both pools start their workers fresh ("spawn", so nothing of the parent's open store is
inherited) and run the same start-up: a worker ignores Ctrl-C, which the whole terminal's
process group receives (the parent alone decides to stop, and waits for the work in hand),
and leaves on its own when its parent dies without closing the pool (kill -9), instead of
waiting for work forever.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

#: Seconds between a worker's checks that the process it works for is still there.
PARENT_CHECK_S = 0.5


def default_jobs() -> int:
    """How many worker processes to use by default: the cores this process may use."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counted is not None:
        return max(1, counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _start(parent: int, initializer: Callable | None, initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_leave_with, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _leave_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def pool(workers: int, initializer: Callable | None = None, initargs: tuple = ()):
    """A process pool of ``workers`` fresh processes, each run through ``initializer`` first.

    Shut it down with ``shutdown(wait=True, cancel_futures=True)`` (a ``with`` block does
    not cancel what has not started). The calling script needs the usual
    ``if __name__ == "__main__":`` guard, as for any spawned process.
    """
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(os.getpid(), initializer, initargs),
    )
