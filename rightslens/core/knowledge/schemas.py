"""Per-type schemas for knowledge items (pydantic). Unknown types are refused.

Each model lists the type-specific fields; the base fields (id, title, citations, unverified) are
checked by the loader. Fields named *_ref / *_refs are cross-references checked across libraries.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError


class _Fields(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# The knowledge-base issue fills this registry with one model per item type.
SCHEMAS: dict[str, type[_Fields]] = {}


def validate_item_fields(item_type: str, fields: dict[str, Any]) -> str:
    """An error message, or '' when the fields fit the type's schema."""
    model = SCHEMAS.get(item_type)
    if model is None:
        return f"unknown item type '{item_type}'"
    try:
        model.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or item_type
        return f"field '{loc}': {first['msg']}"
    return ""
