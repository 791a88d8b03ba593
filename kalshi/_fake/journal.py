"""The command journal: what makes a FakeKalshiServer with a state file lose nothing it acknowledged.

The engine is deterministic: ids come from the seeded generator, timestamps from the simulated
clock, session tokens from a key kept in the state file. So the state is a function of the
commands the exchange ran, in order. Each state-changing command (a set-up API call, a
POST/PUT/DELETE/PATCH request, a clock advance) runs under the exchange's lock and is committed
to the journal before the lock is released and before its answer leaves, together with its
outcome (the HTTP status, or whether the call raised), so a replay that went another way is
detected. Commands that run inside another one (a set-up method calling another) are part of it.

Replay starts from a freshly constructed exchange (same seed, same clock start), loads the
snapshot if there is one and runs the entries after it. A new snapshot replaces the old one and
the entries it covers when the entries since the last one outweigh it (and ``_SNAPSHOT_MIN_BYTES``),
and when the exchange stops. So a snapshot costs about as much per command as journaling it,
and a restart replays at most a snapshot's worth of entries.
"""

from __future__ import annotations

import functools
import inspect
import threading
import traceback
from collections.abc import Callable, Collection
from typing import Any

from . import snapshot
from .recorded import RecordedRequest, recorded_request
from .responses import Response
from .state_file import StateFile, StateFileError

_SNAPSHOT_MIN_BYTES = 1_000_000
# HTTP methods that never change the exchange: their requests are not journaled.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

Roots = Callable[[], "dict[str, object]"]


class Journal:
    """Runs and records the state-changing commands of one exchange in its state file."""

    def __init__(
        self, state: StateFile, lock: threading.RLock, roots: Roots, note_error: Callable[[str], None]
    ) -> None:
        self._state = state
        self._lock = lock
        self._roots = roots
        self._note_error = note_error  # a failed snapshot is reported here: the journal still has it all
        self._depth = 0  # > 0 inside a command (or a replay): nested commands are not journaled
        self._since_snapshot = 0  # entries
        self._journal_bytes = 0  # their size
        self._snapshot_size = 0
        self._last_seq = 0
        self._broken: str | None = None  # why the journal stopped, once a write failed

    @property
    def path(self) -> str:
        """The state file's path."""
        return self._state.path

    # -- live commands -------------------------------------------------------

    def run_call(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any], execute: Callable[[], Any]) -> Any:
        """Run the set-up call ``name(*args, **kwargs)`` via ``execute`` and journal it."""
        with self._lock:
            if self._depth:
                return execute()
            self._check_open()
            try:
                # Encoded before the call runs, which may change what it was given.
                call = self._encode((name, args, kwargs))
            except Exception as error:  # noqa: BLE001 - anything pickle refuses
                raise TypeError(f"{name}: arguments that cannot be saved in the state file: {error}") from None
            self._depth += 1
            failed = True
            try:
                result = execute()
                failed = False
                return result
            finally:
                self._depth -= 1
                self._commit(("call", call, failed))

    def run_request(self, request: RecordedRequest, handle: Callable[[RecordedRequest], Response]) -> Response:
        """Answer a state-changing ``request`` via ``handle`` and journal it before returning."""
        with self._lock:
            self._check_open()
            self._depth += 1
            try:
                response = handle(request)
            finally:
                self._depth -= 1
            headers = tuple(request.headers.items())
            self._commit(("http", request.method, request.raw_path, request.raw_query, headers, request.body,
                          response.status))
            return response

    # -- replay, snapshots, closing -------------------------------------------

    def replay(self, call: Callable[[str, tuple[Any, ...], dict[str, Any]], Any],
               handle: Callable[[RecordedRequest], Response]) -> int:
        """Load the snapshot and replay the entries after it; return how many were replayed."""
        with self._lock:
            self._depth += 1
            try:
                return self._replay(call, handle)
            finally:
                self._depth -= 1

    def close(self) -> None:
        """Snapshot what the journal holds since the last snapshot, then close the file."""
        with self._lock:
            if self._broken == "closed":
                return
            if self._broken is None and self._since_snapshot:
                self._try_snapshot()
            self._broken = "closed"
            self._state.close()

    def _replay(self, call: Callable[[str, tuple[Any, ...], dict[str, Any]], Any],
                handle: Callable[[RecordedRequest], Response]) -> int:
        stored = self._state.snapshot()
        if stored is not None:
            self._last_seq, state = stored
            self._snapshot_size = len(state)
            try:
                snapshot.restore_roots(state, self._roots(), self._lock)
            except snapshot.SnapshotError as error:
                raise StateFileError(f"the snapshot of {self.path} does not load: {error}") from None
        replayed = 0
        for seq, data in self._state.entries(self._last_seq):
            entry = self._decode(seq, data)
            self._journal_bytes += len(data)
            if entry[0] == "call":
                _, encoded, expected = entry
                name, args, kwargs = self._decode_call(seq, encoded)
                outcome: object = _failed(call, name, args, kwargs)
            else:
                _, method, raw_path, raw_query, headers, body, status = entry
                outcome = handle(recorded_request(method, raw_path, raw_query, list(headers), body)).status
                expected = status
            if outcome != expected:
                raise StateFileError(
                    f"the journal of {self.path} does not replay: entry {seq} ({entry[0]}) "
                    f"went {outcome!r} instead of {expected!r}. The file was left as it is."
                )
            self._last_seq = seq
            replayed += 1
        self._since_snapshot = replayed
        return replayed

    def _check_open(self) -> None:
        if self._broken is not None:
            raise RuntimeError(f"the state file {self.path} is {self._broken}: no more changes are accepted")

    def _commit(self, entry: tuple[Any, ...]) -> None:
        """Append ``entry``; snapshot when due. A failed write stops all further changes."""
        try:
            data = self._encode(entry)
            self._state.append(self._last_seq + 1, data)
        except Exception as error:
            # The change is in memory but not on disk: accepting more would build on a lost change.
            self._broken = f"unwritable ({type(error).__name__}: {error})"
            raise
        self._last_seq += 1
        self._since_snapshot += 1
        self._journal_bytes += len(data)
        if self._journal_bytes >= max(_SNAPSHOT_MIN_BYTES, self._snapshot_size):
            self._try_snapshot()

    def _try_snapshot(self) -> None:
        """Snapshot; if that fails, report it and carry on with a longer journal (nothing is lost)."""
        try:
            state = snapshot.save_roots(self._roots(), self._lock)
            self._state.replace_snapshot(self._last_seq, state)
        except Exception:  # noqa: BLE001 - reported; the journal still holds every command
            self._note_error(traceback.format_exc())
            self._snapshot_size = 2 * self._journal_bytes  # try again once the journal has doubled
            return
        self._snapshot_size = len(state)
        self._since_snapshot = 0
        self._journal_bytes = 0

    def _encode(self, entry: tuple[Any, ...]) -> bytes:
        return snapshot.dumps(entry, self._roots(), self._lock)

    def _decode(self, seq: int, data: bytes) -> tuple[Any, ...]:
        entry = self._decode_value(seq, data)
        if not isinstance(entry, tuple) or (entry[:1], len(entry)) not in ((("call",), 3), (("http",), 7)):
            raise StateFileError(f"journal entry {seq} of {self.path} is not a command")
        return entry

    def _decode_value(self, seq: int, data: bytes) -> Any:
        try:
            return snapshot.loads(data, self._roots(), self._lock)
        except snapshot.SnapshotError as error:
            raise StateFileError(f"journal entry {seq} of {self.path} does not load: {error}") from None

    def _decode_call(self, seq: int, data: bytes) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
        call = self._decode_value(seq, data)
        if not (isinstance(call, tuple) and len(call) == 3 and isinstance(call[0], str)
                and isinstance(call[1], tuple) and isinstance(call[2], dict)):
            raise StateFileError(f"journal entry {seq} of {self.path} is not a set-up call")
        return call


def journaled(cls: type, reads: Collection[str]) -> None:
    """Make every public method of ``cls`` except ``reads`` a journaled command.

    Set-up methods added later are journaled with no code of their own: only a method known to
    change nothing is left out. The instance's ``_journal`` (None without a state file) runs it.
    """
    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and name not in reads and inspect.isfunction(member):
            setattr(cls, name, _journaled(name, member))


def _journaled(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def command(self: Any, *args: Any, **kwargs: Any) -> Any:
        journal: Journal | None = self._journal
        if journal is None:
            return method(self, *args, **kwargs)
        return journal.run_call(name, args, kwargs, lambda: method(self, *args, **kwargs))

    return command


def _failed(call: Callable[[str, tuple[Any, ...], dict[str, Any]], Any], name: str,
            args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """Replay one set-up call; tell whether it raised (as it may have the first time)."""
    try:
        call(name, args, kwargs)
    except Exception:  # noqa: BLE001 - the journal records that the original call raised too
        return True
    return False
