"""A fixed set of worker processes, a bounded queue in front of them, and the time limit.

``submit`` admits at most ``workers + queue`` queries at once and answers the rest at once with
"busy"; an admitted query waits for a free worker (at most ``timeout_s``), then gets
``timeout_s`` to be checked, run and written. A worker that overruns is killed (an Oxigraph
query cannot be interrupted any other way) and replaced in the background.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from dataclasses import dataclass
from queue import Empty, SimpleQueue

from cislib.errors import StoreError
from cislib.serve.worker import Answer, Job, worker_main

logger = logging.getLogger(__name__)

#: How long a new worker may take to open the store before it counts as failed.
START_TIMEOUT_S = 60.0


class Unavailable(Exception):
    """The pool cannot answer: busy, over time, out of memory, or its workers cannot start.

    Attributes:
        retry_after: seconds after which trying again may succeed, or None when the same
            query would fail the same way.
    """

    def __init__(self, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(eq=False)  # identity, so that workers can be kept in a set
class _Worker:
    process: multiprocessing.Process
    connection: object

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


def _context():
    # A forkserver forks workers from a clean single-threaded process that has imported the
    # worker module once, so a worker starts in milliseconds and never inherits the server's
    # threads or sockets (plain fork from a threaded server is unsafe). "__main__" is preloaded
    # too: otherwise every worker would import the main script again (the ``cislib`` console
    # script imports the whole command line).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", "cislib.serve.worker"])
    return context


class WorkerPool:
    """Worker processes over one read-only store.

    Example:
        >>> pool = WorkerPool("cislib-store", workers=2, queue=8, timeout_s=10)  # doctest: +SKIP
        >>> pool.submit(Job("ASK { ?s ?p ?o }")).status  # doctest: +SKIP
        200
    """

    def __init__(
        self,
        store_path: str,
        *,
        workers: int = 2,
        queue: int = 8,
        timeout_s: float = 10,
        memory_mb: int | None = 2048,
        isolate: bool = True,
    ):
        """Start ``workers`` processes and wait until each has opened the store.

        Args:
            store_path: the store folder.
            workers: how many queries run at once.
            queue: how many more may wait for a worker.
            timeout_s: the time limit of one query (and of the wait for a worker).
            memory_mb: the address space of each worker, or None for no limit.
            isolate: put workers in an empty network namespace where the system allows it.

        Raises:
            StoreError: a worker could not open the store (the message says why).
        """
        if workers < 1 or queue < 0 or timeout_s <= 0:
            raise ValueError("workers must be >= 1, queue >= 0 and timeout_s > 0")
        self.store_path = str(store_path)
        self.workers = workers
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.isolate = isolate
        self.isolated = False
        self._context = _context()
        self._admission = threading.BoundedSemaphore(workers + queue)
        self._idle: SimpleQueue[_Worker] = SimpleQueue()
        self._closed = threading.Event()
        self._last_error = ""
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        started = []
        try:
            for _ in range(workers):
                started.append(self._start())
        except StoreError:
            for worker in started:
                worker.kill()
            raise
        for worker in started:
            self._idle.put(worker)

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=worker_main,
            args=(child, self.store_path, self.isolate, self.memory_mb),
            daemon=True,
            name="cislib-query",
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        if not parent.poll(START_TIMEOUT_S):
            worker.kill()
            raise StoreError(f"a query worker did not open the store at {self.store_path}")
        try:
            status, detail = parent.recv()
        except (EOFError, OSError):
            worker.kill()
            raise StoreError("a query worker stopped while opening the store") from None
        if status != "ready":
            worker.kill()
            raise StoreError(detail)
        self.isolated = bool(detail)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start another in the background (retrying while the store is
        unavailable, e.g. while another cislib process writes to it)."""
        with self._lock:
            self._all.discard(worker)
        worker.kill()

        def start() -> None:
            delay = 0.5
            while not self._closed.is_set():
                try:
                    new = self._start()
                except StoreError as exc:
                    self._last_error = str(exc)
                    logger.warning("cannot start a query worker: %s", exc)
                    self._closed.wait(delay)
                    delay = min(delay * 2, 10)
                    continue
                self._last_error = ""
                if self._closed.is_set():
                    new.kill()
                else:
                    self._idle.put(new)
                return

        threading.Thread(target=start, daemon=True, name="cislib-respawn").start()

    def submit(self, job: Job) -> Answer:
        """Run one job on a free worker within the time limit.

        Args:
            job: the query and how to answer it.

        Returns:
            The worker's answer (which may itself be an error answer such as a 403).

        Raises:
            Unavailable: the queue is full, no worker became free in time, or the query ran
                over the time limit (its worker was killed).
        """
        if self._closed.is_set():
            raise Unavailable("the server is shutting down", retry_after=5)
        if not self._admission.acquire(blocking=False):
            raise Unavailable(
                "the server is busy: every worker is running a query and the queue is full; "
                "try again in a few seconds",
                retry_after=5,
            )
        try:
            try:
                worker = self._idle.get(timeout=self.timeout_s)
            except Empty:
                reason = f" ({self._last_error})" if self._last_error else ""
                raise Unavailable(
                    f"the server is busy: no worker became free within {self.timeout_s:g} s"
                    f"{reason}; try again later",
                    retry_after=5,
                ) from None
            return self._run(worker, job)
        finally:
            self._admission.release()

    def _run(self, worker: _Worker, job: Job) -> Answer:
        started = time.monotonic()
        try:
            worker.connection.send(job)
            if worker.connection.poll(self.timeout_s):
                answer = worker.connection.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError):
            self._replace(worker)
            # With a memory limit set, running out of it is by far the likeliest cause.
            cause = (
                f"most likely it needed more than the memory allowance of {self.memory_mb} MB "
                "a query has on this endpoint"
                if self.memory_mb
                else "it may have run out of memory"
            )
            raise Unavailable(
                f"the query was stopped: its worker process ended ({cause}). "
                "Narrow the query and try again"
            ) from None
        self._replace(worker)
        elapsed = time.monotonic() - started
        logger.warning("query stopped after %.1f s", elapsed)
        raise Unavailable(
            f"the query was stopped: it ran longer than the {self.timeout_s:g} s limit of this "
            "endpoint. Narrow it (more specific patterns, LIMIT) and try again"
        )

    def close(self) -> None:
        """Stop every worker."""
        self._closed.set()
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            try:
                worker.connection.send(None)
            except OSError:
                pass
        for worker in workers:
            worker.process.join(1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1)
            worker.connection.close()
