"""Ends a wait on a socket when the call's deadline passes.

Inside ``http.client`` every receive gets the full socket timeout: a server dripping the status
line, the headers or a body of known length (read in one call, see ``kalshi._transport.body``) one
byte at a time could outlast any deadline. While a connection waits there, its socket is listed
here with the deadline; one daemon thread per process looks at the list a few times a second and
shuts down any socket whose deadline passed, which ends the wait at once. Listing and unlisting are
a dict store and pop: no lock, no wake-up.
"""

from __future__ import annotations

import os
import socket
import threading
from time import monotonic
from typing import Optional

__all__ = ["CHECK_INTERVAL", "current_deadline", "set_current_deadline", "unwatch", "watch"]

# How often the thread looks: the most a header wait can outlast the deadline.
CHECK_INTERVAL = 0.1

_waiting: dict[int, tuple[float, socket.socket]] = {}
_local = threading.local()
_started = False  # whether this process has its thread (a forked child has none: see below)
_start_lock = threading.Lock()


def set_current_deadline(expires: Optional[float]) -> None:
    """The ``monotonic()`` time at which this thread's current attempt must end (None: no deadline)."""
    _local.expires = expires


def current_deadline() -> Optional[float]:
    expires: Optional[float] = getattr(_local, "expires", None)
    return expires


def watch(sock: Optional[socket.socket]) -> Optional[int]:
    """List ``sock`` until ``unwatch``; returns the key, or None when there is nothing to watch."""
    expires = current_deadline()
    if expires is None or sock is None:
        return None
    if not _started:
        _start()
    key = id(sock)
    _waiting[key] = (expires, sock)
    return key


def unwatch(key: Optional[int]) -> None:
    if key is not None:
        _waiting.pop(key, None)


def _start() -> None:
    global _started
    with _start_lock:
        if not _started:
            threading.Thread(target=_run, name="kalshi-deadline-watchdog", daemon=True).start()
            _started = True


def _forked() -> None:
    # A forked child has no threads: it starts one of its own on first use. The parent's waits are
    # not the child's to end (shutting a shared socket down would break the parent's call), and
    # the lock may have been held by a thread that does not exist here.
    global _started, _start_lock
    _started = False
    _start_lock = threading.Lock()
    _waiting.clear()


if hasattr(os, "register_at_fork"):  # POSIX; elsewhere there is no fork()
    os.register_at_fork(after_in_child=_forked)


def _run() -> None:
    while True:
        threading.Event().wait(CHECK_INTERVAL)
        now = monotonic()
        for key, (expires, sock) in list(_waiting.items()):
            if expires <= now and _waiting.pop(key, None) is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed: nothing is waiting on it any more
