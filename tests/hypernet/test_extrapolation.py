"""hypernet.extrapolation: a description's embedding pushed away from its nearest training ones."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from hypernet.extrapolation import extrapolate, neighbour_means


def test_the_neighbours_mean_takes_the_nearest_rows_and_skips_the_excluded_ones():
    train = torch.tensor([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0], [-1.0, 0.0]])
    query = torch.tensor([[1.0, 0.1]])
    assert torch.allclose(neighbour_means(query, train, 2), (train[0] + train[1]) / 2)
    skip_first = torch.tensor([[True, False, False, False]])
    assert torch.allclose(neighbour_means(query, train, 2, exclude=skip_first), (train[1] + train[2]) / 2)
    with pytest.raises(ValueError, match="fewer than 4"):
        neighbour_means(query, train, 4, exclude=skip_first)
    with pytest.raises(ValueError, match="neighbours must be 1..4"):
        neighbour_means(query, train, 0)
    with pytest.raises(ValueError, match=r"\[Q, d\]"):
        neighbour_means(torch.ones(1, 3), train, 1)


def test_beta_0_is_the_description_and_beta_above_0_moves_away_from_its_neighbours():
    query = F.normalize(torch.tensor([[1.0, 0.3]]), dim=-1)
    means = F.normalize(torch.tensor([[1.0, 0.0]]), dim=-1)
    assert torch.allclose(extrapolate(query, means, 0.0), query)
    pushed = extrapolate(query, means, 1.0)
    assert torch.allclose(pushed.norm(dim=-1), torch.ones(1))
    assert float(pushed @ means.T) < float(query @ means.T)  # further from the neighbours
    pulled = extrapolate(query, means, -1.0)  # beta -1: the neighbours' mean itself
    assert torch.allclose(pulled, means)
