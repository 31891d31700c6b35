"""What every page of the public channel shares: nothing that outlives the visit.

- No session and no CSRF cookie. The channel grants no ambient authority (the receipt code travels
  in the form, never in a cookie), so cross-site request forgery has nothing to ride on; the
  submission form carries its own single-use signed token instead (see guard.py).
- The language comes from `?lang=` (or the browser's Accept-Language), not from a cookie.
- Nothing is cached anywhere (`Cache-Control: no-store`), and posted text never reaches an error
  report.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters

View = Callable[..., HttpResponse]
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def public_page(view: View) -> View:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        chosen = request.GET.get("lang", "")
        if chosen in LANGUAGE_CODES:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = view(request, *args, **kwargs)
        return response

    # sensitive_post_parameters: grievance text, identity and receipt codes never reach error
    # reports; csrf_exempt: see the module docstring.
    return csrf_exempt(never_cache(sensitive_post_parameters()(wrapper)))
