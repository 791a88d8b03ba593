"""The state file of a persistent fake exchange: an SQLite database with a journal and a snapshot.

Tables: ``meta`` (the format, the seed, the clock's start and the session-token key),
``journal`` (one pickled command a row, in execution order) and ``snapshot`` (at most one row:
the pickled state after journal entry ``seq``). The journal runs in WAL mode with
``synchronous=NORMAL``: a commit has written the WAL file when it returns, so it survives the
process being killed (a power cut may lose the last commits). ``locking_mode=EXCLUSIVE`` keeps a
second process off a file in use. The file is created readable by its owner only: it holds
passwords and the key of the session tokens.

An existing file is only read until it has been fully checked (``StateFile.open``); a corrupt
file, another program's database or a newer format is refused and left as it was.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path

# The layout of the tables and of their entries; a file with a larger number is refused.
FORMAT = 1
_TABLES = ("meta", "journal", "snapshot")
_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE journal (seq INTEGER PRIMARY KEY, entry BLOB NOT NULL)",
    "CREATE TABLE snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, state BLOB NOT NULL)",
)
# How long opening waits for a lock another process holds before calling the file busy.
_BUSY_TIMEOUT = 2.0


class StateFileError(Exception):
    """A state file that cannot be used: corrupt, not a state file, newer, busy or mismatched."""


class StateFile:
    """One open state file; the caller serializes every call (the exchange's lock)."""

    def __init__(self, path: str, connection: sqlite3.Connection, meta: dict[str, str]) -> None:
        self.path = path
        self._connection = connection
        self.meta = meta

    @classmethod
    def open(cls, path: str, origin: dict[str, str]) -> StateFile:
        """Open ``path``, creating it with ``origin`` (seed, clock start, ...) if it is new or empty.

        An existing file must have been created with the same ``origin``. Raises StateFileError
        without having written anything when the file cannot be used.
        """
        fresh = not os.path.exists(path) or os.path.getsize(path) == 0
        try:
            if not os.path.exists(path):
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            connection = sqlite3.connect(path, timeout=_BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            raise StateFileError(f"cannot open the state file {path}: {error}") from None
        try:
            connection.execute("PRAGMA locking_mode=EXCLUSIVE")
            meta = _create(connection, origin) if fresh else _checked_meta(connection, path, origin)
            connection.execute("PRAGMA synchronous=NORMAL")
        except BaseException:
            connection.close()
            raise
        return cls(path, connection, meta)

    def snapshot(self) -> tuple[int, bytes] | None:
        """Return the newest snapshot as (seq, state), or None."""
        row = self._read("SELECT seq, state FROM snapshot WHERE id = 1").fetchone()
        return None if row is None else (int(row[0]), bytes(row[1]))

    def entries(self, after: int) -> Iterator[tuple[int, bytes]]:
        """Yield the journal entries with ``seq > after`` as (seq, entry), oldest first."""
        cursor = self._read("SELECT seq, entry FROM journal WHERE seq > ? ORDER BY seq", (after,))
        while True:
            try:
                rows = cursor.fetchmany(1000)
            except sqlite3.DatabaseError as error:
                raise StateFileError(f"the state file {self.path} is corrupt: {error}") from None
            if not rows:
                return
            for seq, entry in rows:
                yield int(seq), bytes(entry)

    def append(self, seq: int, entry: bytes) -> None:
        """Commit journal entry ``seq`` (one more than the last, snapshot included); durable on return."""
        self._connection.execute("INSERT INTO journal (seq, entry) VALUES (?, ?)", (seq, entry))

    def replace_snapshot(self, seq: int, state: bytes) -> None:
        """In one transaction: keep ``state`` as the snapshot after ``seq`` and drop the entries it covers."""
        with self._transaction():
            self._connection.execute("INSERT OR REPLACE INTO snapshot (id, seq, state) VALUES (1, ?, ?)", (seq, state))
            self._connection.execute("DELETE FROM journal WHERE seq <= ?", (seq,))

    def close(self) -> None:
        """Close the file (its lock is released)."""
        self._connection.close()

    def _read(self, sql: str, parameters: tuple[int, ...] = ()) -> sqlite3.Cursor:
        try:
            return self._connection.execute(sql, parameters)
        except sqlite3.DatabaseError as error:
            raise StateFileError(f"the state file {self.path} is corrupt: {error}") from None

    def _transaction(self) -> _Transaction:
        return _Transaction(self._connection)


def stored_seed(path: str) -> int | None:
    """Return the seed an existing state file was created with, reading it without any change.

    None when the file is new, or cannot be read (opening it for real then says why).
    """
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    try:
        connection = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=_BUSY_TIMEOUT)
        try:
            row = connection.execute("SELECT value FROM meta WHERE key = 'seed'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return int(row[0]) if row is not None and str(row[0]).lstrip("-").isdigit() else None


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def __enter__(self) -> None:
        self._connection.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self._connection.execute("COMMIT" if exc_type is None else "ROLLBACK")


def _create(connection: sqlite3.Connection, origin: dict[str, str]) -> dict[str, str]:
    """Lay out a new state file and return its meta."""
    meta = {"format": str(FORMAT), "token_key": secrets.token_hex(32), **origin}
    connection.execute("PRAGMA journal_mode=WAL")
    with _Transaction(connection):
        for statement in _SCHEMA:
            connection.execute(statement)
        connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", sorted(meta.items()))
    return meta


def _checked_meta(connection: sqlite3.Connection, path: str, origin: dict[str, str]) -> dict[str, str]:
    """Read and check an existing file's meta, writing nothing; raise StateFileError if unusable."""
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not set(_TABLES) <= tables:
            raise StateFileError(f"{path} is not a kalshi state file (it has no {', '.join(_TABLES)} tables)")
        meta = {str(key): str(value) for key, value in connection.execute("SELECT key, value FROM meta")}
        check = connection.execute("PRAGMA quick_check").fetchone()
    except sqlite3.OperationalError as error:
        if "locked" in str(error):
            raise StateFileError(f"the state file {path} is in use by another process") from None
        raise StateFileError(f"{path} is not a usable kalshi state file: {error}") from None
    except sqlite3.DatabaseError as error:
        raise StateFileError(f"{path} is not a kalshi state file, or it is corrupt: {error}") from None
    if check is None or check[0] != "ok":
        raise StateFileError(f"the state file {path} is corrupt: {check[0] if check else 'no integrity report'}")
    written = meta.get("format", "")
    if not written.isdigit():
        raise StateFileError(f"{path} is not a kalshi state file (no format number)")
    if int(written) > FORMAT:
        raise StateFileError(
            f"the state file {path} has format {written}, newer than this kalshi reads (format {FORMAT}): "
            "use a newer kalshi. The file was left as it is."
        )
    for key, value in origin.items():
        if key in meta and meta[key] != value:
            raise StateFileError(f"the state file {path} was created with {key} {meta[key]}, not {value}")
    return meta
