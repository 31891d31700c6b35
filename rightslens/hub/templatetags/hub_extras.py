"""Template helpers for the knowledge hub."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from rightslens.core.knowledge import Item
from rightslens.hub.presentation import gist as item_gist

register = template.Library()


@register.filter
def gist(item: Item) -> str:
    return item_gist(item)


@register.filter
def loc_title(item: Item) -> str:
    """The item's title in the reader's language where the library gives one; else English."""
    return item.title_in(get_language())


@register.filter
def loc_field(item: Item, name: str) -> str:
    """One of the item's text fields in the reader's language where the library gives it."""
    value = item.text_in(name, get_language())
    return "" if value is None else str(value)
