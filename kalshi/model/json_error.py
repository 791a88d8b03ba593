"""The API's generic error structure."""

from typing import Optional

from kalshi.model_utils import Model


class JSONError(Model):
    """JSONError is a generic structure for API error responses."""

    code: Optional[str] = None
    details: Optional[str] = None
    message: Optional[str] = None
    service: Optional[str] = None
