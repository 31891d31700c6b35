"""The rights picker, shared by every form that names rights (impacts, grievances): the
knowledge base's rights grouped by instrument, shown as one fieldset of checkboxes per instrument."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rightslens.common import knowledge as knowledge_access
from rightslens.core.knowledge import Item

RIGHT = "right"


class RightsCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in one fieldset per instrument: easier than a Ctrl-click list by keyboard or phone."""

    # Django's form renderer looks only in apps' template folders, so the template stays with the
    # assessments app (its main user).
    template_name = "assessments/widgets/rights_checkboxes.html"
    use_fieldset = True


@dataclass(frozen=True)
class RightGroup:
    """Rights of one instrument, for a grouped multi-select."""

    instrument: str
    rights: list[tuple[str, str]]


def _title(item: Item, language: str | None) -> str:
    title = item.title_in(language)
    article = item.get("article")
    return f"{title} (Art. {article})" if article and "Art." not in item.title else title


def _article_key(item: Item) -> tuple[int, str]:
    article = str(item.get("article") or "")
    digits = "".join(ch for ch in article.split("(")[0] if ch.isdigit())
    return (int(digits) if digits else 10_000, article)


def rights_by_instrument() -> list[RightGroup]:
    """The rights in the reader's language (the active language) where the library has it."""
    language = get_language()
    kb = knowledge_access.knowledge()
    groups: dict[str, list[Item]] = {}
    for item in kb.offered(RIGHT):
        if getattr(item, "deprecated", False):
            continue  # still resolves for old impacts, not offered for new work
        groups.setdefault(str(item.get("instrument_ref") or ""), []).append(item)
    result = []
    for instrument_id, items in groups.items():
        instrument = kb.get(instrument_id)
        name = instrument.title_in(language) if instrument else (instrument_id or _("Other"))
        rights = [(i.id, _title(i, language)) for i in sorted(items, key=_article_key)]
        result.append(RightGroup(name, rights))
    return sorted(result, key=lambda g: g.instrument)


def right_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Django grouped choices: [(instrument, [(id, title), ...]), ...]."""
    return [(g.instrument, g.rights) for g in rights_by_instrument()]
