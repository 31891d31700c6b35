"""Downloads of a FRIA (JSON, DOCX, PDF) and the notification pack for the authority."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.translation import get_language

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.common.views import org_view

from . import exports, selectors
from .models import Fria

FORMATS: dict[str, tuple[str, Callable[[dict[str, Any]], bytes]]] = {
    "json": ("application/json", exports.fria_json_bytes),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        exports.fria_docx,
    ),
    "pdf": ("application/pdf", exports.fria_pdf),
}


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _fria(request: HttpRequest, org_slug: str, fria_id: int) -> Fria:
    membership = member_or_404(request, org_slug)
    return org_object_or_404(
        Fria.objects.select_related("system", "organisation"), membership, pk=fria_id
    )


def _export(fmt: str) -> Callable[..., HttpResponseBase]:
    content_type, render = FORMATS[fmt]

    @login_required
    @org_view("GET")
    def view(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
        fria = _fria(request, org_slug, fria_id)
        document = selectors.fria_json(system=fria.system, fria=fria)
        name = f"fria-system-{fria.system_id}-v{fria.version}.{fmt}"
        return _download(render(document), content_type, name)

    view.__name__ = f"fria_{fmt}"
    return view


fria_json = _export("json")
fria_docx = _export("docx")
fria_pdf = _export("pdf")


@login_required
@org_view("GET")
def notification_pack(request: HttpRequest, org_slug: str, fria_id: int) -> HttpResponse:
    fria = _fria(request, org_slug, fria_id)
    document = selectors.fria_json(system=fria.system, fria=fria)
    template = selectors.current_template(fria.template_id, get_language())
    body = exports.notification_pack(document, template, fria.organisation.name)
    return _download(
        body, "application/zip", f"fria-notification-system-{fria.system_id}-v{fria.version}.zip"
    )
