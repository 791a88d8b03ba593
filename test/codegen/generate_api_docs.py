"""Generate the API docs pages and the endpoint tables of both READMEs from the spec.

Run by ``python test/codegen`` (``--check``: exit 1 if a checked-in file differs), with the other
stages; ``python test/codegen --section UserApi user_get_balance`` prints one method's section.

Writes ``docs/<ApiClass>.md`` for every API class in the seed's format (method table; per method:
signature, description, a runnable example, parameters, return type, authorization, HTTP request
headers, and every status of the spec with the exception it raises), the endpoint table of
README.md and the API list of docs/README.md. The operations come from generate_apis.py, so the
pages describe exactly the methods it generates.

Every iterator (``iter_notifications``, ``iter_trades``, ``iter_orders``, ``iter_user_trades``: the
``ITERATORS`` of generate_apis.py) gets a row in its class's method table, after the operation it
walks, and a section of its own after that operation's section (``iterator_section()``).

``AccountApi.md`` and ``AuthApi.md`` carry the seed's hand-written prose (sessions, per-call
options, errors): the generator keeps their text and only splices in the iterator rows and
sections (``with_iterators()``). Their method table and signature lines must still be what this
generator would write (test_generated_api_docs.py checks it); their sections for operations the
seed did not have (``reset_password``, ``reset_password_confirm``) were written by ``section()``
below.

Examples run in test/test_docs_examples.py against the embedded fake exchange, which accepts the
placeholder key ``'YOUR_API_KEY'`` as the session of ``"user_id_example"``. What an example needs
beyond its parameters (a market to look at, an order to cancel) is in ``EXAMPLES``.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple

from kalshi.exceptions import exception_for_status

from . import generate_apis as GEN
from .spec import CONFIGURATION_BLOCK, HOST, ROOT, spec_doc

HAND_WRITTEN = frozenset({"AccountApi", "AuthApi"})
FOOTER = (
    "[[Back to top]](#{anchor}) [[Back to API list]](../README.md#endpoints) "
    "[[Back to Model list]](../README.md#models) [[Back to README]](../README.md)"
)

# What each class page says before its methods, beyond the generated text.
CLASS_PROSE: Dict[str, str] = {
    "MarketApi": (
        "Markets need no log-in. The `_cached` methods read data that the exchange caches, so it may lag a\n"
        "little behind the live methods of the same name. Every market has an `id` (a UUID, for the\n"
        "`market_id` parameters) and a `ticker_name` (for the `_by_ticker` methods).\n"
        "\n"
        "**The order book** is [get_market_order_book_cached](#get_market_order_book_cached): it calls\n"
        "`GET /markets/{market_id}/order_book` (its name comes from the spec's operation id; v1 has no\n"
        "other order-book method)."
    ),
    "UserApi": (
        "Every method takes the `user_id` of the session first. Leave it out (or pass None) to use\n"
        "the logged-in session's (`api_client.login(...)`); pass it when you configured the\n"
        "`Authorization` header by hand.\n"
        "\n"
        "**Orders are never sent twice.** `user_order_create` is a `POST` and the v1 API has no\n"
        "idempotency key, so a create that was sent again after a lost answer could place a second\n"
        "order. The SDK therefore never retries it, neither on an error status (429, 5xx) nor after a\n"
        "connection reset or read timeout; only a connection that could not be opened at all (nothing\n"
        "was sent) is tried again. `user_order_decrease` (also a `POST`) is treated the same way. After\n"
        "a `kalshi.ApiConnectionError` (or `kalshi.ApiTimeoutError`) on a create you cannot tell\n"
        'whether the order landed: list your orders (`user_orders_get(market_id=..., status="resting")`\n'
        "or `iter_orders(...)`) and look for it before placing it again. See\n"
        "[user_order_create](#user_order_create).\n"
        "\n"
        "`iter_orders` and `iter_user_trades` walk every page of `user_orders_get` and\n"
        "`user_trades_get` lazily, and take the same filters."
    ),
    "DefaultApi": (
        "The public trade tape needs no log-in. `iter_trades(trades_date=None, page_size=100)` walks\n"
        "every page lazily."
    ),
    "ExchangeApi": (
        "The exchange answers `GET /exchange/status` with no body: its state is in the\n"
        "`exchange_active` and `trading_active` response headers. The SDK returns them as a small\n"
        "typed result, `kalshi.ExchangeStatus`, with two `bool` attributes of those names.\n"
        "\n"
        "Name | What it is\n"
        "------------- | -------------\n"
        "`kalshi.ExchangeStatus` | The result of `get_exchange_status` (module `kalshi.exchange_status`): "
        "`exchange_active` and `trading_active`, both `bool`. `ExchangeStatus.from_headers(headers)` reads "
        "them from response headers and raises `kalshi.ApiResponseTypeError` for a missing or non-boolean one."
    ),
    "PortfolioApi": (
        "`user_get_portfolio_history` is a `GET` that carries a JSON body (the date range), as the\n"
        "spec defines it; the SDK sends it as given."
    ),
}

# Extra text under a method's description.
METHOD_PROSE: Dict[str, str] = {
    "UserOrderCreate": (
        "**Never retried.** The v1 API has no idempotency key for orders, so this `POST` is sent at\n"
        "most once: not again on an error status, a connection reset or a read timeout. After a\n"
        "`kalshi.ApiConnectionError` the order may or may not have been placed: list your orders\n"
        "([user_orders_get](#user_orders_get) or `iter_orders`) to see whether it landed before you\n"
        "place it again, as the example below does."
    ),
    "UserOrderDecrease": "Like every `POST` of the API, it is never retried on an error status or a reset.",
    "UserOrdersGet": (
        "[iter_orders](#iter_orders)`(user_id=None, *, <the same filters>, page_size=100)` walks every page\n"
        "lazily; "
        "`api_response.orders` is an [OrderList](OrderList.md) (a list of [Order](Order.md))."
    ),
    "UserTradesGet": (
        "[iter_user_trades](#iter_user_trades)`(user_id=None, *, <the same filters>, page_size=100)` walks\n"
        "every page lazily."
    ),
    "GetTrades": "[iter_trades](#iter_trades)`(trades_date=None, page_size=100)` walks every page lazily.",
    "GetExchangeStatus": (
        "Returns a `kalshi.ExchangeStatus` read from the `exchange_active` and `trading_active`\n"
        "response headers (the answer has no body); a missing or non-boolean header raises\n"
        "`kalshi.ApiResponseTypeError`."
    ),
    "UserGetPortfolioHistory": (
        "The date range goes in a JSON body, although this is a `GET` (the spec says so). Each\n"
        "[PortfolioMeasurement](PortfolioMeasurement.md) of `values` has `a`, the cash **a**vailable (not\n"
        "reserved by resting orders), and `v`, the portfolio **v**alue (available + reserved + the\n"
        "positions at their last trade price), both in cents, at `ts` (unix seconds)."
    ),
    "GetMarketOrderBookCached": (
        "**The order book** of a market, live: despite `_cached` in its name (the spec's operation id),\n"
        "it calls `GET /markets/{market_id}/order_book`. The bids of each side, best first, as\n"
        "`(price, count)` levels; `kalshi.Kalshi`'s `client.markets.book(ticker)` calls it too."
    ),
    "ResetPassword": "The exchange answers 202 whether or not the e-mail is registered; the method returns None.",
    # The spec does not mark this body required: AccountApi.md (hand-written) says the same.
    "ChangeSubscription": (
        "The request body is optional, as the spec defines it. Without `change_subscription_request` the\n"
        "SDK sends no body (and no `Content-Type`), the exchange answers 204 and the subscription level\n"
        'stays as it was. With a body, `subscription_level` must be `"none"`, `"basic"` or `"all"`; any\n'
        "other value is answered 400 (`kalshi.BadRequestException`)."
    ),
}


class Example(NamedTuple):
    """What a method's example needs besides the generic frame."""

    values: Dict[str, str]  # parameter -> python expression, for the parameter lines
    setup: Tuple[str, ...] = ()  # lines after the API instance, before the parameter lines
    before: Tuple[str, ...] = ()  # lines in the try block before the call
    then: Tuple[str, ...] = ()  # lines after the call
    expect: Optional[str] = None  # printed text the docs test looks for (default: the result's repr)
    imports: Tuple[str, ...] = ()
    login: bool = False  # log in as the example user instead of the configured key
    handlers: Tuple[str, ...] = ()  # except clauses before the generic one


_USER = '"user_id_example"'
_MARKET = (
    "# A market to work with: the first one the exchange lists.",
    "market = market_api.MarketApi(api_client).get_markets().markets[0]",
    "assert market.id is not None and market.ticker_name is not None",
)
_RANGED = (
    "# A ranged market's ticker: the group of a market that belongs to one.",
    "markets = market_api.MarketApi(api_client).get_markets().markets",
    "tickers = [m.ranged_group_ticker for m in markets if m.ranged_group_ticker]",
)
_ORDER = (
    "# An order to work with: 10 contracts of yes at 40 cents, resting in the book.",
    "order = api_instance.user_order_create(",
    "    user_id,",
    '    user_order_create_request=UserOrderCreateRequest(market_id=market.id, count=10, side="yes", price=40),',
    ").order",
    "assert order.order_id is not None",
    "order_id = order.order_id # str | This order_id should be filled with the id of the order",
)
_ORDER_REQUEST = ("from kalshi.model.user_order_create_request import UserOrderCreateRequest",)
_MARKET_API = ("from kalshi.api import market_api",)

EXAMPLES: Dict[str, Example] = {
    "GetMarkets": Example({}, then=('print("%d markets" % len(api_response.markets))',), expect="markets"),
    "GetMarketsCached": Example({}, then=('print("%d markets" % len(api_response.markets))',), expect="markets"),
    "GetMarket": Example({"market_id": "market.id"}, setup=_MARKET, imports=_MARKET_API),
    "GetMarketCached": Example({"market_id": "market.id"}, setup=_MARKET, imports=_MARKET_API),
    "GetMarketByTicker": Example({"ticker_name": "market.ticker_name"}, setup=_MARKET, imports=_MARKET_API),
    "GetMarketByTickerCached": Example({"ticker_name": "market.ticker_name"}, setup=_MARKET, imports=_MARKET_API),
    "GetMarketHistory": Example(
        {"market_id": "market.id", "last_seen_ts": "1635724800"}, setup=_MARKET, imports=_MARKET_API
    ),
    "GetMarketHistoryCached": Example(
        {"market_id": "market.id", "last_seen_ts": "1635724800"}, setup=_MARKET, imports=_MARKET_API
    ),
    "GetMarketOrderBookCached": Example(
        {"market_id": "market.id"},
        setup=_MARKET,
        imports=_MARKET_API,
        then=(
            "for level in api_response.order_book.yes:",
            '    print("yes at %d cents: %d contracts" % (level.price, level.count))',
        ),
    ),
    "GetExchangeStatus": Example(
        {},
        then=(
            'print("exchange active:", api_response.exchange_active, "trading active:", api_response.trading_active)',
        ),
        expect="exchange active:",
    ),
    "ResetPassword": Example(
        {"reset_password_request": 'ResetPasswordRequest(\n    email="you@example.com",\n)'},
        then=('print("if the e-mail is registered, a reset link is on its way")',),
        expect="a reset link is on its way",
    ),
    "ResetPasswordConfirm": Example(
        {
            "code": '"code_example"',
            "confirm_password_reset_request": (
                'ConfirmPasswordResetRequest(\n    user_id="user_id_example",\n'
                '        password="a-new-password",\n)'
            ),
        },
        then=('print("password reset")',),
        handlers=(
            "except kalshi.BadRequestException as e:",
            "    # A wrong, used or expired code: request a new e-mail with reset_password.",
            '    print("the code was refused:", e.message)',
        ),
        expect="the code was refused",
    ),
    "GetRangedMarketByTicker": Example({"ticker": "tickers[0]"}, setup=_RANGED, imports=_MARKET_API),
    "GetRangedMarket": Example(
        {"ranged_market_id": "ranged_market.id"},
        setup=(
            *_RANGED,
            "ranged_market = ranged_markets_api.RangedMarketsApi(api_client).get_ranged_market_by_ticker(",
            "    tickers[0]",
            ").ranged_markets",
            "assert ranged_market.id is not None",
        ),
        imports=("from kalshi.api import market_api, ranged_markets_api",),
    ),
    "GetTrades": Example(
        {"trades_date": '"2021-11-03"', "page_size": "100", "page_number": "1"},
        then=(
            "for trade in api_response.trades:",
            "    print(trade.create_date, trade.price, trade.count)",
        ),
    ),
    "UserGetProfile": Example({"user_id": _USER}),
    "UserGetBalance": Example({"user_id": _USER}, then=('print("balance: %d cents" % api_response.balance)',)),
    "UserGetMarketPositions": Example({"user_id": _USER}),
    "UserGetMarketPosition": Example({"user_id": _USER, "market_id": "market.id"}, setup=_MARKET, imports=_MARKET_API),
    "UserGetWatchlist": Example({"user_id": _USER}),
    "UserAddWatchlist": Example(
        {"user_id": _USER, "market_id": "market.id"},
        setup=_MARKET,
        imports=_MARKET_API,
        then=('print("watching", market.ticker_name)',),
        expect="watching",
    ),
    "UserRemoveWatchlist": Example(
        {"user_id": _USER, "market_id": "market.id"},
        setup=_MARKET,
        imports=_MARKET_API,
        before=(
            "# Only a market on the watchlist can be removed from it.",
            "api_instance.user_add_watchlist(user_id, market_id)",
        ),
        then=('print("no longer watching", market.ticker_name)',),
        expect="no longer watching",
    ),
    "UserChangePassword": Example(
        {
            "user_id": "api_client.user_id",
            "user_change_password_request": (
                'UserChangePasswordRequest(\n    old_password="your-password",\n'
                '        new_password="a-new-password",\n)'
            ),
        },
        login=True,
        then=(
            'print("password changed")',
            "# (and back again, so that the other examples can still log in)",
            "api_instance.user_change_password(",
            "    user_id,",
            "    user_change_password_request=UserChangePasswordRequest(",
            '        old_password="a-new-password", new_password="your-password"',
            "    ),",
            ")",
        ),
        expect="password changed",
    ),
    "UserOrdersGet": Example(
        {"user_id": _USER, "status": '"resting"', "page_size": "100", "page_number": "1"},
        then=(
            "for order in api_response.orders:",
            '    print(order.order_id, "yes" if order.is_yes else "no", order.price, order.remaining_count)',
        ),
    ),
    "UserOrderCreate": Example(
        {
            "user_id": _USER,
            "user_order_create_request": (
                "UserOrderCreateRequest(\n    market_id=market.id,\n    count=10,\n"
                '    side="yes",\n    price=40,\n)'
            ),
        },
        setup=_MARKET,
        imports=_MARKET_API,
        then=('print("order", api_response.order.order_id, api_response.order.status)',),
        handlers=(
            "except kalshi.ApiConnectionError:",
            "    # The answer was lost: the order may or may not be in the book, and the SDK never",
            "    # sends a create twice. Look before placing it again.",
            '    resting = api_instance.user_orders_get(user_id, market_id=market.id, status="resting")',
            '    print("connection lost; %d resting orders in this market" % len(resting.orders))',
        ),
    ),
    "UserOrderCancel": Example(
        {"user_id": _USER},
        setup=_MARKET,
        imports=(*_MARKET_API, *_ORDER_REQUEST),
        before=_ORDER,
        then=('print("canceled:", api_response.order.status)',),
    ),
    "UserOrderDecrease": Example(
        {
            "user_id": _USER,
            "user_order_decrease_request": "UserOrderDecreaseRequest(\n    count=4,\n)",
        },
        setup=_MARKET,
        imports=(*_MARKET_API, *_ORDER_REQUEST),
        before=_ORDER,
        then=('print("remaining:", api_response.order.remaining_count)',),
    ),
    "UserTradesGet": Example(
        {"user_id": _USER, "min_price": "1", "max_price": "99", "page_size": "100", "page_number": "1"},
        then=(
            "for trade in api_response.trades:",
            "    print(trade.create_date, trade.market_id, trade.price, trade.count)",
        ),
    ),
    "UserGetPortfolioHistory": Example(
        {
            "user_id": _USER,
            "user_get_portfolio_history_request": (
                "UserGetPortfolioHistoryRequest(\n    min_date=datetime(2021, 11, 1, tzinfo=timezone.utc),\n)"
            ),
        },
        imports=("from datetime import datetime, timezone",),
    ),
}


# --------------------------------------------------------------------------- the spec's text


class OpText(NamedTuple):
    """The spec's words for one operation."""

    summary: str
    description: str
    params: Dict[str, str]  # python name -> description
    statuses: List[Tuple[str, str, str]]  # (status, description, response headers cell)
    body_description: str


def op_text(spec: Dict[str, Any], op: Any) -> OpText:
    raw = spec["paths"][op.path][op.method.lower()]
    params = {GEN.snake(p["name"]): " ".join((p.get("description") or "").split()) for p in raw.get("parameters", [])}
    statuses = []
    for status, response in raw["responses"].items():
        if "$ref" in response:
            response = spec["components"]["responses"][GEN.ref_name(response["$ref"])]
        headers = response.get("headers", {})
        cell = (
            " ".join(f"* {name} - " + _with_space(h.get("description", "")) + "<br>" for name, h in headers.items())
            if headers
            else "-"
        )
        statuses.append((status, " ".join(response.get("description", "").split()) or "-", cell))
    body = raw.get("requestBody", {})
    return OpText(
        raw.get("summary") or op.op_id, raw.get("description", ""), params, statuses, body.get("description", "")
    )


def _with_space(text: str) -> str:
    words = " ".join(text.split())
    return f"{words} " if words else ""


def paragraphs(text: str) -> List[str]:
    """The spec's description as wrapped paragraphs (a line break in the spec starts a sentence)."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        out.append("\n".join(textwrap.wrap(joined, 100, break_on_hyphens=False, break_long_words=False)))
    return out


# --------------------------------------------------------------------------- pieces of a page


def module_of(cls: str) -> str:
    return f"{GEN.snake(cls)}"


def signature(op: Any) -> str:
    """``UserOrdersGetResponse user_orders_get(user_id, market_id=None, ...)``, the seed's notation."""
    args = [p.name for p in op.positional] + [f"{p.name}=None" for p in op.keyword]
    call = f"{op.name}({', '.join(args)})"
    return f"{op.result} {call}" if op.result else call


def method_row(cls: str, op: Any, text: OpText) -> str:
    return f"[**{op.name}**]({cls}.md#{op.name}) | **{op.method}** {op.path} | {text.summary}"


def _type_cell(p: Any) -> str:
    if p.location == "BODY":
        return f"[**{p.pytype}**]({p.pytype}.md)"
    return f"**{p.pytype}**"


def _notes(op: Any, p: Any) -> str:
    if p.location == "BODY":
        notes = ["[optional], keyword-only; sent as the JSON body", "a dict of its fields is accepted too"]
        if load_spec()["components"]["schemas"][p.pytype].get("required"):
            notes.insert(1, "the spec does not mark the body required, but its fields are: always pass it")
        if op.method == "GET":
            notes.insert(1, "a body on a `GET`, as the spec defines it")
        return "; ".join(notes)
    where = "path" if p.location == "PATH" else "query"
    notes = [] if p.required else ["[optional], keyword-only"]
    notes.append(f"{where} parameter `{p.wire}`" + ("" if p.wire == p.name else f" (the python name is `{p.name}`)"))
    if p.session:
        notes.append("None or left out: the logged-in session's `user_id`")
    if p.location == "PATH" and not p.session:
        notes.append("sent as one path segment (`/`, `?`, `#` are percent-encoded)")
    if p.pytype == "bool":
        notes.append("sent as `true` / `false`")
    if p.pytype == "datetime":
        notes.append("sent as RFC 3339, percent-encoded; a naive datetime is taken as UTC")
    if p.maximum is not None:
        notes.append(f"at most {p.maximum}: a larger value raises `kalshi.ApiValueError` before anything is sent")
    return "; ".join(notes)


def _exception(status: str) -> str:
    if status.startswith("2"):
        return "-"
    return f"`kalshi.{exception_for_status(int(status)).__name__}`"


def _return_type(op: Any) -> str:
    if op.result == "ExchangeStatus":
        return (
            "`kalshi.ExchangeStatus` (module `kalshi.exchange_status`): `exchange_active` and "
            "`trading_active`, both `bool`."
        )
    if op.result:
        return f"[**{op.result}**]({op.result}.md)"
    return f"void (empty response body): the method returns None (the API answers {op.status})."


def _headers(op: Any) -> List[str]:
    body = [p for p in op.params if p.location == "BODY"]
    if body:
        content = (
            f"application/json (only when `{body[0].name}` is given; without it neither a body nor a "
            "Content-Type is sent)"
        )
    else:
        content = "Not defined"
    accept = "application/json" if op.result and op.result != "ExchangeStatus" else "Not defined"
    return [f" - **Content-Type**: {content}", f" - **Accept**: {accept}"]


def _param_comment(op: Any, p: Any, text: OpText) -> str:
    desc = text.body_description if p.location == "BODY" else text.params.get(p.name, "")
    tp = p.pytype
    return f"# {tp} | {desc}" + ("" if p.required else " (optional)")


def _indent(lines: Sequence[str], depth: int) -> List[str]:
    pad = "    " * depth
    return [pad + line if line else "" for line in lines]


def example(cls: str, op: Any, text: OpText, session_first: bool = False) -> List[str]:
    """The runnable example of ``op``; with ``session_first`` (a page's first method that takes
    ``user_id``) it logs in and leaves ``user_id`` out, so the session's is used."""
    ex = EXAMPLES[op.op_id]
    if session_first:
        ex = ex._replace(login=True, values={k: v for k, v in ex.values.items() if k != "user_id"})
    module = module_of(cls)
    imports = ["import kalshi", f"from kalshi.api import {module}"]
    extra_api = [i for i in ex.imports if i.startswith("from kalshi.api import")]
    if extra_api:
        names = {module}
        for line in extra_api:
            names |= {n.strip() for n in line.split("import", 1)[1].split(",")}
        imports[1] = f"from kalshi.api import {', '.join(sorted(names))}"
    models = set()
    for p in op.params:
        if p.location == "BODY":
            models.add(p.pytype)
    if op.result and op.result != "ExchangeStatus":
        models.add(op.result)
    model_imports = [f"from kalshi.model.{GEN.snake(m)} import {m}" for m in sorted(models)]
    if op.result == "ExchangeStatus":
        model_imports.append("from kalshi.exchange_status import ExchangeStatus")
    model_imports += [i for i in ex.imports if i.startswith("from kalshi.model")]
    std = [i for i in ex.imports if not i.startswith("from kalshi")]
    shows_result = op.result is not None and not ex.expect
    lines = [*std, *imports, *sorted(set(model_imports))]
    if shows_result:
        lines.append("from pprint import pprint")
    lines += [
        "",
        *CONFIGURATION_BLOCK,
        "",
    ]
    if op.auth and not ex.login:
        lines += [
            "# The client must configure the authentication and authorization parameters",
            "# in accordance with the API server security policy.",
            "# Configure API key authorization: cookie, sent as the Authorization header.",
            '# The v1 API expects "<user_id> <token>" from your last log-in: put the whole',
            "# value here, or the token here and your user_id in api_key_prefix.",
            "# api_client.login(email, password) does this for you (see AuthApi.md).",
            "configuration.api_key['cookie'] = 'YOUR_API_KEY'",
            "# configuration.api_key_prefix['cookie'] = 'YOUR_USER_ID'",
            "",
        ]
    lines += [
        "# Enter a context with an instance of the API client",
        "with kalshi.ApiClient(configuration) as api_client:",
    ]
    body: List[str] = []
    if ex.login:
        body += [
            "# Log in: the session renews itself, and api_client.user_id is yours.",
            'api_client.login("you@example.com", "your-password")',
        ]
        body.append("assert api_client.user_id is not None")
    body += ["# Create an instance of the API class", f"api_instance = {module}.{cls}(api_client)"]
    body += list(ex.setup)
    defined = "\n".join([*ex.setup, *ex.before])
    shown = [p for p in op.params if p.name in ex.values]
    for p in op.params:
        # A required parameter without a value line is defined by the setup (an order created first).
        if p.required and p.name not in ex.values and not (session_first and p.session):
            assert re.search(rf"\b{p.name} =", defined), f"{op.op_id}: no value for the required {p.name}"
    for p in shown:
        value = ex.values[p.name]
        first, *rest = value.split("\n")
        if rest:
            body.append(f"{p.name} = {first}")
            body += rest[:-1]
            body.append(f"{rest[-1]} {_param_comment(op, p, text)}")
        else:
            body.append(f"{p.name} = {value} {_param_comment(op, p, text)}")
    positional = [p.name for p in op.positional]
    if session_first:  # without user_id, the other required parameters go by keyword
        positional = [f"{name}={name}" for name in positional if name != "user_id"]
    keyword = [f"{p.name}={p.name}" for p in op.keyword if p.name in ex.values]
    call_args = ", ".join([*positional, *keyword])
    call = f"api_instance.{op.name}({call_args})"
    try_body: List[str] = list(ex.before)
    if session_first:
        try_body.append("# user_id left out: the logged-in session's (api_client.user_id) is used")
    try_body.append(f"# {text.summary}")
    if op.result:
        assigned = f"api_response: {op.result} = {call}"
        if len("        " + assigned) > 110:
            assigned = f"api_response: {op.result} = api_instance.{op.name}("
            try_body.append(assigned)
            try_body += [f"    {a}," for a in [*positional, *keyword]]
            try_body.append(")")
        else:
            try_body.append(assigned)
        if shows_result:
            try_body.append("pprint(api_response)")
    else:
        try_body.append(call)
    try_body += list(ex.then)
    body += ["", "try:", *_indent(try_body, 1), *ex.handlers]
    body += ["except kalshi.ApiException as e:", f'    print("Exception when calling {cls}->{op.name}: %s\\n" % e)']
    lines += _indent(body, 1)
    expect = ex.expect or f"{op.result}("
    return [f"<!-- expect-output: {expect} -->", "```python", *lines, "```"]


def section(cls: str, op: Any, text: OpText, session_first: bool = False) -> List[str]:
    lines = [f"# **{op.name}**", f"> {signature(op)}", "", text.summary, ""]
    for para in paragraphs(text.description):
        lines += [para, ""]
    if op.op_id in METHOD_PROSE:
        lines += [METHOD_PROSE[op.op_id], ""]
    lines += ["### Example", ""]
    lines += ["* Api Key Authentication (cookie):" if op.auth else "* No authorization required:", ""]
    lines += example(cls, op, text, session_first)
    lines += ["", "### Parameters", ""]
    if op.params:
        lines += ["Name | Type | Description | Notes", "------------- | ------------- | ------------- | -------------"]
        for p in op.params:
            desc = text.body_description if p.location == "BODY" else text.params.get(p.name, "")
            lines.append(f"**{p.name}** | {_type_cell(p)} | {desc or '-'} | {_notes(op, p)}")
    else:
        lines.append("This endpoint does not need any parameter.")
    lines += ["", "### Return type", "", _return_type(op), "", "### Authorization", ""]
    lines.append("[cookie](README.md#cookie): the `Authorization` header." if op.auth else "No authorization required.")
    lines += ["", "### HTTP request headers", "", *_headers(op), "", "### HTTP response details", ""]
    lines += [
        "| Status code | Description | Response headers | Raises |",
        "|-------------|-------------|------------------|--------|",
    ]
    for status, desc, headers in text.statuses:
        lines.append(f"| **{status}** | {desc} | {headers} | {_exception(status)} |")
    listed = {status for status, _d, _h in text.statuses}
    unlisted = [
        f"{s} raises `kalshi.{exception_for_status(int(s)).__name__}`" for s in ("404", "429") if s not in listed
    ]
    if unlisted:
        lines += ["", f"Not in the spec's list but possible: {' and '.join(unlisted)}."]
    lines += ["", "See [AccountApi: errors](AccountApi.md#errors) for what an exception keeps.", ""]
    lines.append(FOOTER.format(anchor=cls.lower()))
    return lines


# --------------------------------------------------------------------------- iterators


class IterExample(NamedTuple):
    """An iterator's example: its filter arguments, the loop body and the printed summary."""

    values: Dict[str, str]  # filter parameter -> python expression
    item: str  # the loop variable
    shown: str  # the fields printed for each item (a python expression list)
    noun: str  # what the count line calls the items


ITER_EXAMPLES: Dict[str, IterExample] = {
    "UserGetNotifications": IterExample({}, "notification", "notification.id, notification.type", "notifications"),
    "GetTrades": IterExample({}, "trade", "trade.create_date, trade.price, trade.count", "trades"),
    "UserOrdersGet": IterExample(
        {"status": '"resting"'}, "order", "order.order_id, order.price, order.remaining_count", "resting orders"
    ),
    "UserTradesGet": IterExample({}, "trade", "trade.create_date, trade.price, trade.count", "fills"),
}


def iterator_of(op: Any) -> Optional[Tuple[str, str, int]]:
    """(iterator name, list field, default page size) if an iterator walks ``op``'s pages."""
    found: Optional[Tuple[str, str, int]] = GEN.ITERATORS.get(op.op_id)
    return found


def _iter_filters(op: Any) -> List[Any]:
    return [p for p in op.keyword if p.name not in GEN.PAGE_PARAMS]


def _item_type(op: Any) -> str:
    item: str = GEN._item_type(load_spec(), op)
    return item


def iterator_signature(op: Any) -> str:
    """``Iterator[Order] iter_orders(user_id=None, market_id=None, ..., max_pages=None)``."""
    name, _field, size = GEN.ITERATORS[op.op_id]
    args = ["user_id=None"] if op.session else []
    args += [f"{p.name}=None" for p in _iter_filters(op)]
    args += [f"page_size={size}", "start_page=1", "max_pages=None"]
    return f"Iterator[{_item_type(op)}] {name}({', '.join(args)})"


def iterator_row(cls: str, op: Any) -> str:
    name = GEN.ITERATORS[op.op_id][0]
    return f"[**{name}**]({cls}.md#{name}) | **{op.method}** {op.path}, page after page | Every item of {op.name}"


def _page_size_param(op: Any) -> Any:
    return next(p for p in op.params if p.name == "page_size")


def _iter_example(cls: str, op: Any, text: OpText) -> List[str]:
    name, _field, size = GEN.ITERATORS[op.op_id]
    ex = ITER_EXAMPLES[op.op_id]
    module = module_of(cls)
    item = _item_type(op)
    lines = [
        "import kalshi",
        f"from kalshi.api import {module}",
        f"from kalshi.model.{GEN.snake(item)} import {item}",
        "",
        f"# Defining the host is optional and defaults to {HOST}",
        "configuration = kalshi.Configuration(",
        f'    host = "{HOST}"',
        ")",
    ]
    if op.auth:
        lines += [
            "# The session of your last log-in (see AuthApi.md), or api_client.login(email, password).",
            "configuration.api_key['cookie'] = 'YOUR_API_KEY'",
        ]
    body = [f"api_instance = {module}.{cls}(api_client)"]
    args = []
    if op.session:
        body.append(f"user_id = {_USER} {_param_comment(op, op.params[0], text)}")
        args.append("user_id")
    for p in _iter_filters(op):
        if p.name in ex.values:
            body.append(f"{p.name} = {ex.values[p.name]} {_param_comment(op, p, text)}")
            args.append(f"{p.name}={p.name}")
    args.append(f"page_size={size}")
    try_body = [
        f"# Every item of {op.name}: each page is fetched when the loop reaches it",
        f"{ex.item}: {item}",
        "count = 0",
        f"for {ex.item} in api_instance.{name}({', '.join(args)}):",
        "    count += 1",
        "    if count <= 3:",
        f"        print({ex.shown})",
        f'print("%d {ex.noun}" % count)',
    ]
    body += ["", "try:", *_indent(try_body, 1)]
    body += [
        "except kalshi.ApiPagingError as e:",
        "    # The server answered the same full page twice: it ignores page_number.",
        '    print("paging stopped:", e)',
        "except kalshi.ApiException as e:",
        f'    print("Exception when calling {cls}->{name}: %s\\n" % e)',
    ]
    lines += ["", "with kalshi.ApiClient(configuration) as api_client:", *_indent(body, 1)]
    return [f"<!-- expect-output: {ex.noun} -->", "```python", *lines, "```"]


def iterator_section(cls: str, op: Any, text: OpText) -> List[str]:
    """The seed's section layout for an iterator over ``op``'s pages."""
    name, field, size = GEN.ITERATORS[op.op_id]
    item = _item_type(op)
    maximum = _page_size_param(op).maximum
    lines = [f"# **{name}**", f"> {iterator_signature(op)}", ""]
    lines += [f"Every item of [{op.name}](#{op.name}), page after page.", ""]
    what = (
        f"It yields the [{item}]({item}.md) items of `{op.result}.{field}`, fetching a page only when the "
        "iteration reaches it: nothing is sent until the first item is asked for. It stops after a page "
        "shorter than `page_size` (or empty), or after `max_pages` pages; a server that answers the same "
        "full page twice (it ignores `page_number`) raises `kalshi.ApiPagingError` instead of looping "
        "forever. The arguments are checked when it is called, before anything is sent. The per-call "
        "options of `CallOptions` (`_request_timeout`, `_deadline`, `_check_input_type`, "
        "`_check_return_type`, `_host_index`) apply to each page's request; `async_req`, "
        "`_return_http_data_only` and `_preload_content` raise `kalshi.ApiTypeError`."
    )
    lines += [*paragraphs(what), ""]
    lines += [
        "### Example",
        "",
        "* Api Key Authentication (cookie):" if op.auth else "* No authorization required:",
        "",
    ]
    lines += _iter_example(cls, op, text)
    lines += [
        "",
        "### Parameters",
        "",
        "Name | Type | Description | Notes",
        "------------- | ------------- | ------------- | -------------",
    ]
    for p in op.params:
        if p.name in GEN.PAGE_PARAMS or p.location == "BODY":
            continue
        desc = text.params.get(p.name, "")
        notes = _notes(op, p)
        if p.session:
            notes = notes.replace("path parameter", "[optional]; path parameter", 1)
        lines.append(f"**{p.name}** | {_type_cell(p)} | {desc or '-'} | {notes}")
    limit = (
        f"; at most {maximum}: a larger value raises `kalshi.ApiValueError` before anything is sent" if maximum else ""
    )
    lines += [
        f"**page_size** | **int** | Items per page | [optional, default {size}], keyword-only; query parameter "
        f"`page_size`{limit}",
        "**start_page** | **int** | The first page to fetch (1 is the first) | [optional, default 1], keyword-only; "
        "sent as `page_number`, then counted up; an int >= 1, else `kalshi.ApiTypeError`",
        "**max_pages** | **int** | Stop after this many pages | [optional, default None: until a short page], "
        "keyword-only; None or an int >= 1, else `kalshi.ApiValueError`",
    ]
    lines += ["", "### Return type", "", f"`Iterator[{item}]`: an iterator of [**{item}**]({item}.md).", ""]
    lines += ["### Authorization", ""]
    lines.append("[cookie](README.md#cookie): the `Authorization` header." if op.auth else "No authorization required.")
    lines += ["", "### HTTP request headers", "", *_headers(op), "", "### HTTP response details", ""]
    errors = (
        f"Each page is one `{op.method} {op.path}` request, answered and raised exactly as for "
        f"[{op.name}](#{op.name}): an error status raises its exception from the loop, at the page where "
        "it happened; the items already yielded stay yours."
    )
    lines += [
        *paragraphs(errors),
        "",
        FOOTER.format(anchor=cls.lower()),
    ]
    return lines


def with_iterators(text: str, cls: str, ops: List[Any], spec: Dict[str, Any]) -> str:
    """A hand-written page with the generator's iterator rows and sections spliced in.

    Each iterator's row goes right after its operation's row in the method table and its section
    right after the operation's section; an iterator row or section already there is replaced, so
    running the generator twice changes nothing.
    """
    lines = text.rstrip("\n").split("\n")
    for op in ops:
        found = iterator_of(op)
        if found is None:
            continue
        name = found[0]
        lines = _without_section(lines, name)
        lines = [line for line in lines if not line.startswith(f"[**{name}**](")]
        row = method_row(cls, op, op_text(spec, op))
        at = lines.index(row) + 1
        lines[at:at] = [iterator_row(cls, op)]
        start = lines.index(f"# **{op.name}**")
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("# **")), len(lines))
        insert = iterator_section(cls, op, op_text(spec, op))
        if end == len(lines):
            lines += ["", *insert]
        else:
            lines[end:end] = [*insert, ""]
    return "\n".join(lines) + "\n"


def _without_section(lines: List[str], name: str) -> List[str]:
    heading = f"# **{name}**"
    if heading not in lines:
        return lines
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("# **")), len(lines))
    # The section and the blank line that separated it from its neighbour.
    if end == len(lines):
        return lines[: start - 1] if start and not lines[start - 1] else lines[:start]
    return lines[:start] + lines[end:]


def page(cls: str, tag: str, ops: List[Any], spec: Dict[str, Any]) -> str:
    texts = {op.op_id: op_text(spec, op) for op in ops}
    lead = GEN.TAG_DOCS[tag]
    lines = [
        f"# {cls}",
        "",
        f"`kalshi.{cls}` (module `kalshi.api.{module_of(cls)}`): {lead[0].lower()}{lead[1:]}",
        "",
        f"All URIs are relative to *{HOST}*",
        "",
        "Method | HTTP request | Description",
        "------------- | ------------- | -------------",
        *_rows(cls, ops, texts),
        "",
    ]
    if cls in CLASS_PROSE:
        lines += [CLASS_PROSE[cls], ""]
    lines += [
        "Every method also accepts the [per-call options](AccountApi.md#per-call-options) (`async_req`,",
        "`_request_timeout`, `_return_http_data_only`, `_preload_content`, `_check_input_type`,",
        "`_check_return_type`, `_host_index`) and raises the exceptions listed in",
        "[AccountApi: errors](AccountApi.md#errors).",
        "",
    ]
    first_session = next((op for op in ops if op.session), None)
    for op in ops:
        lines += section(cls, op, texts[op.op_id], session_first=op is first_session)
        lines.append("")
        if iterator_of(op) is not None:
            lines += iterator_section(cls, op, texts[op.op_id])
            lines.append("")
    return "\n".join(lines[:-1]) + "\n"


def _rows(cls: str, ops: List[Any], texts: Dict[str, OpText]) -> List[str]:
    rows = []
    for op in ops:
        rows.append(method_row(cls, op, texts[op.op_id]))
        if iterator_of(op) is not None:
            rows.append(iterator_row(cls, op))
    return rows


# --------------------------------------------------------------------------- the READMEs


def _short(description: str) -> str:
    first = GEN._first_sentence(description).rstrip(".")
    first = re.sub(r"^End-point (for|to) ", "", first)
    return first[:1].upper() + first[1:]


def _ordered(by_tag: Dict[str, List[Any]]) -> List[Tuple[str, Any]]:
    return [
        (GEN.TAG_CLASSES[tag], op) for tag in sorted(by_tag, key=lambda t: GEN.TAG_CLASSES[t]) for op in by_tag[tag]
    ]


def readme_table(by_tag: Dict[str, List[Any]], spec: Dict[str, Any]) -> str:
    rows = ["| Class | Method | HTTP request | Description |", "|---|---|---|---|"]
    for cls, op in _ordered(by_tag):
        desc = _short(op_text(spec, op).description)
        rows.append(f"| `{cls}` | [`{op.name}`](docs/{cls}.md#{op.name}) | `{op.method} {op.path}` | {desc} |")
    return "\n".join(rows) + "\n"


def replace_readme_table(readme: str, table: str) -> str:
    head, sep, rest = readme.partition("## Endpoints\n")
    assert sep, "README.md has no '## Endpoints' heading"
    intro, table_start, after = rest.partition("| Class | Method |")
    assert table_start, "README.md's Endpoints section has no table"
    tail = after.split("\n\n", 1)[1]
    return head + sep + intro + table + "\n" + tail


def docs_readme_section(by_tag: Dict[str, List[Any]], spec: Dict[str, Any]) -> str:
    lines = [
        f"All URIs are relative to *{HOST}*",
        "",
        "Class | Method | HTTP request | Description",
        "------------ | ------------- | ------------- | -------------",
    ]
    for cls, op in _ordered(by_tag):
        summary = op_text(spec, op).summary
        lines.append(f"*{cls}* | [**{op.name}**]({cls}.md#{op.name}) | **{op.method}** {op.path} | {summary}")
    classes = sorted({GEN.TAG_CLASSES[t] for t in by_tag})
    pages = ", ".join(f"[{c}]({c}.md)" for c in classes)
    lines += [
        "",
        f"One page per API class: {pages}.",
        "",
        "The API classes can be imported as `kalshi.MarketApi`, `from kalshi.apis import MarketApi` or",
        "`from kalshi.api import market_api` (and so on for every class); each loads on first use.",
        "",
    ]
    return "\n".join(lines)


def replace_docs_readme_section(readme: str, section_text: str) -> str:
    head, sep, rest = readme.partition("## Documentation for API Endpoints\n")
    assert sep, "docs/README.md has no '## Documentation for API Endpoints' heading"
    _old, nxt, tail = rest.partition("\n## ")
    assert nxt, "docs/README.md has no section after '## Documentation for API Endpoints'"
    return head + sep + "\n" + section_text + "\n## " + tail


# --------------------------------------------------------------------------- all files


def by_tag() -> Dict[str, List[Any]]:
    out: Dict[str, List[Any]] = {}
    for op in GEN.load_operations():
        out.setdefault(op.tag, []).append(op)
    return out


def load_spec() -> Dict[str, Any]:
    """The spec, read once (nothing here changes it)."""
    return spec_doc()


def generate(readme: str, docs_readme: str) -> Dict[str, str]:
    """Every generated file, path relative to the repository -> content."""
    spec = load_spec()
    tags = by_tag()
    files: Dict[str, str] = {}
    for tag, ops in sorted(tags.items()):
        cls = GEN.TAG_CLASSES[tag]
        if cls in HAND_WRITTEN:
            hand_written = (ROOT / "docs" / f"{cls}.md").read_text(encoding="utf-8")
            files[f"docs/{cls}.md"] = with_iterators(hand_written, cls, ops, spec)
            continue
        files[f"docs/{cls}.md"] = page(cls, tag, ops, spec)
    files["README.md"] = replace_readme_table(readme, readme_table(tags, spec))
    files["docs/README.md"] = replace_docs_readme_section(docs_readme, docs_readme_section(tags, spec))
    return files


def hand_written_expectations(cls: str) -> Tuple[List[str], List[str]]:
    """What a hand-written page must still agree on: its method table rows and signature lines."""
    spec = load_spec()
    tag = next(t for t, c in GEN.TAG_CLASSES.items() if c == cls)
    ops = by_tag()[tag]
    rows: List[str] = []
    signatures: List[str] = []
    for op in ops:
        rows.append(method_row(cls, op, op_text(spec, op)))
        signatures.append(f"> {signature(op)}")
        if iterator_of(op) is not None:
            rows.append(iterator_row(cls, op))
            signatures.append(f"> {iterator_signature(op)}")
    return rows, signatures


def current_readmes() -> Tuple[str, str]:
    return (ROOT / "README.md").read_text(encoding="utf-8"), (ROOT / "docs" / "README.md").read_text(encoding="utf-8")


def print_section(cls: str, name: str) -> None:
    """One method's section, for the hand-written pages."""
    tag = next(t for t, c in GEN.TAG_CLASSES.items() if c == cls)
    op = next(o for o in by_tag()[tag] if o.name == name)
    print("\n".join(section(cls, op, op_text(load_spec(), op))))
