"""How a deposit is made, a string."""

DepositType = str
