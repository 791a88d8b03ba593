"""The state of a market, a string."""

MarketStatus = str
