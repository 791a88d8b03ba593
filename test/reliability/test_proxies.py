"""Proxies: ``proxy=`` and the environment's HTTP(S)_PROXY / ALL_PROXY / NO_PROXY, through a real proxy on 127.0.0.1."""

from __future__ import annotations

import base64
import shutil
import socket
import ssl
import subprocess
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

import kalshi
from kalshi.api.account_api import AccountApi
from kalshi.testing import DEMO_USER_ID, FakeKalshiServer

from ._servers import SOCKET_TIMEOUT, Proxy, _pipe

PROXY_VARIABLES = (
    "http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("REQUEST_METHOD", raising=False)  # the stdlib ignores HTTP_PROXY under CGI


@pytest.fixture
def proxy() -> Iterator[Proxy]:
    with Proxy() as server:
        yield server


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A self-signed certificate for 127.0.0.1 (cert and key in one PEM file)."""
    openssl = shutil.which("openssl")
    assert openssl is not None, "the proxy tests need the openssl command to make a test certificate"
    folder = tmp_path_factory.mktemp("tls")
    pem = folder / "cert.pem"
    subprocess.run(  # noqa: S603 - fixed command line
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(folder / "key.pem"), "-out", str(pem)],
        check=True, capture_output=True, timeout=60,
    )
    (folder / "both.pem").write_text((folder / "key.pem").read_text() + pem.read_text())
    return folder


class TlsFront:
    """TLS on 127.0.0.1 in front of a plain-HTTP server: the target of a CONNECT tunnel."""

    def __init__(self, certificate: Path, upstream_port: int) -> None:
        self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._context.load_cert_chain(str(certificate / "cert.pem"), str(certificate / "key.pem"))
        self._upstream = upstream_port
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(8)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._relay, args=(conn,), daemon=True).start()

    def _relay(self, conn: socket.socket) -> None:
        conn.settimeout(SOCKET_TIMEOUT)
        try:
            with self._context.wrap_socket(conn, server_side=True) as tls, socket.create_connection(
                ("127.0.0.1", self._upstream), timeout=SOCKET_TIMEOUT
            ) as upstream:
                _pipe(tls, upstream, self._stopped)
        except OSError:
            pass

    def close(self) -> None:
        self._stopped.set()
        self._sock.close()


def _get(api_client: kalshi.ApiClient) -> Any:
    return AccountApi(api_client).get_notification_preferences(DEMO_USER_ID)


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY"])
def test_an_environment_proxy_forwards_plain_http(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str, proxy: Proxy,
    monkeypatch: pytest.MonkeyPatch, variable: str,
) -> None:
    monkeypatch.setenv(variable, proxy.url)
    assert _get(new_client(fake, api_key=demo_key)).preferences.subscription_level
    assert proxy.seen[0][0].startswith(f"GET http://127.0.0.1:{fake.port}/v1/users/{DEMO_USER_ID}/")
    assert fake.request_count == 1


def test_https_goes_through_a_connect_tunnel(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str, proxy: Proxy,
    monkeypatch: pytest.MonkeyPatch, certificate: Path,
) -> None:
    front = TlsFront(certificate, fake.port)
    try:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # the wrong one for https: must not be used
        api_client = new_client(
            f"https://127.0.0.1:{front.port}/v1", api_key=demo_key, ssl_ca_cert=str(certificate / "cert.pem")
        )
        assert _get(api_client).preferences.subscription_level
        assert proxy.seen[0][0].startswith(f"CONNECT 127.0.0.1:{front.port} HTTP/1.")
        assert fake.request_count == 1
    finally:
        front.close()


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "localhost,127.0.0.1", "*"])
def test_no_proxy_connects_directly(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str, proxy: Proxy,
    monkeypatch: pytest.MonkeyPatch, no_proxy: str,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", no_proxy)
    assert _get(new_client(fake, api_key=demo_key)).preferences.subscription_level
    assert proxy.seen == []


def test_trust_env_false_ignores_the_environment(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str, proxy: Proxy,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    assert _get(new_client(fake, api_key=demo_key, trust_env=False)).preferences.subscription_level
    assert proxy.seen == []


def test_the_configured_proxy_wins_and_sends_its_credentials(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = "Basic " + base64.b64encode(b"bob:s3cr:t").decode()
    with Proxy(require_auth=expected) as guarded:
        monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
        api_client = new_client(fake, api_key=demo_key, proxy=f"http://bob:s3cr%3At@127.0.0.1:{guarded.port}")
        assert _get(api_client).preferences.subscription_level
        assert guarded.seen[0][1] == expected
        assert "s3cr" not in repr(api_client.configuration)


def test_an_unsupported_environment_proxy_is_a_typed_error(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "socks5://127.0.0.1:1080")
    with pytest.raises(kalshi.ApiValueError, match="proxy"):
        _get(new_client(fake, api_key=demo_key))
    assert fake.request_count == 0


def test_a_dead_proxy_is_a_connection_error(
    fake: FakeKalshiServer, new_client: Callable[..., kalshi.ApiClient], demo_key: str, closed_port: int
) -> None:
    api_client = new_client(fake, api_key=demo_key, retries=0, proxy=f"http://127.0.0.1:{closed_port}")
    with pytest.raises(kalshi.ApiConnectionError):
        _get(api_client)
    assert fake.request_count == 0
