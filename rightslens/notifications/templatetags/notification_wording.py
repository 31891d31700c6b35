"""`{{ notification|said }}`: a notification's subject in the reader's language."""

from __future__ import annotations

from typing import Any

from django import template

from rightslens.notifications.wording import subject_of

register = template.Library()


@register.filter
def said(notification: Any) -> str:
    return subject_of(notification)
