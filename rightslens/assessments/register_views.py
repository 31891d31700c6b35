"""The register page and the public method page."""

from __future__ import annotations

import inspect
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.forms.utils import flatatt
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext, pgettext_lazy

from rightslens.accounts.access import member_or_404
from rightslens.accounts.models import Organisation
from rightslens.common.forms import set_choices
from rightslens.common.views import org_view
from rightslens.core import involvement as core_involvement
from rightslens.core import severity as core_severity
from rightslens.core.involvement import Involvement, required_response
from rightslens.core.severity import SeverityBand
from rightslens.inventory.models import AISystem
from rightslens.ux.wording import core_label

from . import catalogue
from . import rules as impact_rules
from .models import ImpactStatus
from .register import (
    SORTS,
    BadCursor,
    RegisterFilters,
    RegisterRow,
    group_labels,
    picture_cells,
    register_page,
    severity_picture_counts,
)

SUGGESTIONS = 20  # options the search-as-you-type filters offer at a time


class ManyOptionsSelect(forms.Select):
    """A select whose options are joined in Python rather than rendered one template each (the
    rights filter has about a hundred)."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = "" if value in (None, "") else str(value)
        options = "".join(
            f'<option value="{escape(key)}"{" selected" if str(key) == chosen else ""}>'
            f"{escape(text)}</option>"
            for key, text in self.choices
        )
        return mark_safe(f"<select{flatatt(final)}>{options}</select>")  # noqa: S308  (escaped above)


class SuggestInput(forms.TextInput):
    """A text field that suggests matching options as one types (htmx fills its datalist from an
    endpoint of at most `SUGGESTIONS` options); without JavaScript it is a plain text field that
    the server matches. The organisation's options are never all sent."""

    def __init__(self, endpoint: str, hint: str) -> None:
        super().__init__(attrs={"autocomplete": "off", "placeholder": hint})
        self.endpoint = endpoint

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        listed = f"{name}-options"
        extra = {
            "list": listed,
            "hx-get": self.endpoint,
            "hx-trigger": "input changed delay:250ms, focus once",
            "hx-target": f"#{listed}",
            "hx-swap": "innerHTML",
            "hx-sync": "this:replace",
        }
        field = super().render(name, value, {**(attrs or {}), **extra}, renderer)
        return mark_safe(f'{field}<datalist id="{escape(listed)}"></datalist>')  # noqa: S308  (the field renders escaped)


class RegisterFilterForm(forms.Form):
    band = forms.TypedChoiceField(
        label=pgettext_lazy("staff", "Severity"), required=False, coerce=int, empty_value=None
    )
    right = forms.ChoiceField(
        label=pgettext_lazy("staff", "Right"), required=False, widget=ManyOptionsSelect
    )
    group_name = forms.CharField(
        label=pgettext_lazy("staff", "Affected group"), required=False, max_length=200
    )
    system_name = forms.CharField(
        label=pgettext_lazy("staff", "System"), required=False, max_length=200
    )
    # Ids from links and saved filters (not shown: the text fields above show their names).
    group = forms.IntegerField(required=False, widget=forms.HiddenInput)
    system = forms.IntegerField(required=False, widget=forms.HiddenInput)
    involvement = forms.ChoiceField(
        label=pgettext_lazy("staff", "Involvement"),
        required=False,
        choices=[("", pgettext_lazy("staff", "Any involvement"))]
        + [(m.value, core_label(m.value)) for m in Involvement],
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("staff", "Status"),
        required=False,
        choices=[("", pgettext_lazy("staff", "Any status")), *ImpactStatus.choices],
    )
    sort = forms.ChoiceField(
        label=pgettext_lazy("staff", "Sort by"),
        required=False,
        choices=[(k, v[0]) for k, v in SORTS.items()],
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(
            self,
            "band",
            [("", pgettext_lazy("staff", "Any severity"))]
            + [(int(b), core_label(b.name.lower())) for b in sorted(SeverityBand, reverse=True)],
        )
        rights = [(rid, title) for _, group in catalogue.right_choices() for rid, title in group]
        set_choices(self, "right", [("", pgettext_lazy("staff", "Any right")), *rights])
        slug = organisation.slug
        self.fields["group_name"].widget = SuggestInput(
            reverse("register_group_options", args=[slug]),
            pgettext("staff", "Type part of a group's name"),
        )
        self.fields["system_name"].widget = SuggestInput(
            reverse("register_system_options", args=[slug]),
            pgettext("staff", "Type part of a system's name"),
        )

    def filters(self) -> RegisterFilters:
        if not self.is_valid():
            return RegisterFilters()
        data = {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}
        return RegisterFilters(**data)


def _options(texts: list[str]) -> HttpResponse:
    return HttpResponse("".join(f'<option value="{escape(t)}"></option>' for t in texts))


@login_required
@org_view("GET")
def register_group_options(request: HttpRequest, org_slug: str) -> HttpResponse:
    """At most `SUGGESTIONS` of the organisation's affected groups whose label contains the text
    typed (`group_name` or `q`), as datalist options."""
    organisation = member_or_404(request, org_slug).organisation
    text = (request.GET.get("group_name") or request.GET.get("q") or "").strip()[:200]
    found = group_labels(organisation).filter(label__icontains=text).order_by("name", "pk")
    return _options(list(found.values_list("label", flat=True)[:SUGGESTIONS]))


@login_required
@org_view("GET")
def register_system_options(request: HttpRequest, org_slug: str) -> HttpResponse:
    """At most `SUGGESTIONS` of the organisation's systems whose name contains the text typed
    (`system_name` or `q`), as datalist options."""
    organisation = member_or_404(request, org_slug).organisation
    text = (request.GET.get("system_name") or request.GET.get("q") or "").strip()[:200]
    found = AISystem.objects.filter(organisation=organisation, name__icontains=text)
    return _options(list(found.order_by("name", "pk").values_list("name", flat=True)[:SUGGESTIONS]))


@login_required
@org_view("GET")
def register(request: HttpRequest, org_slug: str) -> HttpResponse:
    membership = member_or_404(request, org_slug)
    organisation = membership.organisation
    form = RegisterFilterForm(_named(request, organisation), organisation=organisation)
    filters = form.filters()
    cells = picture_cells(organisation=organisation, filters=filters)  # the count comes from it
    try:
        page = register_page(
            organisation=organisation,
            filters=filters,
            cursor=request.GET.get("cursor", ""),
            count=sum(cells.values()),
        )
    except BadCursor:
        page = register_page(organisation=organisation, filters=filters, count=sum(cells.values()))
    _attach_right_titles(page.rows)
    context = {
        "membership": membership,
        "form": form,
        "page": page,
        "rows": page.rows,
        "picture": severity_picture_counts(
            organisation=organisation, filters=filters, page_rows=page.rows, cells=cells
        ),
        "next_query": _query_with(request, cursor=page.next_cursor),
        "first_query": _query_with(request, cursor=""),
    }
    template = "assessments/_register_table.html" if request.htmx else "assessments/register.html"  # type: ignore[attr-defined]  # request.htmx is set by the django-htmx middleware
    return render(request, template, context)


def _named(request: HttpRequest, organisation: Organisation) -> Any:
    """The query, with the name of a group or system given by id (a link, a saved filter) put in
    its text field, which is what the form shows and sends back."""
    query = request.GET.copy()
    for key, names in (
        ("group", group_labels(organisation).values_list("label", flat=True)),
        (
            "system",
            AISystem.objects.filter(organisation=organisation).values_list("name", flat=True),
        ),
    ):
        given = query.get(key, "")
        if given.isdigit() and not query.get(f"{key}_name"):
            query[f"{key}_name"] = names.filter(pk=int(given)).first() or ""
    return query or None


def _attach_right_titles(rows: list[RegisterRow]) -> None:
    """Each row's right titles, looked up once per distinct right on the page."""
    titles = {r: catalogue.title_of(r) for row in rows for r in row.impact.rights}
    for row in rows:
        row.right_titles = [titles[r] for r in row.impact.rights]


def _query_with(request: HttpRequest, *, cursor: str) -> str:
    query = request.GET.copy()
    query.pop("cursor", None)
    if cursor:
        query["cursor"] = cursor
    return query.urlencode()


def _levels(enum: Any) -> list[tuple[int, str]]:
    return [(int(m), core_label(m.name.lower()).lower()) for m in enum]


def method(request: HttpRequest) -> HttpResponse:
    """The rules in plain language, with the docstrings of the code that applies them."""
    responses = [
        (
            core_label(inv.value),
            required_response(inv, actual=False),
            required_response(inv, actual=True),
        )
        for inv in Involvement
    ]
    sources = [
        ("rightslens.core.severity", inspect.getdoc(core_severity) or ""),
        ("rightslens.core.severity.Severity.key", inspect.getdoc(core_severity.Severity.key) or ""),
        ("rightslens.core.severity.priority_key", inspect.getdoc(core_severity.priority_key) or ""),
        ("rightslens.core.involvement", inspect.getdoc(core_involvement) or ""),
        ("rightslens.assessments.rules", inspect.getdoc(impact_rules) or ""),
    ]
    context = {
        "responses": responses,
        "sources": sources,
        "rationale_from": core_severity.RATIONALE_REQUIRED_FROM,
        "dimensions": [
            ("Scale", "how grave the harm is", _levels(core_severity.Scale)),
            ("Scope", "how many people are or could be affected", _levels(core_severity.Scope)),
            (
                "Irremediability",
                "how hard it is to put right",
                _levels(core_severity.Irremediability),
            ),
        ],
        "likelihoods": _levels(core_severity.Likelihood),
    }
    return render(request, "method.html", context)
