"""Response headers every page gets: a strict Content-Security-Policy and no caching of private pages.

CSP: scripts, styles, images, fonts and requests come from this origin only; no inline script or
style, no eval, no framing, forms post only here. htmx works under it (see base.html's
htmx-config: no injected indicator styles, no eval).

Caching: anything answered to a signed-in user or an API token (identity pages, attachments,
exports, token pages, every organisation page), and every download, is `no-store`. Anonymous
public pages (hub, method) stay cacheable; the grievance channel sets no-store itself.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


def _private(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    return bool(
        (user is not None and user.is_authenticated)
        or request.headers.get("Authorization")
        or response.get("Content-Disposition", "").startswith("attachment")
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Django's own debug error pages (local work only) are inline-styled.
        if not (settings.DEBUG and response.status_code >= 500):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if _private(request, response):
            add_never_cache_headers(response)
        return response
