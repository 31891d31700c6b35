"""Inventory pages. Each view starts with the one access helper; changes happen only on POST."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from rightslens.accounts.access import member_or_404, org_object_or_404
from rightslens.common import knowledge as knowledge_access
from rightslens.common.views import org_view
from rightslens.errors import FieldErrors

from . import selectors, services
from .forms import AffectedGroupForm, ComponentForm, SystemFilterForm, SystemForm
from .models import AISystem
from .selectors import SystemFilters, systems_for

SYSTEMS_PER_PAGE = 100


def _status(form: object) -> int:
    return 400 if getattr(form, "errors", None) else 200


def _vulnerable_group_choices() -> list[tuple[str, str]]:
    items = knowledge_access.knowledge().by_type("vulnerable_group")
    language = get_language()
    return sorted(((i.id, i.title_in(language)) for i in items), key=lambda pair: pair[1])


@login_required
@org_view("GET")
def system_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    form = SystemFilterForm(request.GET or None)
    filters = SystemFilters(**form.cleaned_data) if form.is_valid() else SystemFilters()
    if filters.archived == "":
        filters = SystemFilters(filters.kind, filters.lifecycle_stage, filters.role, "active")
    systems = systems_for(organisation=membership.organisation, filters=filters)
    page = Paginator(systems, SYSTEMS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "membership": membership,
        "form": form,
        "systems": page.object_list,
        "page_obj": page,
        "page_query": query.urlencode(),
    }
    template = "inventory/_system_table.html" if request.htmx else "inventory/system_list.html"  # type: ignore[attr-defined]  # request.htmx is set by the django-htmx middleware
    return render(request, template, context)


@login_required
@org_view("GET", "POST")
def system_new(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    form = SystemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            system = services.system_create(
                organisation=membership.organisation, actor=request.user, **form.cleaned_data
            )
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            messages.success(request, _("%(name)s added to the inventory.") % {"name": system.name})
            return redirect("system_detail", org_slug=org_slug, system_id=system.pk)
    return render(
        request, "inventory/system_form.html", {"form": form, "system": None}, status=_status(form)
    )


@login_required
@org_view("GET")
def system_detail(request: HttpRequest, org_slug: str, system_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    system = org_object_or_404(AISystem.objects, membership, pk=system_id)
    return render(
        request,
        "inventory/system_detail.html",
        {
            "membership": membership,
            "system": system,
            "groups": system.affected_groups.all(),
            "components": system.components.all(),
            "assessments": system.assessments.all(),
            "red_line_hits": selectors.system_red_line_hits(system),
        },
    )


@login_required
@org_view("GET", "POST")
def system_edit(request: HttpRequest, org_slug: str, system_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    system = org_object_or_404(AISystem.objects, membership, pk=system_id)
    form = SystemForm.for_system(system, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.system_update(system=system, actor=request.user, **form.cleaned_data)
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            messages.success(request, pgettext("staff", "Changes saved."))
            return redirect("system_detail", org_slug=org_slug, system_id=system.pk)
    return render(
        request,
        "inventory/system_form.html",
        {"form": form, "system": system},
        status=_status(form),
    )


@login_required
@org_view("POST")
def system_archive(request: HttpRequest, org_slug: str, system_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    system = org_object_or_404(AISystem.objects, membership, pk=system_id)
    if request.POST.get("restore"):
        services.system_restore(system=system, actor=request.user)
        messages.success(request, _("%(name)s restored.") % {"name": system.name})
    else:
        services.system_archive(system=system, actor=request.user)
        messages.success(
            request, _("%(name)s archived. Its assessments are kept.") % {"name": system.name}
        )
    return redirect("system_detail", org_slug=org_slug, system_id=system.pk)


@login_required
@org_view("GET", "POST")
def group_new(request: HttpRequest, org_slug: str, system_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    system = org_object_or_404(AISystem.objects, membership, pk=system_id)
    form = AffectedGroupForm(request.POST or None, vulnerable_groups=_vulnerable_group_choices())
    if request.method == "POST" and form.is_valid():
        try:
            services.affected_group_create(system=system, actor=request.user, **form.cleaned_data)
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            messages.success(request, pgettext("staff", "Affected group added."))
            return redirect("system_detail", org_slug=org_slug, system_id=system.pk)
    context = {
        "form": form,
        "system": system,
        "heading": pgettext("staff", "Add an affected group"),
    }
    return render(request, "inventory/system_part_form.html", context, status=_status(form))


@login_required
@org_view("GET", "POST")
def component_new(request: HttpRequest, org_slug: str, system_id: int) -> HttpResponse:
    membership = member_or_404(request, org_slug, write=True)
    system = org_object_or_404(AISystem.objects, membership, pk=system_id)
    form = ComponentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.component_create(system=system, actor=request.user, **form.cleaned_data)
        except FieldErrors as exc:
            exc.add_to(form)
        else:
            messages.success(request, pgettext("staff", "Component added."))
            return redirect("system_detail", org_slug=org_slug, system_id=system.pk)
    context = {
        "form": form,
        "system": system,
        "heading": pgettext("staff", "Add a third-party component or vendor"),
    }
    return render(request, "inventory/system_part_form.html", context, status=_status(form))
