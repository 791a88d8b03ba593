"""The value of the user's portfolio, in cents."""

from kalshi.model.cent import Cent
from kalshi.model_utils import Model


class UserGetPortfolioValueResponse(Model):
    """The value of the user's portfolio, in cents."""

    portfolio_value: Cent
