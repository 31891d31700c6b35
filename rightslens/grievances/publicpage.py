"""What every page of the public channel shares: nothing that outlives the visit.

- No session and no CSRF cookie. The channel grants no ambient authority (the receipt code travels
  in the form, never in a cookie), so cross-site request forgery has nothing to ride on; the
  submission form carries its own single-use signed token instead (see guard.py).
- The language comes from `?lang=` (or the browser's Accept-Language), not from a cookie
  (rightslens.common.languages, shared with the vendor's questionnaire page).
- Nothing is cached anywhere (`Cache-Control: no-store`), and posted text never reaches an error
  report.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters

from rightslens.common.languages import activate_public_language

View = Callable[..., HttpResponse]


def public_page(view: View) -> View:
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        activate_public_language(request)
        response = view(request, *args, **kwargs)
        return response

    # sensitive_post_parameters: grievance text, identity and receipt codes never reach error
    # reports; csrf_exempt: see the module docstring.
    return csrf_exempt(never_cache(sensitive_post_parameters()(wrapper)))
