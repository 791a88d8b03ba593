"""Exit codes, the errors the CLI reports itself, and one-line descriptions of SDK exceptions."""

from __future__ import annotations

from kalshi.exceptions import ApiException, ApiValueError, OpenApiException

__all__ = [
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "CliError",
    "UsageError",
    "describe",
    "exit_code_for",
]

EXIT_OK = 0
EXIT_ERROR = 1  # the API answered with an error, or it could not be reached
EXIT_USAGE = 2  # bad arguments, missing credentials (argparse uses 2 as well)
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class CliError(Exception):
    """A failure already worded for the user: print ``message`` and exit with ``exit_code``."""

    def __init__(self, message: str, exit_code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class UsageError(CliError):
    """The command line or the environment is wrong (exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, EXIT_USAGE)


def describe(error: OpenApiException) -> str:
    """One line for an SDK exception: ``(404) Not Found: notification not found``.

    The API's JSONError ``message`` is preferred; otherwise the exception's own one-line ``str``
    (which the SDK guarantees holds no key, token or password).
    """
    if isinstance(error, ApiException) and error.message:
        status = f"({error.status})" if error.status is not None else "(no status)"
        reason = f" {error.reason}" if error.reason else ""
        return f"{status}{reason}: {error.message}"
    return str(error) or type(error).__name__


def exit_code_for(error: OpenApiException) -> int:
    """2 for an argument the SDK refused before sending anything, else 1."""
    return EXIT_USAGE if isinstance(error, ApiValueError) else EXIT_ERROR
