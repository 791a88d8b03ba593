"""The ``Configuration`` options ``Kalshi(...)`` and ``Kalshi.with_options(...)`` accept, by name."""

# No ``from __future__ import annotations``: TypedDict reads its annotations at class creation.
from typing import Any, Dict, Mapping, Optional, Tuple, TypedDict, Union

from kalshi.configuration import SHARED_SETTINGS
from kalshi.exceptions import ApiTypeError, ApiValueError

__all__ = ["ClientOptions", "check_option_names", "shared_settings"]


class ClientOptions(TypedDict, total=False):
    """Every keyword of ``Configuration`` but ``host`` (see ``kalshi.Configuration``)."""

    api_key: Mapping[str, str]
    api_key_prefix: Mapping[str, str]
    verify_ssl: bool
    ssl_ca_cert: Optional[str]
    cert_file: Optional[str]
    key_file: Optional[str]
    assert_hostname: Union[str, bool, None]
    proxy: Optional[str]
    proxy_headers: Optional[Mapping[str, str]]
    trust_env: bool
    connection_pool_maxsize: int
    timeout: Union[float, Tuple[Optional[float], Optional[float]], Any, None]
    deadline: float
    retries: Any  # an int or a urllib3 Retry
    max_response_size: int
    rate_limit: Optional[float]
    rate_limit_burst: Optional[int]
    debug: bool
    logger_file: Optional[str]
    logger_format: str
    client_side_validation: bool
    server_index: Optional[int]
    safe_chars_for_path_param: str


OPTION_NAMES = frozenset(ClientOptions.__annotations__)

def check_option_names(options: Dict[str, Any], where: str) -> None:
    """Refuse an option ``Configuration`` does not have, by name, before anything is built."""
    for name in options:
        if name not in OPTION_NAMES:
            raise ApiTypeError(
                f"{where} got an unexpected option {name!r} (options: {', '.join(sorted(OPTION_NAMES))})",
                path_to_item=[name],
            )


def shared_settings(options: Dict[str, Any]) -> None:
    """Refuse, in ``with_options``, a setting of the pools or the session that copies share
    (``ApiClient.sharing_session`` would too, once the copy's configuration is made)."""
    for name in options:
        if name in SHARED_SETTINGS:
            raise ApiValueError(
                f"with_options() cannot change {name!r}: copies share the connection pools and the "
                "session of their client; create another Kalshi for that",
                path_to_item=[name],
            )
