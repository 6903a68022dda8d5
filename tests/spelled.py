"""Numbers as a viewer must see them, spelled out here without the code under test: two
places, rounded half to even on the exact value, a true minus sign (U+2212), never "−0.00"."""

from decimal import ROUND_HALF_EVEN, Decimal

MINUS = "\u2212"


def written(value: float, places: int = 2) -> str:
    exact = Decimal(float(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    if exact == 0:
        exact = abs(exact)
    digits = f"{abs(exact):f}"
    return MINUS + digits if exact < 0 else digits
