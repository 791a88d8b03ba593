"""When a failed ``orders.create`` becomes ``OrderOutcomeUnknownError``.

The order may have reached the exchange when the transport failed after it may have been sent
(``kalshi._transport.sent``), when the exchange answered 5xx (it may have placed the order and failed
afterwards), or when it answered 2xx with a body the SDK cannot read (it was placed). Everything
else (a 4xx, an error before sending) certainly placed nothing and stays the ordinary exception.
"""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from kalshi.exceptions import (
    ApiConnectionError,
    ApiDecodeError,
    ApiException,
    OpenApiException,
    OrderOutcomeUnknownError,
    ServiceException,
)
from kalshi.model.user_order_create_request import UserOrderCreateRequest

__all__ = ["unknown_outcome"]


def _may_have_landed(error: OpenApiException) -> bool:
    if isinstance(error, ApiConnectionError):
        from kalshi._transport.sent import may_have_been_sent  # on a failure only: it loads urllib3's errors

        return may_have_been_sent(error)
    if isinstance(error, ServiceException):
        return True
    return isinstance(error, ApiDecodeError) and error.status is not None and 200 <= error.status <= 299


def unknown_outcome(
    error: OpenApiException, market: str, request: UserOrderCreateRequest, sent_at: datetime
) -> Optional[OrderOutcomeUnknownError]:
    """The ``OrderOutcomeUnknownError`` to raise from ``error``, or None to raise ``error`` itself."""
    if not _may_have_landed(error):
        return None
    host = method = url = None
    if isinstance(error, (ApiConnectionError, ApiException)):
        method, url = error.method, error.url
    if isinstance(error, ApiConnectionError):
        host = error.host
    return OrderOutcomeUnknownError(
        f"the order may or may not have been placed ({type(error).__name__}: {error}); "
        "ask the exchange with client.orders.reconcile(error) before sending it again",
        market=market,
        market_id=request.market_id,
        side=request.side,
        count=request.count,
        price=request.price,
        expiration_unix_ts=request.expiration_unix_ts,
        max_cost=request.max_cost_cents,
        sell_position_capped=bool(request.sell_position_capped),
        sent_at=sent_at,
        host=host,
        method=method,
        url=url,
    )
