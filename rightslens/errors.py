"""Errors that services raise on bad input. Nothing has been saved when one is raised."""

from __future__ import annotations

from typing import Any


class FieldErrors(Exception):
    """Invalid input, with one message per field. Views show them in the form; the API returns 422."""

    def __init__(self, fields: dict[str, str], message: str | None = None) -> None:
        from django.utils.translation import gettext

        message = gettext("The input is not valid.") if message is None else message
        super().__init__(message)
        self.fields = fields
        self.message = message

    def add_to(self, form: Any, *, name_unmatched: bool = False) -> None:
        """Show each message next to its field, or at the top of the form when no field matches.

        With `name_unmatched`, a message shown at the top starts with the name it was about.
        Messages the core or a service built in English are shown in the reader's language.
        """
        from rightslens.ux.wording import core_text

        for name, english in self.fields.items():
            message = core_text(english)
            if name in form.fields:
                form.add_error(name, message)
            else:
                form.add_error(None, f"{name}: {message}" if name_unmatched else message)


class StaleVersion(FieldErrors):
    """An edit made from a version of a record that someone else has since changed (optimistic
    locking): nothing was saved. Forms show it like any field error; the API answers 409."""
