"""``async_req=True`` support: a lazily created thread pool and the handle it returns."""

from __future__ import annotations

import os
from _thread import allocate_lock  # threading's Lock, without importing threading
from typing import TYPE_CHECKING, Any, Callable, Generic, Optional, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

__all__ = ["AsyncResult", "LazyPool"]

T = TypeVar("T")


class AsyncResult(Generic[T]):
    """The pending result of a call made with ``async_req=True``; ``.get()`` waits for it."""

    __slots__ = ("_future",)

    def __init__(self, future: Future[T]) -> None:
        self._future = future

    def get(self, timeout: Optional[float] = None) -> T:
        """The call's result, or its exception raised here; waits at most ``timeout`` seconds."""
        return self._future.result(timeout)

    def wait(self, timeout: Optional[float] = None) -> None:
        """Wait until the call has finished (or ``timeout`` passes)."""
        self._future.exception(timeout)

    def ready(self) -> bool:
        return self._future.done()

    def successful(self) -> bool:
        """Whether the call finished without raising; ``ValueError`` if it has not finished."""
        if not self._future.done():
            raise ValueError("the call has not finished yet")
        return self._future.exception() is None

    def __repr__(self) -> str:
        return f"<AsyncResult {'done' if self._future.done() else 'pending'}>"


class LazyPool:
    """A thread pool created on first use and shut down by ``close()``."""

    def __init__(self, threads: int) -> None:
        self._threads = threads
        self._lock = allocate_lock()
        self._executor: Optional[ThreadPoolExecutor] = None
        self._pid = os.getpid()

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> AsyncResult[T]:
        with self._lock:
            if self._pid != os.getpid():
                # A forked child has none of the parent's worker threads: start over.
                self._executor, self._pid = None, os.getpid()
            if self._executor is None:
                from concurrent.futures import ThreadPoolExecutor  # only once async_req is used

                self._executor = ThreadPoolExecutor(self._threads, thread_name_prefix="kalshi-async")
            return AsyncResult(self._executor.submit(fn, *args, **kwargs))

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
