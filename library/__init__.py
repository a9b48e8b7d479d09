"""The catalog (what is stored and found), the dispatcher and the SDK. Names load lazily, so
``import library`` stays light.

    from library import SkillLibrary, open_catalog, NewAdapter, add_adapters, search
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Catalog": "library.catalog",
    "open_catalog": "library.catalog",
    "NewAdapter": "library.adapters",
    "add_adapters": "library.adapters",
    "file_adapters": "library.adapters",
    "prepare_adapters": "library.adapters",
    "add_evaluation": "library.adapters",
    "add_descriptions": "library.adapters",
    "get_adapter": "library.adapters",
    "list_adapters": "library.adapters",
    "load_adapter": "library.adapters",
    "read_adapter": "library.adapters",
    "export_adapter": "library.adapters",
    "import_peft_adapter": "library.adapters",
    "idempotency_key": "library.adapters",
    "ensure_base_model": "library.adapters",
    "register_checkpoint": "library.adapters",
    "search": "library.lookup",
    "SearchHit": "library.lookup",
    "AdapterStore": "library.store",
    "DescriptionIndex": "library.index",
    "SkillLibrary": "library.sdk",
    "Dispatcher": "library.dispatch",
    "Provenance": "library.provenance",
    "Generation": "library.provenance",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'library' has no attribute {name!r}")
