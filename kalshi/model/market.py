"""Market details."""

from datetime import datetime
from typing import List, Optional

from kalshi.model.cent import Cent
from kalshi.model.market_option_type import MarketOptionType
from kalshi.model.market_status import MarketStatus
from kalshi.model.settlement_source import SettlementSource
from kalshi.model_utils import Int32, Int64, Model


class Market(Model):
    """Market details."""

    can_close_early: Optional[bool] = None
    category: Optional[str] = None
    close_date: Optional[datetime] = None
    close_unconfirmed: Optional[bool] = None
    create_date: Optional[datetime] = None
    description_case_no: Optional[str] = None
    description_case_yes: Optional[str] = None
    description_context: Optional[str] = None
    dollar_open_interest: Optional[Int64] = None
    dollar_recent_volume: Optional[Int64] = None
    dollar_volume: Optional[Int64] = None
    expiration_date: Optional[datetime] = None
    expiration_value: Optional[str] = None
    frequency_in_days: Optional[Int32] = None
    id: Optional[str] = None
    image_url: Optional[str] = None
    last_price: Optional[Cent] = None
    list_date: Optional[datetime] = None
    metrics_tags: Optional[List[str]] = None
    min_tick_size: Optional[str] = None
    mini_title: Optional[str] = None
    open_date: Optional[datetime] = None
    open_interest: Optional[Int64] = None
    option_type: Optional[MarketOptionType] = None
    original_expiration_date: Optional[datetime] = None
    previous_price: Optional[Cent] = None
    previous_yes_ask: Optional[Cent] = None
    previous_yes_bid: Optional[Cent] = None
    ranged_group_name: Optional[str] = None
    ranged_group_ticker: Optional[str] = None
    recent_volume: Optional[Int64] = None
    result: Optional[str] = None
    settle_details: Optional[str] = None
    settlement_sources: Optional[List[SettlementSource]] = None
    status: Optional[MarketStatus] = None
    strike_price: Optional[float] = None
    sub_title: Optional[str] = None
    tags: Optional[List[str]] = None
    ticker_name: Optional[str] = None
    title: Optional[str] = None
    underlying: Optional[str] = None
    volume: Optional[Int64] = None
    yes_ask: Optional[Cent] = None
    yes_bid: Optional[Cent] = None
