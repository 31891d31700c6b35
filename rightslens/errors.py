"""Errors that services raise on bad input. Nothing has been saved when one is raised."""

from __future__ import annotations


class FieldErrors(Exception):
    """Invalid input, with one message per field. Views show them in the form; the API returns 422."""

    def __init__(self, fields: dict[str, str], message: str = "The input is not valid.") -> None:
        super().__init__(message)
        self.fields = fields
        self.message = message
