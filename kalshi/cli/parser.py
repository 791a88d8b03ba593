"""The command line: subcommands, their options, help texts and value checks (argparse)."""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass
from typing import Any, Collection, Dict, FrozenSet, List, Mapping, NoReturn, Optional, Sequence, Tuple

from kalshi._common.constants import SUBSCRIPTION_LEVELS
from kalshi._operations.account import USER_GET_NOTIFICATIONS
from kalshi._version import __version__

__all__ = ["GLOBAL_OPTIONS", "GlobalOptions", "build_parser", "global_options"]

# The spec's limit, as the SDK checks it before sending.
MAX_PAGE_SIZE: int = next(p.maximum for p in USER_GET_NOTIFICATIONS.params if p.name == "page_size" and p.maximum)
HISTORY_KINDS = ("deposits", "withdrawals", "orders", "settlements", "trades")
MAX_PRICE = 99  # cents: a binary contract trades from 1 to 99
ORDER_STATUSES = ("resting", "canceled", "executed")

_ORDER_NOTE = """\
The order is sent at most once: a create is never retried, not even after a timeout or a reset
connection, because the v1 API has no idempotency key and a retry could place it twice. After a
connection error you cannot know whether it landed: run `kalshi orders --status resting` (or
`kalshi orders --market MARKET`) to check before placing it again.

"""

_DESCRIPTION = """\
Command-line client for Kalshi's v1 trading API: markets and order books, orders, positions,
balance, fills, portfolio, account history, notifications and e-mail preferences. Every command
logs in with KALSHI_EMAIL / KALSHI_PASSWORD, does its call(s) and logs out again; nothing is
written to disk. Output is JSON unless --table is given.
"""

_EPILOG = """\
credentials:
  KALSHI_EMAIL      your e-mail (or --email)
  KALSHI_PASSWORD   your password; there is no password option. When it is not set and stdin
                    is a terminal, kalshi asks for it without echo.
  KALSHI_HOST       the API root, unless --host or --demo is given

global options go before or after the command; one that a command does not use is refused
(demo takes only -v). Commands that fetch page after page (notifications --all, orders, fills)
show "page N, M entries" on stderr while they run, when stderr is a terminal.

exit codes: 0 success (also when a reader such as `head` closes the pipe early), 1 API or
connection error, 2 usage error, 130 interrupted

examples:
  kalshi demo                          offline tour against an embedded fake exchange
  kalshi --demo login                  check your credentials on the demo exchange
  kalshi --table markets
  kalshi order FED-21DEC-HIKE --yes --price 40 --count 10
  kalshi history --trades --limit 20
  kalshi --table notifications --all
"""


# Each global option (by its dest) and its spellings on the command line.
GLOBAL_OPTIONS: Mapping[str, Tuple[str, ...]] = {
    "host": ("--host",),
    "demo": ("--demo",),
    "email": ("--email",),
    "table": ("--table",),
    "timeout": ("--timeout",),
    "verbose": ("-v", "--verbose"),
}
_EVERY_GLOBAL_OPTION = frozenset(GLOBAL_OPTIONS)
_GLOBAL_SPELLINGS: Mapping[str, str] = {spelling: dest for dest, all_ in GLOBAL_OPTIONS.items() for spelling in all_}


@dataclass(frozen=True)
class _Command:
    name: str
    summary: str  # one line, shown in the top-level help and as the description
    examples: tuple[str, ...]
    # The global options this command uses; any other one is refused rather than ignored.
    options: FrozenSet[str] = _EVERY_GLOBAL_OPTION
    not_used_because: str = ""  # why the other global options do not apply (for the error)


_COMMANDS = {
    c.name: c
    for c in (
        _Command(
            "login",
            "Check the credentials: log in, print user_id and access_level, log out.",
            ("kalshi login", "kalshi --demo login"),
        ),
        _Command(
            "logout",
            "Check that a session can be opened and closed (log in, then log out).",
            ("kalshi logout",),
        ),
        _Command(
            "history",
            "Print the account history (deposits, withdrawals, orders, settlements, trades), newest first.",
            (
                "kalshi history --limit 10",
                "kalshi history --trades --settlements",
                "kalshi --table history --no-orders",
            ),
        ),
        _Command(
            "notifications",
            "Print notifications: one page, or every page with --all.",
            (
                "kalshi notifications",
                "kalshi notifications --page-size 10 --page 2",
                "kalshi --table notifications --all",
            ),
        ),
        _Command(
            "mark-read",
            "Mark one notification as read.",
            ("kalshi mark-read 4fca81bf-975f-425d-9a68-c797b30c5e0a",),
        ),
        _Command(
            "preferences",
            "Print the e-mail subscription level.",
            ("kalshi preferences",),
        ),
        _Command(
            "subscribe",
            "Set the e-mail subscription level: none, basic or all.",
            ("kalshi subscribe basic",),
        ),
        _Command(
            "markets",
            "List the markets with their yes bid and ask, last price and volume.",
            ("kalshi markets", "kalshi --table markets --status active"),
        ),
        _Command(
            "market",
            "Show one market, by ticker or id.",
            ("kalshi market FED-21DEC-HIKE", "kalshi --table market FED-21DEC-HIKE"),
        ),
        _Command(
            "book",
            "Show a market's order book: the resting bids for yes and for no, best first.",
            ("kalshi book FED-21DEC-HIKE", "kalshi --table book FED-21DEC-HIKE"),
        ),
        _Command(
            "order",
            "Place an order: buy --yes or --no contracts at --price cents (sent once, never retried).",
            (
                "kalshi order FED-21DEC-HIKE --yes --price 40 --count 10",
                "kalshi order FED-21DEC-HIKE --no --price 55 --count 5 --max-cost 200",
            ),
        ),
        _Command(
            "cancel",
            "Cancel the resting part of an order.",
            ("kalshi cancel ORDER_ID",),
        ),
        _Command(
            "decrease",
            "Take contracts off the resting part of an order.",
            ("kalshi decrease ORDER_ID --by 4",),
        ),
        _Command(
            "orders",
            "List your orders (resting, executed and canceled), newest first.",
            ("kalshi orders --status resting", "kalshi --table orders --market FED-21DEC-HIKE"),
        ),
        _Command(
            "positions",
            "List your positions: contracts held (yes minus no), cost, realized P&L and fees.",
            ("kalshi positions", "kalshi --table positions --market FED-21DEC-HIKE"),
        ),
        _Command(
            "balance",
            "Print your available balance (in cents; --table shows dollars).",
            ("kalshi balance", "kalshi --table balance"),
        ),
        _Command(
            "fills",
            "List your fills (trades), newest first.",
            ("kalshi fills", "kalshi --table fills --market FED-21DEC-HIKE"),
        ),
        _Command(
            "portfolio",
            "Print your portfolio history: available balance and value after each change, oldest first.",
            ("kalshi portfolio", "kalshi --table portfolio"),
        ),
        _Command(
            "demo",
            "Tour every call against an embedded fake exchange (offline, no credentials needed).",
            ("kalshi demo", "kalshi demo -v"),
            options=frozenset({"verbose"}),
            not_used_because="the demo runs offline on its own simulated exchange, logs in by itself and prints text",
        ),
        _Command(
            "serve",
            "Serve a simulated exchange on this machine for paper trading, until Ctrl-C or SIGTERM.",
            ("kalshi serve", "kalshi serve --state paper.db --speed 60", "kalshi serve --port 8000 --seed 7"),
            options=frozenset(),
            not_used_because="serve runs a simulated exchange instead of calling one (its own --host, given "
            "after the command, is the address to listen on)",
        ),
    )
}


# --------------------------------------------------------------------------- value checks


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _price(text: str) -> int:
    value = _positive_int(text)
    if value > MAX_PRICE:
        raise argparse.ArgumentTypeError(f"must be a price in cents from 1 to {MAX_PRICE}, got {value}")
    return value


def _page_size(text: str) -> int:
    value = _positive_int(text)
    if value > MAX_PAGE_SIZE:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_PAGE_SIZE}, got {value}")
    return value


def _float(text: str, expected: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected {expected}, got {text!r}") from None


def _seconds(text: str) -> float:
    value = _float(text, "a number of seconds")
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text!r}")
    return value


# --------------------------------------------------------------------------- the parser


# How each global option is declared (its spellings come from GLOBAL_OPTIONS). The default is
# SUPPRESS, so that an option given before the subcommand is not overwritten by the subcommand
# parser's default, and so that a parsed namespace shows which options were given at all;
# ``global_options`` fills in the real defaults.
_GLOBAL_OPTION_ARGUMENTS: Mapping[str, Mapping[str, Any]] = {
    "host": {"metavar": "URL", "help": "API root URL; overrides --demo and KALSHI_HOST"},
    "demo": {"action": "store_true", "help": "use Kalshi's demo exchange"},
    "email": {"metavar": "EMAIL", "help": "log in as EMAIL instead of KALSHI_EMAIL"},
    "table": {"action": "store_true", "help": "print a table instead of JSON"},
    "timeout": {
        "metavar": "SECONDS",
        "type": _seconds,
        "help": "per-request timeout (default: 10 s to connect, 30 s to read)",
    },
    "verbose": {"action": "store_true", "help": "log each request to stderr (secrets never shown)"},
}


def _add_global_options(parser: argparse.ArgumentParser, options: Collection[str]) -> None:
    """Add the global ``options`` (dests) to the top-level parser or to a subcommand's."""
    group = parser.add_argument_group("global options (before or after the command)")
    for dest, spellings in GLOBAL_OPTIONS.items():
        if dest in options:
            group.add_argument(*spellings, dest=dest, default=argparse.SUPPRESS, **_GLOBAL_OPTION_ARGUMENTS[dest])


class _CommandParser(argparse.ArgumentParser):
    """One subcommand's parser: every usage error, unknown arguments included, shows its own usage.

    (argparse's default collects a subcommand's unknown arguments and reports them with the
    top-level usage.) A global option the command does not use gets an error that says so.
    """

    def __init__(self, *, command: _Command, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.command = command

    def parse_known_args(  # type: ignore[override]  # one signature for typeshed's overloads
        self, args: Optional[Sequence[str]] = None, namespace: Optional[argparse.Namespace] = None
    ) -> Tuple[argparse.Namespace, List[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        for extra in extras:
            dest = _GLOBAL_SPELLINGS.get(extra.split("=", 1)[0])
            if dest is not None:
                self.refuse(dest)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras

    def refuse(self, dest: str) -> NoReturn:
        """Exit 2 with this command's usage: the global option ``dest`` does not apply to it."""
        option = "/".join(GLOBAL_OPTIONS[dest])
        self.error(f"{option} does not apply to `{self.command.name}`: {self.command.not_used_because}")


class _TopParser(argparse.ArgumentParser):
    """The ``kalshi`` parser: also refuses a global option, given before the command, that it does not use."""

    command_parsers: Dict[str, _CommandParser]

    def parse_known_args(  # type: ignore[override]  # one signature for typeshed's overloads
        self, args: Optional[Sequence[str]] = None, namespace: Optional[argparse.Namespace] = None
    ) -> Tuple[argparse.Namespace, List[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        command = self.command_parsers.get(getattr(parsed, "command", None) or "")
        if command is not None:
            for dest in GLOBAL_OPTIONS:
                # Given at all: the options' default is SUPPRESS, so absent ones are not set.
                if hasattr(parsed, dest) and dest not in command.command.options:
                    command.refuse(dest)
        return parsed, extras


def _examples(command: _Command) -> str:
    return "examples:\n" + "".join(f"  {line}\n" for line in command.examples)


def build_parser() -> argparse.ArgumentParser:
    """The ``kalshi`` parser with every subcommand."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _TopParser(
        prog="kalshi",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=formatter,
        allow_abbrev=False,
    )
    _add_global_options(parser, _EVERY_GLOBAL_OPTION)
    parser.add_argument("--version", action="version", version=f"kalshi {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands", parser_class=_CommandParser)
    commands.required = True
    parser.command_parsers = {}

    def add(name: str) -> argparse.ArgumentParser:
        spec = _COMMANDS[name]
        sub: _CommandParser = commands.add_parser(
            name,
            command=spec,
            help=spec.summary,
            description=spec.summary,
            epilog=_examples(spec),
            formatter_class=formatter,
            allow_abbrev=False,
        )
        _add_global_options(sub, spec.options)
        parser.command_parsers[name] = sub
        return sub

    add("login")
    add("logout")

    history = add("history")
    history.add_argument("--limit", metavar="N", type=_positive_int, help="at most N entries")
    for kind in HISTORY_KINDS:
        history.add_argument(
            f"--{kind}",
            action=argparse.BooleanOptionalAction,
            help=f"send ShouldReturn{kind.capitalize()}=true (or false with --no-{kind}); not sent when not given",
        )

    notifications = add("notifications")
    notifications.add_argument(
        "--page-size",
        metavar="N",
        type=_page_size,
        default=MAX_PAGE_SIZE,
        help=f"notifications per page, 1 to {MAX_PAGE_SIZE} (default: {MAX_PAGE_SIZE})",
    )
    notifications.add_argument("--page", metavar="N", type=_positive_int, default=1, help="page number (default: 1)")
    notifications.add_argument(
        "--all", action="store_true", help="every page, starting at --page, until a short page"
    )

    mark_read = add("mark-read")
    mark_read.add_argument("notification_id", metavar="NOTIFICATION_ID", help="the id of the notification")

    add("preferences")

    subscribe = add("subscribe")
    subscribe.add_argument("level", metavar="LEVEL", choices=SUBSCRIPTION_LEVELS, help="none, basic or all")

    markets = add("markets")
    markets.add_argument("--status", metavar="STATUS", help="only markets with this status (e.g. active)")

    for name in ("market", "book"):
        add(name).add_argument("market", metavar="MARKET", help="a ticker (FED-21DEC-HIKE) or a market id")

    _add_order_options(add("order"))

    for name in ("cancel", "decrease"):
        add(name).add_argument("order_id", metavar="ORDER_ID", help="the order_id printed by `order` or `orders`")
    commands.choices["decrease"].add_argument(
        "--by", metavar="N", type=_positive_int, required=True, help="take N contracts off the resting count"
    )

    orders = add("orders")
    orders.add_argument("--market", metavar="MARKET", help="only this market (ticker or id)")
    orders.add_argument("--status", choices=ORDER_STATUSES, help="only orders with this status")

    add("positions").add_argument("--market", metavar="MARKET", help="only this market (ticker or id)")
    add("balance")

    fills = add("fills")
    fills.add_argument("--market", metavar="MARKET", help="only this market (ticker or id)")
    fills.add_argument("--order", metavar="ORDER_ID", help="only the fills of this order")

    add("portfolio")
    add("demo")
    _add_serve_options(add("serve"))
    return parser


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port from 0 to 65535, got {value}")
    return value


def _speed(text: str) -> float:
    value = _float(text, "a number")
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more simulated seconds per second, got {text!r}")
    return value


def _add_serve_options(serve: argparse.ArgumentParser) -> None:
    serve.add_argument(
        "--host",
        dest="listen_host",
        metavar="ADDRESS",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1; another one warns: the fake has no TLS)",
    )
    serve.add_argument("--port", type=_port, default=0, help="the TCP port (default: 0, any free port)")
    serve.add_argument(
        "--seed", metavar="N", type=int, help="seed of every id (default: the state file's seed, else 0)"
    )
    serve.add_argument("--state", metavar="PATH", help="keep the exchange in this SQLite file across restarts")
    serve.add_argument(
        "--speed",
        metavar="X",
        type=_speed,
        default=0.0,
        help="simulated seconds per real second (default: 0, the clock stands still)",
    )


def _add_order_options(order: argparse.ArgumentParser) -> None:
    order.epilog = _ORDER_NOTE + (order.epilog or "")
    order.add_argument("market", metavar="MARKET", help="a ticker (FED-21DEC-HIKE) or a market id")
    side = order.add_mutually_exclusive_group(required=True)
    side.add_argument("--yes", dest="side", action="store_const", const="yes", help="buy yes contracts")
    side.add_argument("--no", dest="side", action="store_const", const="no", help="buy no contracts")
    order.add_argument(
        "--price", metavar="CENTS", type=_price, required=True, help=f"the limit price per contract, 1 to {MAX_PRICE}"
    )
    order.add_argument("--count", metavar="N", type=_positive_int, required=True, help="the number of contracts")
    order.add_argument(
        "--max-cost", metavar="CENTS", type=_positive_int, help="cap the order's total cost (max_cost_cents)"
    )
    order.add_argument(
        "--expires",
        metavar="UNIX_TS",
        type=_positive_int,
        help="cancel what still rests at this time, in unix seconds (expiration_unix_ts)",
    )
    order.add_argument(
        "--sell-position-capped",
        action="store_true",
        help="cut the count to the opposite position you hold, so the order only closes it",
    )


@dataclass(frozen=True)
class GlobalOptions:
    """The global options with their defaults filled in."""

    host: Optional[str]
    demo: bool
    email: Optional[str]
    table: bool
    timeout: Optional[float]
    verbose: bool


def global_options(args: argparse.Namespace) -> GlobalOptions:
    """Read the global options of parsed ``args`` (absent ones are None / False)."""
    return GlobalOptions(
        host=getattr(args, "host", None),
        demo=bool(getattr(args, "demo", False)),
        email=getattr(args, "email", None),
        table=bool(getattr(args, "table", False)),
        timeout=getattr(args, "timeout", None),
        verbose=bool(getattr(args, "verbose", False)),
    )
