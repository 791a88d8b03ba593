"""Which proxy a request goes through: ``Configuration.proxy``, else the environment's, as requests does.

``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``ALL_PROXY`` (lower case wins, as in the standard library) and
``NO_PROXY`` are read with ``urllib.request``'s own functions, unless ``trust_env`` is False.
"""

from __future__ import annotations

from typing import Mapping, Optional
from urllib.parse import unquote, urlsplit

__all__ = ["environment_proxies", "proxy_for", "proxy_passwords", "split_credentials"]


def environment_proxies() -> dict[str, str]:
    """The proxy variables of the environment, by scheme (``http``, ``https``, ``all``, ``no``)."""
    from urllib.request import getproxies_environment  # on first use only: a heavy import

    return dict(getproxies_environment())


def proxy_for(url: str, configured: Optional[str], trust_env: bool, env: Mapping[str, str]) -> Optional[str]:
    """The proxy URL for ``url``, or None to connect directly."""
    if configured:
        return configured
    if not trust_env or not env:
        return None
    parts = urlsplit(url)
    proxy = env.get(parts.scheme) or env.get("all")
    if not proxy:
        return None
    from urllib.request import proxy_bypass_environment  # type: ignore[attr-defined]  # not in typeshed

    if proxy_bypass_environment(parts.netloc, dict(env)):
        return None
    return proxy if "://" in proxy else "http://" + proxy  # "proxy:3128" means plain HTTP, as in requests


def split_credentials(proxy: str) -> tuple[str, Optional[str]]:
    """``(url without user:password@, "user:password" or None)``, percent-decoded."""
    parts = urlsplit(proxy)
    if parts.username is None:
        return proxy, None
    url = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
    return url, f"{unquote(parts.username)}:{unquote(parts.password or '')}"


def proxy_passwords(proxies: Mapping[str, str]) -> list[str]:
    """The passwords in proxy URLs, to scrub from error text."""
    out = []
    for proxy in proxies.values():
        if "@" in proxy:
            password = urlsplit(proxy if "://" in proxy else "http://" + proxy).password
            if password:
                out += [password, unquote(password)]
    return out

