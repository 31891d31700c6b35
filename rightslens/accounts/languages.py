"""The language a member's emails are written in (docs/languages.md).

A member may choose the language of their emails (English, French or Spanish) on the notification
preferences page; by default ("as my browser") their emails follow the language of their last visit,
which `LastLanguageMiddleware` remembers on each of their memberships. Anyone else gets the site's
default language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .models import Membership

#: The languages the staff interface, and so its emails, is written in.
STAFF_LANGUAGES = ("en", "fr", "es")
SESSION_KEY = "rightslens_last_language"


def _staff(code: str) -> str:
    code = (code or "").split("-")[0].lower()
    return code if code in STAFF_LANGUAGES else ""


def mail_language(membership: Membership | None) -> str:
    """The member's chosen mail language, else that of their last visit, else the default."""
    if membership is not None:
        for code in (membership.mail_language, membership.last_language):
            if found := _staff(code):
                return found
    return _staff(settings.LANGUAGE_CODE) or "en"


def mail_language_of_user(user: Any, organisation: Any) -> str:
    """The mail language of `user` as a member of `organisation` (their other memberships' last
    visit when they are not a member there)."""
    member = Membership.objects.filter(user=user, organisation=organisation).first()
    if member is None:
        member = Membership.objects.filter(user=user).exclude(last_language="").first()
    return mail_language(member)


class LastLanguageMiddleware:
    """Remember the language of a signed-in person's requests, for their emails.

    Written once per session and language (the session remembers what was written last)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        code = _staff(getattr(request, "LANGUAGE_CODE", ""))
        session = getattr(request, "session", None)
        if (
            code
            and session is not None
            and user is not None
            and user.is_authenticated
            and session.get(SESSION_KEY) != code
        ):
            Membership.objects.filter(user=user).update(last_language=code)
            session[SESSION_KEY] = code
        return response
