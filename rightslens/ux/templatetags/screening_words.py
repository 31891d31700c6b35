"""`{% load screening_words %}`: the elements of a red-line hit in the reader's language.

- `|element_names`: a hit's elements found or missing ("data: Faces or facial images", ...) joined
  with "; ", each shown in the reader's language (rightslens.ux.screening_words).
"""

from __future__ import annotations

from typing import Any

from django import template

from rightslens.ux import screening_words

register = template.Library()


@register.filter
def element_names(value: Any) -> str:
    return screening_words.element_texts(value)


@register.filter
def red_line_title(hit: Any) -> str:
    """A hit's red line (a RedLineHit or its stored dict) by its title in the reader's language."""
    return screening_words.red_line_title(hit)
