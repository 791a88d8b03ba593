"""Which exchange to talk to, and one log-in session per command (always logged out afterwards)."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Mapping, Optional

from kalshi import DEFAULT_HOST, DEMO_HOST, ApiClient, Configuration
from kalshi._common.environment import HOST_VARIABLE
from kalshi.cli.credentials import Credentials
from kalshi.cli.errors import CliError, UsageError, describe, exit_code_for
from kalshi.cli.redaction import Redactor
from kalshi.exceptions import ApiValueError, OpenApiException
from kalshi.models import LoginResponse

__all__ = ["HOST_VARIABLE", "HostChoice", "build_configuration", "logged_in", "resolve_host"]

_LOG = logging.getLogger("kalshi.cli")


@dataclass(frozen=True)
class HostChoice:
    """The API root to use (None: the SDK's default) and where that choice came from."""

    host: Optional[str]
    source: str


def resolve_host(host_option: Optional[str], demo: bool, environ: Mapping[str, str]) -> HostChoice:
    """``--host`` beats ``--demo``, which beats ``KALSHI_HOST``, which beats the SDK default."""
    if host_option:
        return HostChoice(host_option, "--host")
    if demo:
        return HostChoice(DEMO_HOST, "--demo")
    from_env = environ.get(HOST_VARIABLE, "")
    if from_env:
        return HostChoice(from_env, HOST_VARIABLE)
    return HostChoice(None, "the default")


def build_configuration(choice: HostChoice, timeout: Optional[float]) -> Configuration:
    """A ``Configuration`` for the chosen host; an unusable URL is a ``UsageError``."""
    # The choice is made (from the command's own environ): the library must not read KALSHI_HOST again.
    host = choice.host if choice.host is not None else DEFAULT_HOST
    try:
        if timeout is None:
            return Configuration(host=host)
        return Configuration(host=host, timeout=timeout)
    except ApiValueError as error:
        raise UsageError(f"{choice.source}: {error}") from None


@contextmanager
def logged_in(client: ApiClient, credentials: Credentials, redactor: Redactor) -> Iterator[LoginResponse]:
    """Log in, yield the ``LoginResponse``, and log out at the end whatever happened.

    A failed log-in becomes a ``CliError`` that says so; errors of the final log-out are ignored
    (the session ends on the server anyway when it expires).
    """
    redactor.add(credentials.password)
    _LOG.debug("logging in to %s as %s", client.configuration.host, credentials.email)
    try:
        response = client.login(credentials.email, credentials.password)
    except OpenApiException as error:
        raise CliError(f"log-in failed: {describe(error)}", exit_code_for(error)) from None
    redactor.add(response.token)
    _LOG.debug("logged in: user_id=%s access_level=%s", response.user_id, response.access_level)
    try:
        yield response
    finally:
        _close(client)


def _close(client: ApiClient) -> None:
    """Log out unless the session is already closed (``kalshi logout`` does it itself)."""
    if client.user_id is None:
        return
    try:
        client.logout()
    except OpenApiException as error:
        _LOG.debug("log-out failed (ignored): %s", describe(error))
    else:
        _LOG.debug("logged out")
