"""The synthetic task catalogue: domains of task templates with constrained slot fillers."""

from __future__ import annotations

from workers.synthetic_data import everyday, language, professional, technical
from workers.synthetic_data.base import GENERIC_DETAILS, Domain, TaskTemplate

DOMAINS: list[Domain] = [
    *language.DOMAINS,
    *technical.DOMAINS,
    *professional.DOMAINS,
    *everyday.DOMAINS,
]

__all__ = ["DOMAINS", "GENERIC_DETAILS", "Domain", "TaskTemplate"]
