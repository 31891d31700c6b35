"""`{% load readable %}`: what people read instead of stored codes, and one format per language.

- `|readable`: a knowledge id becomes its title ("vg-children" -> "Children"), a stored value its
  label ("in_review" -> "In review"), a dict "Key: value; ...", a list "a, b".
- `|day`: a date in the language's one date format; `|num`: a number with the language's
  grouping; `|day_count`: "0 days", "1 day", "12 days".
- `|language_names`: language codes ("es", or a list of them) as names in the reader's language
  ("Spanish", "espagnol"); a code Django does not know is shown as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language, get_language_info, ngettext

from rightslens.ux.wording import core_label

register = template.Library()
_TOKEN = re.compile(r"\b[a-z0-9]+(?:[_-][a-z0-9]+)+\b")


def _title(code: str) -> str | None:
    try:
        from rightslens.common.knowledge import knowledge

        item = knowledge().get(code)
    except Exception:  # noqa: BLE001 - a page must render without the knowledge base
        return None
    return item.title_in(get_language()) if item is not None else None


def _word(token: str) -> str:
    title = _title(token)
    if title:
        return title
    return core_label(token) if "_" in token else token


def readable_text(value: str) -> str:
    """Replace stored codes inside a sentence with what they mean."""
    whole = _title(value)
    if whole:
        return whole
    if re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)+", value):
        return core_label(value)
    return _TOKEN.sub(lambda m: _word(m.group(0)), value)


@register.filter
def readable(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, Mapping):
        return "; ".join(f"{core_label(str(k))}: {readable(v)}" for k, v in value.items()) or "—"
    if isinstance(value, list | tuple | set):
        return ", ".join(readable(v) for v in value) or "—"
    if isinstance(value, bool):
        return core_label("Yes" if value else "No")
    if isinstance(value, int | float):
        return num(value)
    return readable_text(str(value))


@register.filter
def kb_title(code: Any) -> str:
    """The title of a knowledge item in the current language; the code itself when unknown."""
    return _title(str(code)) or str(code)


@register.filter
def day(value: Any) -> str:
    """A date (or the date of a datetime) in the current language's one date format."""
    if not value:
        return "—"
    if isinstance(value, dt.datetime):
        value = value.date()
    return formats.date_format(value, "DATE_FORMAT", use_l10n=True)


@register.filter
def num(value: Any) -> str:
    if value is None or value == "":
        return "—"
    return formats.number_format(value, use_l10n=True, force_grouping=True)


@register.filter
def day_count(value: Any) -> str:
    if value is None or value == "":
        return "—"
    n = round(float(value))
    return ngettext("%(n)s day", "%(n)s days", n) % {"n": num(n)}


@register.filter
def day_time(value: Any) -> str:
    """A moment: the language's date format and the time (24-hour clock)."""
    if not value:
        return "—"
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{day(local)} {formats.time_format(local, 'H:i', use_l10n=True)}"


def language_name(code: str) -> str:
    """A language code's name in the current language; the code itself when unknown."""
    code = code.strip()
    for candidate in (code, code.lower(), code.split("-")[0].split("_")[0].lower()):
        try:
            return str(get_language_info(candidate)["name_translated"])
        except KeyError:
            continue
    return code


@register.filter
def language_names(value: Any) -> str:
    if value is None or value == "":
        return "—"
    codes = [value] if isinstance(value, str) else list(value)
    return ", ".join(language_name(str(c)) for c in codes) or "—"
