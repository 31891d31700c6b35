"""A criterion's title and texts in the reader's language.

Findings store the criterion's English title and recommendation as they were when the instrument
was analysed. Shown to a French or Spanish reader, they are replaced by the `translations` of the
criterion in the running knowledge base (policy-criteria.yaml); where the library has none for
that language or field, the stored English stays.
"""

from __future__ import annotations

from django.utils.translation import get_language

from rightslens.common.knowledge import knowledge
from rightslens.core.knowledge import Item

CRITERION_TYPE = "alignment_criterion"


def criterion_item(code: str) -> Item | None:
    item = knowledge().get(code)
    return item if item is not None and item.type == CRITERION_TYPE else None


def criterion_text(code: str, name: str, stored: str, language: str | None = None) -> str:
    """`stored` (the finding's English `name`: title or recommendation) in the reader's language."""
    if not stored:
        return stored
    item = criterion_item(code)
    if item is None:
        return stored
    language = language if language is not None else get_language()
    translated = item.text_in(name, language)
    english = item.title if name == "title" else item.fields.get(name)
    if not translated or translated == english:
        return stored
    return str(translated)
