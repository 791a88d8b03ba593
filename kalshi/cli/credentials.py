"""Where the e-mail and password come from: the environment, or a prompt on a terminal.

There is deliberately no password option: a command-line argument lands in the shell history and
in the process list (``ps``) of every user of the machine.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional, TextIO

from kalshi._common.environment import EMAIL_VARIABLE, PASSWORD_VARIABLE
from kalshi.cli.errors import UsageError
from kalshi.cli.terminal import is_terminal

__all__ = ["EMAIL_VARIABLE", "PASSWORD_VARIABLE", "Credentials", "read_credentials"]


@dataclass(frozen=True)
class Credentials:
    """An e-mail and a password, held in memory only; the password never shows in ``repr``."""

    email: str
    password: str = field(repr=False)


def read_credentials(
    email_option: Optional[str],
    environ: Mapping[str, str],
    stdin: Optional[TextIO],
    prompt: Callable[[str], str] = getpass.getpass,
) -> Credentials:
    """The credentials for this run.

    The e-mail is ``--email`` or ``KALSHI_EMAIL``. The password is ``KALSHI_PASSWORD``; when that
    is not set and stdin is a terminal, ``prompt`` asks for it without echo. Anything missing is a
    ``UsageError`` naming the variable to set.
    """
    email = email_option or environ.get(EMAIL_VARIABLE, "")
    if not email:
        raise UsageError(f"no e-mail: set {EMAIL_VARIABLE} or pass --email")
    password = environ.get(PASSWORD_VARIABLE, "")
    if not password:
        if not is_terminal(stdin):
            raise UsageError(
                f"no password: set {PASSWORD_VARIABLE} (there is no password option, and stdin is not "
                "a terminal to ask on)"
            )
        try:
            password = prompt(f"Kalshi password for {email}: ")
        except EOFError:
            password = ""
        if not password:
            raise UsageError(f"no password given: type it at the prompt or set {PASSWORD_VARIABLE}")
    return Credentials(email, password)
