"""Error pages that speak the visitor's language and reveal nothing: no URL list, no exception text.

Django uses `page_not_found` and `server_error` when DEBUG is off (handler404 / handler500 in
urls.py). Unknown addresses under the public grievance channel (/g/<org>/...) get the same page
even with DEBUG on, because people raising a grievance may mistype a link.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.utils import translation

_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _language(request: HttpRequest) -> None:
    """Use ?lang= when it names a language we ship (as the public channel does); else keep the
    language the middleware chose from the browser."""
    chosen = request.GET.get("lang", "")
    if chosen in _LANGUAGES:
        translation.activate(chosen)
        request.LANGUAGE_CODE = chosen


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    _language(request)
    body = loader.render_to_string("errors/404.html", {}, request=request)
    return HttpResponseNotFound(body)


def public_not_found(request: HttpRequest, **_kwargs: str) -> HttpResponse:
    """An unknown address under /g/<org>/: the plain 404 page, whatever DEBUG says."""
    return page_not_found(request)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the failure may be in the database, which context processors touch.
    _language(request)
    body = loader.render_to_string("errors/500.html", {"LANG": translation.get_language()})
    return HttpResponseServerError(body)
