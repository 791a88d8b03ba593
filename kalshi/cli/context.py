"""What a command gets (its arguments, the client, the log-in, a progress line) and what it returns (plain data)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import Any, Dict, List, Union

from kalshi import AccountApi, ApiClient, Kalshi
from kalshi.cli.names import Names
from kalshi.cli.progress import Progress
from kalshi.models import LoginResponse

__all__ = ["Context", "Result"]

# A command returns a dict (one object) or a list of dicts (records); it never prints.
Result = Union[Dict[str, Any], List[Dict[str, Any]]]


@dataclass(frozen=True)
class Context:
    """One command's run: its arguments, the trader's client (the trading commands use it), the
    log-in that opened its session, the progress line of commands that fetch page after page, and
    how its table (and its errors) name markets and ids."""

    args: argparse.Namespace
    trader: Kalshi
    login: LoginResponse
    progress: Progress
    names: Names

    @property
    def client(self) -> ApiClient:
        """The ``ApiClient`` under ``trader``, for the generated API classes (same session)."""
        return self.trader.api_client

    @property
    def user_id(self) -> str:
        return self.login.user_id

    @property
    def account(self) -> AccountApi:
        return AccountApi(self.client)
