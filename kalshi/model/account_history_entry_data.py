"""The payload of an account history entry: one populated sub-record."""

from typing import Optional

from kalshi.model.deposit_history import DepositHistory
from kalshi.model.order_history import OrderHistory
from kalshi.model.settlement_history import SettlementHistory
from kalshi.model.trade_history import TradeHistory
from kalshi.model.withdrawal_history import WithdrawalHistory
from kalshi.model_utils import Model, field


class AccountHistoryEntryData(Model):
    """Holds the sub-record named by the entry's ``type``; the API capitalises the wire keys."""

    deposit: Optional[DepositHistory] = field(wire="Deposit", default=None)
    order: Optional[OrderHistory] = field(wire="Order", default=None)
    settlement: Optional[SettlementHistory] = field(wire="Settlement", default=None)
    trade: Optional[TradeHistory] = field(wire="Trade", default=None)
    withdrawal: Optional[WithdrawalHistory] = field(wire="Withdrawal", default=None)
