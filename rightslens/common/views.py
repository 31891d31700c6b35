"""The one gate for organisation views: membership first, then method, then role.

    @login_required
    @org_view("GET", "POST")
    def page(request, org_slug, ...): membership = member_or_404(request, org_slug, write=...)

1. Membership of the URL's organisation, or 404: an outsider learns nothing, not even which
   methods a page takes.
2. The method, or 405 (HEAD goes with GET).
3. The role: any member may read; other methods need a role that may write (a viewer gets 403),
   or the senior role with `senior=True`. Routes where any member may write something personal
   pass `personal=True`.
The membership found is kept on the request, so the view's own `member_or_404` costs no query.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponseBase, HttpResponseNotAllowed

from rightslens.accounts.access import member_or_404

View = Callable[..., HttpResponseBase]
SAFE = ("GET", "HEAD")


def org_view(*methods: str, senior: bool = False, personal: bool = False) -> Callable[[View], View]:
    allowed = tuple(dict.fromkeys((*methods, "HEAD") if "GET" in methods else methods))

    def decorate(view: View) -> View:
        @wraps(view)
        def gate(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            # An outside reviewer passes here only on views about their assessment; the view's
            # own member_or_404 then decides whether that view admits them at all.
            scope = kwargs.get("assessment_id")
            member_or_404(request, kwargs["org_slug"], assessment_id=scope)
            if request.method not in allowed:
                return HttpResponseNotAllowed(allowed)
            if request.method not in SAFE and not personal:
                member_or_404(
                    request, kwargs["org_slug"], write=True, senior=senior, assessment_id=scope
                )
            return view(request, *args, **kwargs)

        return gate

    return decorate
