"""Notification subjects in the reader's language.

A notification is written from a form (one per kind and situation) and its parts: names, titles and
numbers as they are, dates as ISO dates. `Notification.subject` keeps the English sentence as
written; `Notification.params` keeps the form and parts, and `subject_of` says the sentence again in
the current language (gettext context ``notification``), dates in the language's date format.
Older notifications have no parts: their stored English subject is read back with the shape of each
form of their kind, and shown as stored when none fits. `tests/notifications/test_languages.py`
checks that every kind has forms and every form its French and Spanish sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from django.utils.translation import override, pgettext

from rightslens.ux.templatetags.readable import day

from .models import Kind

CONTEXT = "notification"

#: form -> (kind, English sentence). Parts named `date` hold a date.
FORMS: dict[str, tuple[str, str]] = {
    "grievance_new": (Kind.GRIEVANCE_NEW, "New grievance received: case #%(case)s"),
    "grievance_acknowledgement_due": (
        Kind.GRIEVANCE_DEADLINE,
        "Case #%(case)s: acknowledgement due (%(date)s)",
    ),
    "grievance_acknowledgement_overdue": (
        Kind.GRIEVANCE_DEADLINE,
        "Case #%(case)s: acknowledgement overdue (%(date)s)",
    ),
    "grievance_response_due": (Kind.GRIEVANCE_DEADLINE, "Case #%(case)s: response due (%(date)s)"),
    "grievance_response_overdue": (
        Kind.GRIEVANCE_DEADLINE,
        "Case #%(case)s: response overdue (%(date)s)",
    ),
    "grievance_appeal_due": (
        Kind.GRIEVANCE_DEADLINE,
        "Case #%(case)s: answer to the appeal due (%(date)s)",
    ),
    "grievance_appeal_overdue": (
        Kind.GRIEVANCE_DEADLINE,
        "Case #%(case)s: answer to the appeal overdue (%(date)s)",
    ),
    # The FRIA form comes before the assessment one: both start "Review requested: ".
    "fria_review_requested": (
        Kind.REVIEW_REQUESTED,
        "Review requested: FRIA of %(system)s (version %(version)s)",
    ),
    "review_requested": (
        Kind.REVIEW_REQUESTED,
        "Review requested: %(title)s (version %(version)s)",
    ),
    "questionnaire_answered": (
        Kind.QUESTIONNAIRE_ANSWERED,
        "%(counterparty)s answered the questionnaire",
    ),
    "action_due": (Kind.ACTION_DUE, "Action due (%(date)s) in “%(title)s”"),
    "action_overdue": (Kind.ACTION_DUE, "Action overdue (%(date)s) in “%(title)s”"),
    "assessment_review_due": (
        Kind.ASSESSMENT_REVIEW_DUE,
        "Periodic review due (%(date)s): %(title)s",
    ),
    "assessment_review_overdue": (
        Kind.ASSESSMENT_REVIEW_DUE,
        "Periodic review overdue (%(date)s): %(title)s",
    ),
    "system_changed": (Kind.SYSTEM_CHANGED, "%(system)s changed after sign-off of “%(title)s”"),
}

#: How dates were written in the English subjects of older notifications (day, month abbreviation, year).
STORED_DATE = "%d %b %Y"


def _part(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _shown(name: str, value: str) -> str:
    if name != "date":
        return value
    try:
        return day(dt.date.fromisoformat(value))
    except ValueError:
        return value


def _say(form: str, parts: dict[str, str]) -> str:
    sentence = FORMS[form][1]
    shown = {k: _shown(k, v) for k, v in parts.items()}
    try:
        return pgettext(CONTEXT, sentence) % shown
    except (KeyError, TypeError, ValueError):  # a translation or the parts do not fit
        return sentence % shown


def compose(form: str, **parts: Any) -> tuple[str, dict[str, str]]:
    """The English subject and the params to store for a notification of this form."""
    if form not in FORMS:
        raise ValueError(f"unknown notification form {form!r}")
    stored = {k: _part(v) for k, v in parts.items()}
    with override("en"):
        english = FORMS[form][1] % {
            k: (f"{v:{STORED_DATE}}" if k == "date" else v) for k, v in parts.items()
        }
    return english, {"form": form, **stored}


@cache
def _shape(form: str) -> re.Pattern[str]:
    pieces = re.split(r"%\((\w+)\)s", FORMS[form][1])
    pattern = "".join(
        re.escape(piece) if i % 2 == 0 else f"(?P<{piece}>.+?)" for i, piece in enumerate(pieces)
    )
    return re.compile(pattern)


def _read_date(value: str) -> str:
    try:
        return dt.datetime.strptime(value, STORED_DATE).date().isoformat()
    except ValueError:
        return value


def read_back(kind: str, subject: str) -> dict[str, str] | None:
    """The params of an older notification, read from its stored English subject (or None)."""
    for form, (form_kind, _sentence) in FORMS.items():
        if form_kind != kind:
            continue
        if found := _shape(form).fullmatch(subject):
            parts = {k: (_read_date(v) if k == "date" else v) for k, v in found.groupdict().items()}
            return {"form": form, **parts}
    return None


def subject_of(notification: Any) -> str:
    """The notification's subject in the current language (as stored when it cannot be read)."""
    params = notification.params or read_back(notification.kind, notification.subject)
    if not params or params.get("form") not in FORMS:
        return str(notification.subject)
    parts = {k: str(v) for k, v in params.items() if k != "form"}
    return _say(params["form"], parts)
