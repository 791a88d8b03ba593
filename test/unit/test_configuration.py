"""Configuration: defaults, validation, API keys, copying, and what repr and logging reveal."""

from __future__ import annotations

import http.client
import logging
from typing import Any, Iterator

import pytest

import kalshi
from kalshi import Configuration

SECRET_KEY = "sk-live-0123456789"
SECRET_PREFIX = "Sesame"


@pytest.fixture
def kalshi_logger_restored() -> Iterator[logging.Logger]:
    """Give the test the ``kalshi`` logger and put back its level and handlers afterwards."""
    logger = logging.getLogger("kalshi")
    level, handlers = logger.level, list(logger.handlers)
    yield logger
    for handler in logger.handlers:
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level)


# --------------------------------------------------------------------------- defaults


def test_default_host_is_production() -> None:
    assert Configuration().host == "https://trading-api.kalshi.com/v1"
    assert kalshi.DEFAULT_HOST == "https://trading-api.kalshi.com/v1"


def test_demo_host_constant() -> None:
    assert kalshi.DEMO_HOST == "https://demo-api.kalshi.co/v1"


def test_default_settings() -> None:
    config = Configuration()

    assert config.verify_ssl is True
    assert config.timeout == (10.0, 30.0)
    assert config.client_side_validation is True
    assert config.api_key == {} and config.api_key_prefix == {}
    assert config.debug is False
    assert config.proxy is None


def test_host_keeps_no_trailing_slash() -> None:
    assert Configuration(host="http://127.0.0.1:8080/v1/").host == "http://127.0.0.1:8080/v1"


def test_server_index_picks_a_known_server() -> None:
    assert Configuration(server_index=1).host == kalshi.DEMO_HOST
    assert [s["url"] for s in Configuration().get_host_settings()] == [kalshi.DEFAULT_HOST, kalshi.DEMO_HOST]


def test_get_host_from_settings_out_of_range_is_a_value_error() -> None:
    with pytest.raises(kalshi.ApiValueError):
        Configuration().get_host_from_settings(2)


# --------------------------------------------------------------------------- API keys


def test_api_key_set_seed_style() -> None:
    config = Configuration(host="https://trading-api.kalshi.com/v1")
    config.api_key["cookie"] = "YOUR_API_KEY"

    assert config.get_api_key_with_prefix("cookie") == "YOUR_API_KEY"


def test_api_key_with_prefix_joins_with_a_space() -> None:
    config = Configuration()
    config.api_key["cookie"] = "YOUR_API_KEY"
    config.api_key_prefix["cookie"] = "Bearer"

    assert config.get_api_key_with_prefix("cookie") == "Bearer YOUR_API_KEY"


def test_api_key_given_to_the_constructor() -> None:
    config = Configuration(api_key={"cookie": "k"}, api_key_prefix={"cookie": "p"})

    assert config.get_api_key_with_prefix("cookie") == "p k"


def test_api_key_missing_gives_none() -> None:
    config = Configuration()
    config.api_key_prefix["cookie"] = "Bearer"

    assert config.get_api_key_with_prefix("cookie") is None


def test_api_key_alias_is_used_when_the_identifier_is_absent() -> None:
    config = Configuration(api_key={"old_name": "k"})

    assert config.get_api_key_with_prefix("cookie", alias="old_name") == "k"


def test_auth_settings_describe_the_authorization_header() -> None:
    config = Configuration(api_key={"cookie": "k"})

    assert config.auth_settings()["cookie"]["key"] == "Authorization"
    assert config.auth_settings()["cookie"]["value"] == "k"
    assert Configuration().auth_settings() == {}


def test_repr_never_shows_the_key_or_prefix() -> None:
    config = Configuration(proxy_headers={"Proxy-Authorization": "Basic c2VjcmV0"})
    config.api_key["cookie"] = SECRET_KEY
    config.api_key_prefix["cookie"] = SECRET_PREFIX

    for text in (repr(config), str(config)):
        assert SECRET_KEY not in text
        assert SECRET_PREFIX not in text
        assert "c2VjcmV0" not in text
        assert "cookie" in text  # which keys are set is still visible


def test_credentials_in_the_host_are_refused_without_showing_them() -> None:
    with pytest.raises(kalshi.ApiValueError) as info:
        Configuration(host="https://alice:pa55word@gateway.internal/v1")
    assert "pa55word" not in str(info.value)


def test_repr_hides_proxy_credentials() -> None:
    config = Configuration(proxy="http://alice:pa55word@proxy.internal:3128")

    assert "pa55word" not in repr(config)
    assert "proxy.internal:3128" in repr(config)


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    "host",
    ["ftp://example.com/v1", "example.com/v1", "127.0.0.1:8080", "", "http://", "file:///etc/passwd", 8080, None],
)
def test_non_http_host_is_a_value_error(host: Any) -> None:
    config = Configuration()
    with pytest.raises(kalshi.ApiValueError):
        config.host = host


def test_non_http_host_in_the_constructor_is_a_value_error() -> None:
    with pytest.raises(kalshi.ApiValueError, match="host"):
        Configuration(host="ws://example.com")


def test_value_error_about_a_host_hides_its_credentials() -> None:
    with pytest.raises(kalshi.ApiValueError) as info:
        Configuration(host="ftp://bob:s3cr3t@example.com")

    assert "s3cr3t" not in str(info.value)


@pytest.mark.parametrize("timeout", [0, -1, "10", (1,), (1, 2, 3), (1, -2), (0, 5), True, (True, 5), [1, "2"]])
def test_bad_timeout_is_a_value_error(timeout: Any) -> None:
    with pytest.raises(kalshi.ApiValueError, match="timeout"):
        Configuration(timeout=timeout)


@pytest.mark.parametrize(
    "timeout, expected", [(5, 5.0), (2.5, 2.5), ((3, 7), (3, 7)), ((None, 7), (None, 7)), (None, None)]
)
def test_good_timeouts_are_accepted(timeout: Any, expected: Any) -> None:
    assert Configuration(timeout=timeout).timeout == expected


@pytest.mark.parametrize("retries", [-1, "3", 1.5, True])
def test_bad_retries_is_a_value_error(retries: Any) -> None:
    with pytest.raises(kalshi.ApiValueError, match="retries"):
        Configuration(retries=retries)


@pytest.mark.parametrize("retries", [0, 1, 5])
def test_retry_counts_are_accepted(retries: int) -> None:
    assert Configuration(retries=retries).retries == retries


@pytest.mark.parametrize("size", [0, -3, "10", 2.0])
def test_bad_pool_size_is_a_value_error(size: Any) -> None:
    with pytest.raises(kalshi.ApiValueError):
        Configuration(connection_pool_maxsize=size)


def test_bad_proxy_is_a_value_error() -> None:
    with pytest.raises(kalshi.ApiValueError, match="proxy"):
        Configuration(proxy="socks://proxy:1080")


# --------------------------------------------------------------------------- copy


def test_copy_is_independent() -> None:
    original = Configuration(host="http://127.0.0.1:1/v1", api_key={"cookie": "a"})
    original.api_key_prefix["cookie"] = "P"

    duplicate = original.copy()
    duplicate.api_key["cookie"] = "b"
    duplicate.api_key_prefix["cookie"] = "Q"
    duplicate.host = "http://127.0.0.1:2/v1"
    duplicate.servers.append({"url": "http://127.0.0.1:3/v1"})

    assert original.get_api_key_with_prefix("cookie") == "P a"
    assert duplicate.get_api_key_with_prefix("cookie") == "Q b"
    assert original.host == "http://127.0.0.1:1/v1"
    assert len(original.servers) == 2


def test_copy_keeps_the_settings() -> None:
    original = Configuration(host="http://127.0.0.1:1/v1", timeout=(1, 2), retries=0, client_side_validation=False)

    duplicate = original.copy()

    assert (duplicate.host, duplicate.timeout, duplicate.retries, duplicate.client_side_validation) == (
        "http://127.0.0.1:1/v1",
        (1, 2),
        0,
        False,
    )


def test_constructor_copies_the_key_dicts() -> None:
    keys = {"cookie": "a"}
    config = Configuration(api_key=keys)

    keys["cookie"] = "changed"

    assert config.get_api_key_with_prefix("cookie") == "a"


# --------------------------------------------------------------------------- logging


def test_turning_off_tls_verification_logs_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kalshi"):
        config = Configuration(verify_ssl=False)

    assert config.verify_ssl is False
    warnings = [r for r in caplog.records if r.name == "kalshi" and r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "verif" in warnings[0].getMessage()


def test_tls_verification_on_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="kalshi"):
        Configuration()

    assert [r for r in caplog.records if r.name == "kalshi"] == []


@pytest.mark.usefixtures("kalshi_logger_restored")
def test_debug_never_enables_http_client_debuglevel() -> None:
    before = http.client.HTTPConnection.debuglevel

    config = Configuration(debug=True)
    config.debug = True

    assert config.debug is True
    assert http.client.HTTPConnection.debuglevel == before == 0
    assert http.client.HTTPSConnection.debuglevel == 0


def test_debug_turns_on_debug_logging_of_the_kalshi_logger(kalshi_logger_restored: logging.Logger) -> None:
    kalshi_logger_restored.setLevel(logging.WARNING)

    Configuration(debug=True)

    assert kalshi_logger_restored.isEnabledFor(logging.DEBUG)


def test_debug_does_not_touch_the_root_logger(kalshi_logger_restored: logging.Logger) -> None:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)

    Configuration(debug=True)

    assert (root.level, root.handlers) == (level, handlers)


def test_ssl_ca_cert_defaults_to_certifis_bundle_and_can_be_replaced() -> None:
    import certifi

    config = Configuration()
    assert config.ssl_ca_cert == certifi.where()
    config.ssl_ca_cert = "/etc/ssl/my-ca.pem"
    assert config.ssl_ca_cert == "/etc/ssl/my-ca.pem"
    assert Configuration(ssl_ca_cert="/etc/ssl/other.pem").ssl_ca_cert == "/etc/ssl/other.pem"


# --------------------------------------------------------------------------- every assignment is checked


@pytest.mark.parametrize(
    "name, value, error",
    [
        ("timeout", "ten", kalshi.ApiValueError),
        ("timeout", float("nan"), kalshi.ApiValueError),
        ("timeout", (1, float("inf")), kalshi.ApiValueError),
        ("connection_pool_maxsize", 0, kalshi.ApiValueError),
        ("connection_pool_maxsize", "10", kalshi.ApiValueError),
        ("retries", -1, kalshi.ApiValueError),
        ("deadline", 0, kalshi.ApiValueError),
        ("deadline", None, kalshi.ApiValueError),
        ("deadline", float("inf"), kalshi.ApiValueError),
        ("max_response_size", 0, kalshi.ApiValueError),
        ("max_response_size", 1.5, kalshi.ApiValueError),
        ("rate_limit", 0, kalshi.ApiValueError),
        ("rate_limit", "5", kalshi.ApiValueError),
        ("rate_limit_burst", 0, kalshi.ApiValueError),
        ("proxy", "socks5://proxy:1080", kalshi.ApiValueError),
        ("proxy", 8080, kalshi.ApiValueError),
        ("host", "ftp://example.com", kalshi.ApiValueError),
        ("server_index", -1, kalshi.ApiValueError),
        ("verify_ssl", "no", kalshi.ApiTypeError),
        ("trust_env", 1, kalshi.ApiTypeError),
        ("debug", "yes", kalshi.ApiTypeError),
        ("client_side_validation", None, kalshi.ApiTypeError),
        ("api_key", ["cookie"], kalshi.ApiTypeError),
        ("api_key", {"cookie": 123}, kalshi.ApiTypeError),
        ("proxy_headers", {"X": 1}, kalshi.ApiTypeError),
        ("cert_file", 3, kalshi.ApiTypeError),
        ("ssl_ca_cert", b"/etc/ca.pem", kalshi.ApiTypeError),
        ("logger_format", None, kalshi.ApiTypeError),
        ("servers", "http://x", kalshi.ApiTypeError),
        ("timout", 5, kalshi.ApiAttributeError),  # a typo is refused, not silently kept
    ],
)
def test_every_assignment_is_checked_like_the_constructor(name: str, value: Any, error: type) -> None:
    config = Configuration()
    before = repr(config)
    with pytest.raises(error):
        setattr(config, name, value)
    assert repr(config) == before  # nothing changed
    if name not in ("timout", "servers"):  # not constructor arguments
        with pytest.raises(error):
            Configuration(**{name: value})


@pytest.mark.parametrize(
    "name, value, stored",
    [
        ("timeout", 5, 5.0),
        ("timeout", (2, 7), (2, 7)),
        ("deadline", 5, 5.0),
        ("max_response_size", 1024, 1024),
        ("rate_limit", 2, 2.0),
        ("rate_limit", None, None),
        ("rate_limit_burst", 4, 4),
        ("trust_env", False, False),
        ("proxy", "http://proxy:3128", "http://proxy:3128"),
        ("api_key", {"cookie": "k"}, {"cookie": "k"}),
    ],
)
def test_good_assignments_are_stored(name: str, value: Any, stored: Any) -> None:
    config = Configuration()
    setattr(config, name, value)
    assert getattr(config, name) == stored


def test_new_defaults() -> None:
    config = Configuration()
    assert config.deadline == 60.0
    assert config.max_response_size == 64 * 1024 * 1024
    assert (config.rate_limit, config.rate_limit_burst, config.trust_env) == (None, None, True)


def test_an_assigned_dict_is_copied() -> None:
    keys = {"cookie": "a"}
    config = Configuration()
    config.api_key = keys
    keys["cookie"] = "b"
    assert config.api_key == {"cookie": "a"}
