"""Response of ``GET /users/{user_id}/watchlist``."""

from kalshi.model.watchlist import Watchlist
from kalshi.model_utils import Model


class UserGetWatchlistResponse(Model):
    """Response of ``GET /users/{user_id}/watchlist``."""

    watchlist: Watchlist
