"""Template helpers for the knowledge hub."""

from __future__ import annotations

from django import template

from rightslens.core.knowledge import Item
from rightslens.hub.presentation import gist as item_gist

register = template.Library()


@register.filter
def gist(item: Item) -> str:
    return item_gist(item)
