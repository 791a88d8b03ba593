"""``kalshi``: the command-line interface of the SDK (also ``python -m kalshi``).

``main(argv)`` parses the command line, runs one command in its own log-in session and returns
the exit code: 0 success, 1 API or connection error, 2 usage error, 130 interrupted. A reader
that closes the pipe early (``kalshi demo | head -1``) ends the command quietly with 0. The
password and the session token are never printed or logged, not even with ``-v``.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Optional, Sequence

from kalshi.cli.errors import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    UsageError,
    describe,
    exit_code_for,
)
from kalshi.cli.redaction import Redactor
from kalshi.exceptions import OpenApiException

__all__ = ["main"]


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the ``kalshi`` command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    redactor = Redactor()
    try:
        code = _run(args, redactor)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's flush at exit
        return code
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except CliError as error:
        _error(redactor.scrub(error.message))
        return error.exit_code
    except OpenApiException as error:
        _error(redactor.scrub(describe(error)))
        return exit_code_for(error)
    except BrokenPipeError:
        # The reader (`head`, a pager) has all it wants: stop quietly, as `git log | head` does.
        _silence_stdout()
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last resort: a bug, reported without secrets
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        sys.stderr.write(redactor.scrub(text))
        _error(f"unexpected {type(error).__name__} (a bug in kalshi; secrets were removed from the traceback)")
        return EXIT_ERROR


def _run(argv: list[str], redactor: Redactor) -> int:
    from kalshi.cli.parser import build_parser, global_options

    _refuse_password_option(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help, --version, or argparse's own usage error
        return done.code if isinstance(done.code, int) else (EXIT_OK if done.code is None else EXIT_USAGE)

    from kalshi.cli.verbose import debug_logging

    options = global_options(args)
    if args.command == "demo":
        from kalshi.cli.demo import run

        with debug_logging(options.verbose, redactor):
            return run()
    if args.command == "serve":
        from kalshi._fake.serve import serve

        return serve(
            sys.stdout, sys.stderr, host=args.listen_host, port=args.port, seed=args.seed, state=args.state,
            speed=args.speed,
        )

    import kalshi
    from kalshi.cli import output
    from kalshi.cli.commands import COMMANDS, Context
    from kalshi.cli.credentials import read_credentials
    from kalshi.cli.progress import Progress
    from kalshi.cli.session import build_configuration, logged_in, resolve_host
    from kalshi.cli.views import TABLES

    command = COMMANDS[args.command]
    # With -v the request log already shows each page, and a progress line would garble it.
    progress = Progress(sys.stderr, enabled=not options.verbose)
    with debug_logging(options.verbose, redactor):
        configuration = build_configuration(resolve_host(options.host, options.demo, os.environ), options.timeout)
        credentials = read_credentials(options.email, os.environ, sys.stdin)
        # One session for the command: logged_in opens it on the client's ApiClient, which the
        # Kalshi client then uses (it logs in only when no session is open).
        trader = kalshi.Kalshi(credentials.email, credentials.password, configuration=configuration)
        with trader, logged_in(trader.api_client, credentials, redactor) as login:
            result = command(Context(args, trader, login, progress))
    output.write(sys.stdout, result, options.table, TABLES.get(args.command))
    return EXIT_OK


def _refuse_password_option(argv: Sequence[str]) -> None:
    """Reject ``--password`` without echoing its value (argparse would print it back)."""
    for arg in argv:
        if arg == "--":
            return
        if arg.startswith("--pass"):
            raise UsageError(
                "there is no password option (it would land in shell history and `ps`): "
                "set KALSHI_PASSWORD, or leave it unset to be asked on a terminal"
            )


def _error(message: str) -> None:
    sys.stderr.write(f"error: {message}\n")
    sys.stderr.flush()


def _silence_stdout() -> None:
    # Python would complain again at exit while flushing the broken stdout; point it at devnull.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
