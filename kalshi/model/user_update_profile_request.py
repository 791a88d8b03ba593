"""Changes to a user's profile (no operation of v1 uses it)."""

from typing import List, Optional

from kalshi.model_utils import Model, field


class UserUpdateProfileRequest(Model):
    """Changes to a user's profile (no operation of v1 uses it)."""

    area_code: str = field(min_length=3)
    country: str = field(min_length=2)
    country_code: str = field(min_length=1)
    phone_number: str = field(min_length=7)
    postal_code: str = field(min_length=5)
    state: str = field(min_length=2)
    birth_date: Optional[str] = None
    city: Optional[str] = None
    finished_fre: Optional[bool] = None
    first_name: Optional[str] = None
    last_name: Optional[str] = None
    street1: Optional[str] = None
    street2: Optional[str] = None
    use_bid_ask: Optional[bool] = None
    watchlist: Optional[List[str]] = None
