"""The state of a trade, a string."""

TradeStatus = str
