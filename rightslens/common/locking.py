"""Optimistic locking: an edit made from a form loaded before someone else's edit is refused.

Rows carry an integer `lock_version`. A write compares and increments it in one UPDATE, which
also locks the row until the transaction ends, so of two edits from the same loaded version
exactly one is saved; the other gets StaleVersion (a FieldErrors) and nothing of it is written.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.utils.translation import gettext, gettext_noop

from rightslens.errors import StaleVersion

#: noun -> the refusal, in English; shown with gettext in the reader's language.
_STALE = {
    "assessment": gettext_noop(
        "Someone else changed this assessment since you opened it: reload to see their changes; "
        "nothing was saved."
    ),
    "impact": gettext_noop(
        "Someone else changed this impact since you opened it: reload to see their changes; "
        "nothing was saved."
    ),
    "case": gettext_noop(
        "Someone else changed this case since you opened it: reload to see their changes; "
        "nothing was saved."
    ),
}


def stale_message(noun: str) -> str:
    return gettext(_STALE[noun])


def version_claim(row: Any, seen: int | None, *, noun: str) -> None:
    """Bump `row.lock_version` in the database (and on `row`); refuse if it is no longer `seen`.

    `row` is a saved model instance with a `lock_version` field. Call inside the write's
    transaction. `seen=None` (internal callers) bumps without checking.
    """
    manager = type(row)._default_manager
    rows = manager.filter(pk=row.pk)
    if seen is not None:
        rows = rows.filter(lock_version=seen)
    if not rows.update(lock_version=F("lock_version") + 1):
        message = stale_message(noun)
        raise StaleVersion({"lock_version": message}, message=message)
    row.lock_version = manager.values_list("lock_version", flat=True).get(pk=row.pk)
