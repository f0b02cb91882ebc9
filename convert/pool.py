"""A supervised pool of warm worker processes for batches.

Built on pebble: a worker that crashes or runs past the per-file timeout is
killed and replaced, and only its own file fails (a plain ProcessPoolExecutor
fails every pending file once one worker dies). Workers ignore Ctrl-C; the
parent stops the pool and reports how far it got.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import Any

Task = tuple[str, tuple[Any, ...]]  # (input path, arguments for the work function)


def _warm_worker(formats: tuple[str, ...]) -> None:
    """Import each writer once per worker, so the per-file cost is only the conversion."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from convert import registry

    for name in formats:
        writer = registry.writer_class(name)
        warm = getattr(writer, "warm_up", None)
        if warm is not None:
            warm()


def describe_failure(exc: BaseException, timeout: float | None) -> str:
    from concurrent.futures import TimeoutError as FutureTimeout

    from pebble import ProcessExpired

    if isinstance(exc, FutureTimeout):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, ProcessExpired):
        return f"worker died (exit code {exc.exitcode})"
    return f"worker failed: {type(exc).__name__}: {exc}"


def run_pool(work: Callable[..., Any], tasks: Iterable[Task], jobs: int, formats: tuple[str, ...],
             timeout: float | None, on_done: Callable[[str, Any, BaseException | None], None],
             max_tasks_per_worker: int = 200) -> None:
    """Run `work(*args)` for every task; call `on_done(path, result, error)` as each finishes.

    At most `jobs * 2` tasks are in flight, so a huge folder does not queue
    every file up front and Ctrl-C leaves little to cancel.
    """
    from pebble import ProcessPool

    pending: dict[Future[Any], str] = {}
    task_iter = iter(tasks)
    pool = ProcessPool(max_workers=jobs, max_tasks=max_tasks_per_worker,
                       initializer=_warm_worker, initargs=(formats,))
    try:
        def fill() -> None:
            while len(pending) < jobs * 2:
                try:
                    path, args = next(task_iter)
                except StopIteration:
                    return
                pending[pool.schedule(work, args=args, timeout=timeout)] = path

        fill()
        while pending:
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for future in done:
                path = pending.pop(future)
                try:
                    result, error = future.result(), None
                except BaseException as exc:  # noqa: BLE001 - every failure is reported per file
                    result, error = None, exc
                on_done(path, result, error)
            fill()
    except BaseException:
        for future, path in list(pending.items()):  # finished before the interrupt: keep them
            if future.done() and not future.cancelled() and future.exception() is None:
                on_done(path, future.result(), None)
        pool.stop()
        pool.join(timeout=5)
        raise
    pool.close()
    pool.join()
