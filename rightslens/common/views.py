"""The one gate for organisation views (it lives beside `member_or_404` in accounts.access, so
accounts' own pages use it too; import it from here): membership first, then method, then role.

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

from rightslens.accounts.access import org_view

__all__ = ["org_view"]
