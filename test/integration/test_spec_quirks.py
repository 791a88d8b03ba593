"""The spec's quirks, each pinned over a real socket against a server that records what it gets.

The recording server answers every request with the next canned answer (default: 200 and ``{}``)
and keeps the method, path, query, headers and body the SDK sent.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

import pytest

import kalshi
from kalshi.api.default_api import DefaultApi
from kalshi.api.exchange_api import ExchangeApi
from kalshi.api.market_api import MarketApi
from kalshi.api.portfolio_api import PortfolioApi
from kalshi.api.user_api import UserApi
from kalshi.exceptions import ApiResponseTypeError, exception_for_status
from kalshi.exchange_status import ExchangeStatus
from kalshi.model.user_get_portfolio_history_request import UserGetPortfolioHistoryRequest

SPEC = json.loads((Path(__file__).resolve().parents[1] / "spec" / "kalshi-v1.json").read_text(encoding="utf-8"))
USER = "user-1"


class Recorded:
    def __init__(self, method: str, target: str, headers: Dict[str, str], body: bytes) -> None:
        parts = urlsplit(target)
        self.method = method
        self.raw_path = parts.path
        self.raw_query = parts.query
        self.query = parse_qs(parts.query, keep_blank_values=True)
        self.headers = headers
        self.body = body


class Recorder:
    """A loopback HTTP server: canned answers in, recorded requests out."""

    def __init__(self) -> None:
        self.requests: List[Recorded] = []
        self.answers: List[Tuple[int, Dict[str, str], bytes]] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                recorder.requests.append(Recorded(self.command, self.path, headers, body))
                status, extra, payload = recorder.answers.pop(0) if recorder.answers else (200, {}, b"{}")
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                if payload:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _any  # noqa: N815 - http.server's names

            def log_message(self, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.host = f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def answer(self, status: int, body: Any = None, headers: Optional[Dict[str, str]] = None) -> None:
        payload = b"" if body is None else json.dumps(body).encode()
        self.answers.append((status, headers or {}, payload))

    def __enter__(self) -> Recorder:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    with Recorder() as r:
        yield r


@pytest.fixture
def client(recorder: Recorder) -> Iterator[kalshi.ApiClient]:
    config = kalshi.Configuration(host=recorder.host, retries=0)
    config.api_key["cookie"] = f"{USER} token"
    with kalshi.ApiClient(config) as api_client:
        yield api_client


def test_portfolio_history_is_a_get_that_carries_a_json_body(client: kalshi.ApiClient, recorder: Recorder) -> None:
    point = {"a": 1, "v": 2, "ts": 3, "cumulative_deposits": 5, "cumulative_withdrawals": 0}
    recorder.answer(200, {"values": [{**point, "cumulative_number_settlements": 0}]})
    since = datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc)
    body = UserGetPortfolioHistoryRequest(min_date=since, max_ts=1717200000)
    history = PortfolioApi(client).user_get_portfolio_history(USER, user_get_portfolio_history_request=body)
    sent = recorder.requests[-1]
    assert (sent.method, sent.raw_path) == ("GET", f"/v1/users/{USER}/portfolio/history")
    assert sent.headers["content-type"] == "application/json"
    assert json.loads(sent.body) == {"min_date": "2024-05-01T12:30:00Z", "max_ts": 1717200000}
    assert history.values is not None
    assert history.values[0].v == 2


@pytest.mark.parametrize("exchange, trading", [("true", "false"), ("false", "true"), ("True", "FALSE")])
def test_exchange_status_is_read_from_the_response_headers(
    client: kalshi.ApiClient, recorder: Recorder, exchange: str, trading: str
) -> None:
    recorder.answer(200, None, {"exchange_active": exchange, "trading_active": trading})
    status = ExchangeApi(client).get_exchange_status()
    assert status == ExchangeStatus(
        exchange_active=exchange.lower() == "true", trading_active=trading.lower() == "true"
    )
    assert recorder.requests[-1].body == b""


@pytest.mark.parametrize(
    "headers", [{}, {"exchange_active": "true"}, {"exchange_active": "yes", "trading_active": "1"}]
)
def test_exchange_status_without_its_headers_is_a_typed_error(
    client: kalshi.ApiClient, recorder: Recorder, headers: Dict[str, str]
) -> None:
    recorder.answer(200, None, headers)
    with pytest.raises(ApiResponseTypeError) as info:
        ExchangeApi(client).get_exchange_status()
    assert info.value.status == 200 and info.value.path_to_item in (["exchange_active"], ["trading_active"])


def test_wire_names_that_differ_from_the_python_names_are_sent_exactly(
    client: kalshi.ApiClient, recorder: Recorder
) -> None:
    recorder.answer(200, {"trades": []})
    UserApi(client).user_trades_get(USER, min_price=5, max_price=90, min_count=2, max_count=9)
    assert recorder.requests[-1].query == {
        "MinPrice": ["5"],
        "MaxPrice": ["90"],
        "MinCount": ["2"],
        "max_count": ["9"],
    }


def test_date_times_in_a_query_go_out_as_rfc3339_percent_encoded(
    client: kalshi.ApiClient, recorder: Recorder
) -> None:
    recorder.answer(200, {"orders": []})
    UserApi(client).user_orders_get(
        USER, min_date=datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc), max_date=datetime(2024, 2, 1)
    )
    assert recorder.requests[-1].raw_query == "min_date=2024-01-02T03%3A04%3A05Z&max_date=2024-02-01T00%3A00%3A00Z"


@pytest.mark.parametrize("market_id", ["a/b", "../x", "..", "q?x=1", "100%", "sp ace", "#frag"])
def test_a_path_parameter_stays_one_segment(client: kalshi.ApiClient, recorder: Recorder, market_id: str) -> None:
    recorder.answer(200, {"market": {"id": "m"}})
    MarketApi(client).get_market(market_id)
    path = recorder.requests[-1].raw_path
    assert path.startswith("/v1/markets/") and path.count("/") == 3
    assert recorder.requests[-1].raw_query == ""


def test_uuid4_formats_are_not_enforced_client_side(client: kalshi.ApiClient, recorder: Recorder) -> None:
    recorder.answer(200, {"market_positions": []})
    UserApi(client).user_get_market_positions("not-a-uuid")
    assert recorder.requests[-1].raw_path == "/v1/users/not-a-uuid/positions"


def test_operations_without_a_request_body_send_none(client: kalshi.ApiClient, recorder: Recorder) -> None:
    recorder.answer(200, {"markets": []})
    recorder.answer(204)
    MarketApi(client).get_markets()
    UserApi(client).user_add_watchlist(USER, "m-1")
    for sent in recorder.requests:
        assert sent.body == b"" and "content-type" not in sent.headers
        assert sent.headers.get("content-length") in (None, "0")


def test_reset_password_answers_202_and_returns_none(client: kalshi.ApiClient, recorder: Recorder) -> None:
    from kalshi.api.auth_api import AuthApi
    from kalshi.model.reset_password_request import ResetPasswordRequest

    recorder.answer(202)
    assert AuthApi(client).reset_password(reset_password_request=ResetPasswordRequest(email="me@example.com")) is None
    assert "authorization" not in recorder.requests[-1].headers  # the spec does not secure it


def test_public_market_data_is_sent_without_authorization(client: kalshi.ApiClient, recorder: Recorder) -> None:
    recorder.answer(200, {"trades": []})
    recorder.answer(200, {"balance": 100})
    DefaultApi(client).get_trades(page_size=10)
    UserApi(client).user_get_balance(USER)
    assert "authorization" not in recorder.requests[0].headers
    assert recorder.requests[1].headers["authorization"] == f"{USER} token"


def _error_cases() -> List[Tuple[str, str, int]]:
    cases = []
    for item in SPEC["paths"].values():
        for method, op in item.items():
            for status in op["responses"]:
                if not status.startswith("2"):
                    cases.append((op["operationId"], method.upper(), int(status)))
    return cases


def _call(client: kalshi.ApiClient, operation_id: str) -> Any:
    import re

    import kalshi.apis

    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", operation_id).lower()
    for class_name in kalshi.apis.__all__:
        api = getattr(kalshi.apis, class_name)(client)
        method = getattr(api, name, None)
        if method is None:
            continue
        names = ("market_id", "ticker_name", "ranged_market_id", "ticker", "order_id", "code")
        args: Dict[str, Any] = {p: "x" for p in names}
        args.update(notification_id="n", page_size=1, page_number=1)
        import inspect

        params = inspect.signature(method).parameters
        given = {k: v for k, v in args.items() if k in params and params[k].kind is not inspect.Parameter.KEYWORD_ONLY}
        return method(USER, **given) if "user_id" in params else method(**given)
    raise AssertionError(f"no method for {operation_id}")


@pytest.mark.parametrize("operation_id, method, status", _error_cases())
def test_every_error_status_of_every_operation_maps_to_its_exception(
    client: kalshi.ApiClient, recorder: Recorder, operation_id: str, method: str, status: int
) -> None:
    recorder.answer(status, {"code": "c", "message": "m"})
    with pytest.raises(exception_for_status(status)) as info:
        _call(client, operation_id)
    assert info.value.status == status and info.value.code == "c"
    assert recorder.requests[-1].method == method
