"""hypernet.rank_correlation: Spearman's rho from tied ranks."""

from __future__ import annotations

import math

import pytest

from hypernet.rank_correlation import ranks, spearman


def test_ties_share_their_mean_rank():
    assert ranks([3.0, 1.0, 3.0, 2.0]) == [3.5, 1.0, 3.5, 2.0]


def test_rho_follows_the_order_not_the_values():
    assert spearman([1, 2, 3, 4], [1, 10, 100, 1000]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 2, 3], [2, 1, 3]) == pytest.approx(0.5)


def test_too_few_or_constant_values_have_no_rho_and_unpaired_ones_are_refused():
    assert math.isnan(spearman([1, 2], [2, 1])) and math.isnan(spearman([1, 1, 1], [1, 2, 3]))
    with pytest.raises(ValueError, match="pairs"):
        spearman([1, 2, 3], [1, 2])
