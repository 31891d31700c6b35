"""The language a visitor without an account reads a public page in (the grievance channel, the
questionnaire a vendor opens from an emailed link).

`?lang=` decides first, so a link can carry the language; otherwise the language LocaleMiddleware
chose (the browser's Accept-Language, or a language cookie); otherwise the browser's next preferred
language the page speaks; otherwise English. A page that speaks only some of the site's languages
passes them as `offered`, so that a visitor is never shown a page half in a language it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation

LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)
_ENTRY = re.compile(
    r"^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$"
)


def accepted_languages(header: str) -> list[str]:
    """The languages of an Accept-Language header, most preferred first, each followed by its base
    language ("fr-CH" gives "fr-ch", then "fr")."""
    ranked: list[tuple[float, int, str]] = []
    for position, entry in enumerate(header.split(",")):
        match = _ENTRY.match(entry)
        if not match or match[1] == "*":
            continue
        try:
            quality = float(match[2]) if match[2] else 1.0
        except ValueError:
            continue
        if quality > 0:
            ranked.append((-quality, position, match[1].lower()))
    codes: list[str] = []
    for _quality, _position, code in sorted(ranked):
        for candidate in (code, code.split("-")[0]):
            if candidate not in codes:
                codes.append(candidate)
    return codes


def activate_public_language(request: HttpRequest, offered: Iterable[str] | None = None) -> str:
    """Choose the visitor's language among `offered` (every language of the site when None),
    activate it for this request and return it."""
    codes = LANGUAGE_CODES if offered is None else frozenset(offered)
    candidates = [
        request.GET.get("lang", ""),
        getattr(request, "LANGUAGE_CODE", ""),
        *accepted_languages(request.headers.get("accept-language", "")),
    ]
    chosen = next((c for c in candidates if c in codes), settings.LANGUAGE_CODE)
    translation.activate(chosen)
    request.LANGUAGE_CODE = chosen
    return chosen
