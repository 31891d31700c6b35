"""Reports and organisation-wide pages: assessment report (HTML, PDF), board brief, quality checks,
register exports, assessment JSON export and import, review reminders."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from rightslens.accounts.access import member_or_404
from rightslens.common.uploads import MB, UploadPolicy, upload_check
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors

from . import cycle_forms, cycle_selectors, documents, exports
from .cycle_models import Reminder
from .cycle_views import _assessment, _url, posted_id
from .reports.context import board_brief as board_brief_context
from .reports.context import report_context
from .reports.pdf import render_pdf


@org_view("GET")
def report(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, assessment_id=assessment_id)
    return render(
        request, "cycle/report.html", report_context(_assessment(membership, assessment_id))
    )


@org_view("GET")
def report_pdf(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    assessment = _assessment(membership, assessment_id)
    response = HttpResponse(render_pdf(report_context(assessment)), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="assessment-{assessment.pk}-v{assessment.version}.pdf"'
    )
    return response


@org_view("GET")
def board_brief(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    return render(
        request, "cycle/board_brief.html", board_brief_context(organisation=membership.organisation)
    )


QUALITY_PER_PAGE = 10  # each assessment's checks take a fixed handful of queries


@org_view("GET")
def quality(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    live = cycle_selectors.live_assessments(organisation=membership.organisation)
    page = Paginator(live, QUALITY_PER_PAGE).get_page(request.GET.get("page"))
    results = cycle_selectors.quality_findings_for(list(page.object_list))
    errors = sum(1 for _, found in results for f in found if f.level.value == "error")
    warnings = sum(1 for _, found in results for f in found if f.level.value == "warning")
    return render(
        request,
        "cycle/quality.html",
        {"results": results, "errors": errors, "warnings": warnings, "page_obj": page},
    )


@org_view("GET")
def register_export(request: HttpRequest, org_slug: str, fmt: str) -> HttpResponseBase:
    membership = member_or_404(request, org_slug)
    rows = exports.iter_register_rows(organisation=membership.organisation)
    name = f"register-{membership.organisation.slug}-{timezone.now():%Y%m%d}"
    response: HttpResponseBase
    if fmt == "json":
        response = StreamingHttpResponse(
            exports.register_json(rows), content_type="application/json"
        )
    elif fmt == "xlsx":
        response = FileResponse(
            exports.register_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = StreamingHttpResponse(
            exports.register_csv(rows), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@org_view("GET")
def assessment_export(request: HttpRequest, org_slug: str, assessment_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    assessment = _assessment(membership, assessment_id)
    response = JsonResponse(
        documents.assessment_document(assessment), json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="assessment-{assessment.pk}.json"'
    return response


# An assessment document is a few hundred kilobytes at most; 2 MB leaves room and no more.
IMPORT_UPLOAD = UploadPolicy(kinds=("json",), max_bytes=2 * MB)


@org_view("GET", "POST")
def assessment_import(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    form = cycle_forms.ImportForm(
        membership.organisation, request.POST or None, request.FILES or None
    )
    if request.method == "POST" and form.is_valid():
        try:
            checked = upload_check(form.cleaned_data["file"], policy=IMPORT_UPLOAD)
            doc = json.loads(checked.data.decode("utf-8"))
        except FieldErrors as exc:
            exc.add_to(form)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            form.add_error("file", _("Not valid JSON: %(problem)s") % {"problem": exc})
        except RecursionError:
            form.add_error("file", _("This JSON is nested too deeply to be an assessment."))
        else:
            try:
                assessment = documents.assessment_import(
                    organisation=membership.organisation,
                    actor=request.user,
                    system=form.cleaned_data["system"],
                    doc=doc,
                )
                messages.success(request, pgettext("staff", "Assessment imported as a draft."))
                return redirect(_url(assessment, "identify"))
            except FieldErrors as exc:
                form.add_error(None, exc.message)
                for field, message in exc.fields.items():
                    form.add_error(
                        None, _("%(field)s: %(message)s") % {"field": field, "message": message}
                    )
    status = 400 if form.errors else 200
    return render(request, "cycle/import.html", {"form": form}, status=status)


@org_view("GET", "POST")
def reminders(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=request.method == "POST")
    mine = Reminder.objects.filter(
        organisation=membership.organisation, user=membership.user, dismissed_at__isnull=True
    )
    if request.method == "POST":
        mine.filter(pk=posted_id(request, "reminder_id")).update(dismissed_at=timezone.now())
        messages.success(request, pgettext("staff", "Reminder dismissed."))
        return redirect(f"/o/{org_slug}/reminders/")
    return render(
        request,
        "cycle/reminders.html",
        {
            "reminders": mine.select_related("assessment"),
            "flagged": cycle_selectors.flagged_assessments(organisation=membership.organisation),
        },
    )
