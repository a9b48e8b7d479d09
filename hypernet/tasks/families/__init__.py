"""The built-in task families, one module each. A family module defines ``FAMILY`` (its name),
``TEMPLATES`` (family-level description templates) and ``SPECS`` (its tasks). Add a family by
writing a module and listing it here."""

from __future__ import annotations

from types import ModuleType


def family_modules() -> list[ModuleType]:
    """Imported on demand: the modules import data packages' loaders (cheaply; data loads lazily)."""
    from hypernet.tasks.families import (
        arithmetic,
        bases,
        calendar_math,
        checks,
        cipher,
        classification,
        counting,
        dates,
        emoji,
        encoding,
        extraction,
        fixed_arithmetic,
        formatting,
        fractions,
        language,
        letters,
        lists,
        lookup,
        morphology,
        naming,
        pairs,
        records,
        sequences,
        structured,
        text,
        text_edit,
        units,
    )

    return [
        text,
        naming,
        arithmetic,
        counting,
        extraction,
        classification,
        lookup,
        language,
        emoji,
        structured,
        dates,
        fixed_arithmetic,
        lists,
        cipher,
        bases,
        letters,
        units,
        checks,
        calendar_math,
        # session 4: eight more families (the suite's order decides nothing but listing order)
        sequences,
        fractions,
        formatting,
        encoding,
        pairs,
        records,
        morphology,
        text_edit,
    ]
