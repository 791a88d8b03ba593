"""The option type of a market, a string."""

MarketOptionType = str
