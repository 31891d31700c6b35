"""`{% load pickers %}{% category_rights_json %}`: which rights each GenAI risk category engages,
as JSON for the rights picker (rightslens/static/rightslens/js/rights_picker.js)."""

from __future__ import annotations

import json

from django import template

register = template.Library()


@register.simple_tag
def category_rights_json() -> str:
    try:
        from rightslens.common.knowledge import knowledge

        items = knowledge().offered("risk_category")
    except Exception:  # noqa: BLE001 - the picker degrades to plain checkboxes
        return "{}"
    return json.dumps({i.id: list(i.get("right_refs") or []) for i in items})
