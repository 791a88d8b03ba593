"""Represents a user's profile on the api."""

from datetime import datetime
from typing import List, Optional

from kalshi.model_utils import Model


class User(Model):
    """Represents a user's profile on the api."""

    area_code: Optional[str] = None
    birth_date: Optional[str] = None
    city: Optional[str] = None
    country: Optional[str] = None
    country_code: Optional[str] = None
    created_ts: Optional[datetime] = None
    email: Optional[str] = None
    finished_fre: Optional[bool] = None
    first_name: Optional[str] = None
    last_name: Optional[str] = None
    phone_number: Optional[str] = None
    postal_code: Optional[str] = None
    state: Optional[str] = None
    street1: Optional[str] = None
    street2: Optional[str] = None
    use_bid_ask: Optional[bool] = None
    user_id: Optional[str] = None
    watchlist: Optional[List[str]] = None
    wire_code: Optional[str] = None
