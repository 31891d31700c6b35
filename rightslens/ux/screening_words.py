"""The elements a red-line screening lists ("Found:", "Not stated:") in the reader's language.

The screening engine (rightslens/core/screening_engine.py) writes each element it found or missed as
English text, and a screening stores that text with its hits:

- ``"data: Faces or facial images"``: the kind of element, then the element's title;
- ``"context: Publicly accessible spaces / In real time, live"``: a missing kind, with the titles
  of the elements any of which would have supplied it;
- ``"inference: read from meaning (“rates”)"`` and ``"inference: suggested by meaning (“rates”),
  not stated"``: the inference was read from a verb of judgement, quoted as written;
- ``"the practice is named: “emotion recognition”"``: the text names the practice outright.

`element_text` reads such an entry back and shows it in the reader's language: the kind and the fixed
words through gettext (context ``red-line element``, in rightslens/ux/locale), each element by its
item in the knowledge base (its id, or its English title mapped to its id) and that item's translated
title. Words quoted from the screened text stay as written. What it cannot read, such as a title the
library no longer has, is shown as stored, so old screenings always display.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import get_language, pgettext, pgettext_lazy

from rightslens.core.knowledge import Item

#: The kinds of element (core/knowledge/schemas.py, ElementKind, plus exception and judgement).
KINDS = {
    "data": pgettext_lazy("red-line element", "data"),
    "inference": pgettext_lazy("red-line element", "inference"),
    "context": pgettext_lazy("red-line element", "context"),
    "actor": pgettext_lazy("red-line element", "actor"),
    "action": pgettext_lazy("red-line element", "action"),
    "purpose": pgettext_lazy("red-line element", "purpose"),
    "consequence": pgettext_lazy("red-line element", "consequence"),
    "exception": pgettext_lazy("red-line element", "exception"),
    "judgement": pgettext_lazy("red-line element", "judgement"),
}

_NAMED = re.compile(r"the practice is named: “(?P<said>.*)”\Z", re.S)
_KIND = re.compile(r"(?P<kind>[a-z_]+): (?P<rest>.*)\Z", re.S)
_READ = re.compile(r"read from meaning \(“(?P<cue>.*)”\)\Z", re.S)
_SUGGESTED = re.compile(r"suggested by meaning \(“(?P<cue>.*)”\), not stated\Z", re.S)
_ALTERNATIVES = " / "


# The index of the knowledge base last asked about (rebuilt when the loaded base changes).
_index: dict[int, tuple[dict[str, Item], dict[str, str]]] = {}


def _elements() -> tuple[dict[str, Item], dict[str, str]]:
    """(element id -> item, English title -> element id) from the loaded knowledge base; deprecated
    elements included, so that old screenings still find theirs."""
    from rightslens.common.knowledge import knowledge

    kb = knowledge()
    if id(kb) not in _index:
        items = kb.by_type("red_line_element")
        _index.clear()
        _index[id(kb)] = ({i.id: i for i in items}, {i.title: i.id for i in items})
    return _index[id(kb)]


def element_name(stored: str) -> str:
    """One element, stored as its id or its English title, by its title in the reader's language;
    the stored text when the library has no such element."""
    try:
        by_id, by_title = _elements()
    except Exception:  # noqa: BLE001 - a screening must display without the knowledge base
        return stored
    item = by_id.get(stored) or by_id.get(by_title.get(stored, ""))
    return item.title_in(get_language()) if item is not None else stored


def _described(rest: str) -> str:
    read = _READ.match(rest)
    if read:
        return pgettext("red-line element", "read from meaning (“%(cue)s”)") % {"cue": read["cue"]}
    suggested = _SUGGESTED.match(rest)
    if suggested:
        return pgettext("red-line element", "suggested by meaning (“%(cue)s”), not stated") % {
            "cue": suggested["cue"]
        }
    return _ALTERNATIVES.join(element_name(part) for part in rest.split(_ALTERNATIVES))


def element_text(stored: object) -> str:
    """An entry of a hit's elements found or missing, in the reader's language."""
    text = str(stored)
    named = _NAMED.match(text)
    if named:
        return pgettext("red-line element", "the practice is named: “%(said)s”") % {
            "said": named["said"]
        }
    kinded = _KIND.match(text)
    if kinded and kinded["kind"] in KINDS:
        return pgettext("red-line element", "%(kind)s: %(elements)s") % {
            "kind": KINDS[kinded["kind"]],
            "elements": _described(kinded["rest"]),
        }
    return element_name(text)


def element_texts(stored: Iterable[object] | None, separator: str = "; ") -> str:
    """A hit's elements, each in the reader's language, one after the other."""
    entries = [stored] if isinstance(stored, str) else list(stored or ())
    return separator.join(element_text(e) for e in entries)


def red_line_title(hit: object) -> str:
    """A hit's red line by its title in the reader's language; the title stored with the hit (else
    its id) when the library no longer has that red line. `hit` is a RedLineHit or its stored dict."""

    def field(name: str) -> str:
        value = hit.get(name) if isinstance(hit, dict) else getattr(hit, name, "")
        return str(value or "")

    red_line_id = field("red_line_id")
    try:
        from rightslens.common.knowledge import knowledge

        item = knowledge().get(red_line_id)
    except Exception:  # noqa: BLE001 - a screening must display without the knowledge base
        item = None
    if item is not None and item.type == "red_line":
        return item.title_in(get_language())
    return field("title") or red_line_id
