from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rightslens.accounts.access import member_or_404
from rightslens.common.uploads import MB, UploadPolicy, upload_check
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors

from .reading import FileProblem
from .services import (
    IMPACT_COLUMNS,
    SYSTEM_COLUMNS,
    ImportRefused,
    inventory_import,
    register_import,
)

#: The same limit the reader applies to files given on the command line.
IMPORT_UPLOAD = UploadPolicy(kinds=("csv", "xlsx"), max_bytes=2 * MB)


def _imported_systems(n: int) -> str:
    return ngettext("Imported %(n)s AI system.", "Imported %(n)s AI systems.", n)


def _imported_impacts(n: int) -> str:
    return ngettext("Imported %(n)s impact.", "Imported %(n)s impacts.", n)


KINDS = {
    "inventory": (
        inventory_import,
        SYSTEM_COLUMNS,
        "system_list",
        _imported_systems,
    ),
    "register": (
        register_import,
        IMPACT_COLUMNS,
        "register",
        _imported_impacts,
    ),
}


@login_required
@org_view("GET", "POST")
def bulk_import(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    context = {
        "columns": {k: list(v[1]) for k, v in KINDS.items()},
        "errors": [],
        "kind": request.POST.get("kind", "inventory"),
    }
    if request.method == "POST":
        upload = request.FILES.get("file")
        kind = KINDS.get(str(context["kind"]))
        if kind is None or upload is None:
            context["errors"] = [_("Choose what to import and a file.")]
        else:
            run, _columns, target, noun = kind
            try:
                checked = upload_check(upload, policy=IMPORT_UPLOAD)
                count = run(
                    organisation=membership.organisation,
                    actor=request.user,
                    name=checked.name,
                    data=checked.data,
                )
            except FieldErrors as refused_file:
                context["errors"] = [
                    _("File: %(problem)s") % {"problem": m} for m in refused_file.fields.values()
                ]
            except FileProblem as problem:
                context["errors"] = [str(problem)]
            except ImportRefused as refused:
                context["errors"] = refused.errors
            else:
                messages.success(request, noun(count) % {"n": count})
                return redirect(target, org_slug)
    status = 400 if context["errors"] else 200
    return render(request, "imports/import.html", context, status=status)
