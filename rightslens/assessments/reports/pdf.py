"""The assessment report as a PDF a board can read (fpdf2, pure Python).

Fonts, page set-up and text cleaning come from the one PDF base, `rightslens.common.pdf`.
"""

from __future__ import annotations

from typing import Any

from django.utils import dateformat
from fpdf.enums import XPos, YPos

from rightslens.assessments.selectors import impact_ratings
from rightslens.common.pdf import DocumentPDF
from rightslens.core.effectiveness import VERDICT_TEXT
from rightslens.ux.templatetags.readable import day
from rightslens.ux.wording import core_label, core_text, finding_text, sentence
from rightslens.ux.wording import report_text as _t

INK, MUTED, ACCENT, SEVERE = (27, 31, 36), (87, 96, 106), (11, 92, 173), (164, 14, 38)


class ReportPDF(DocumentPDF):
    def __init__(self, title: str) -> None:
        super().__init__(margin=18)
        self.report_title = title

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.body_font, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 6, self.clean(f"{self.report_title} · page {self.page_no()}"), align="C")

    def heading(self, text: str, size: int = 15) -> None:
        self.ln(3)
        self.set_font(self.body_font, "B", size)
        self.set_text_color(*ACCENT)
        self.multi_cell(
            0, size * 0.5, self.clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
        )
        self.set_text_color(*INK)
        self.ln(1)

    def para(
        self, text: Any, size: int = 10, bold: bool = False, color: tuple[int, int, int] = INK
    ) -> None:
        self.set_font(self.body_font, "B" if bold else "", size)
        self.set_text_color(*color)
        self.multi_cell(
            0, size * 0.5, self.clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
        )
        self.set_text_color(*INK)

    def pair(self, label: str, value: Any) -> None:
        self.set_font(self.body_font, "B", 10)
        self.cell(55, 5.5, self.clean(label))
        self.set_font(self.body_font, "", 10)
        self.multi_cell(
            0, 5.5, self.clean(value or "—"), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
        )


def _approved(assessment: Any) -> str:
    when = dateformat.format(assessment.approved_at, "j F Y")
    return sentence("report.approved_on", date=when, person=assessment.approved_by)


def _title_page(pdf: ReportPDF, ctx: dict[str, Any]) -> None:
    a = ctx["assessment"]
    pdf.add_page()
    pdf.ln(25)
    pdf.para(_t("Human rights impact assessment"), 12, color=MUTED)
    pdf.ln(2)
    pdf.para(a.title, 24, bold=True)
    pdf.ln(4)
    pdf.para(f"{a.organisation.name} · {ctx['system'].name}", 13)
    pdf.ln(8)
    pdf.pair(_t("Kind"), a.get_kind_display())
    pdf.pair(
        _t("Trigger"), a.get_trigger_display() + (f" — {a.trigger_note}" if a.trigger_note else "")
    )
    pdf.pair(_t("Version"), a.version)
    pdf.pair(_t("Status"), a.get_status_display())
    pdf.pair(
        _t("Approved"),
        _approved(a) if a.approved_at else _t("Not yet approved"),
    )
    for flag in ctx["flags"]:
        pdf.para(f"{_t('Attention:')} {core_text(flag)}", 11, bold=True, color=SEVERE)
    _summary(pdf, ctx)
    pdf.ln(10)
    pdf.para(
        _t(
            "Built on the UN Guiding Principles on Business and Human Rights. Risk to people and risk "
            "to the business are reported side by side and never combined; priority follows risk to "
            "people only."
        ),
        9,
        color=MUTED,
    )


def _summary(pdf: ReportPDF, ctx: dict[str, Any]) -> None:
    entries = ctx["entries"]
    severe = [e for e in entries if e.impact.severity_band == 4]
    gaps = sum(len(e.unmet) for e in entries)
    behind = sorted(
        {f"{r.group} ({r.dimension})" for e in entries for v in e.indicators for r in v.left_behind}
    )
    errors = [f for f in ctx["findings"] if f.level.value == "error"]
    pdf.ln(6)
    pdf.heading(_t("In brief"), 13)
    pdf.para("• " + sentence("report.impacts_identified", n=len(entries), severe=len(severe)))
    for entry in severe[:3]:
        pdf.para(f"   – {entry.impact.title}", 10, bold=True, color=SEVERE)
    pdf.para("• " + sentence("report.uncovered_responses", n=gaps))
    left = ", ".join(behind) if behind else _t("none measured")
    pdf.para("• " + sentence("report.left_behind", groups=left))
    key = "report.quality_errors_blocking" if errors else "report.quality_errors"
    pdf.para("• " + sentence(key, n=len(errors)))


def _scope(pdf: ReportPDF, ctx: dict[str, Any]) -> None:
    a, s = ctx["assessment"], ctx["scoping"]
    pdf.add_page()
    pdf.heading(_t("1. Scope"))
    pdf.pair(_t("Context of use"), a.context_of_use)
    pdf.pair(_t("Countries"), ", ".join(a.scope_countries))
    pdf.pair(_t("Languages"), ", ".join(a.scope_languages))
    pdf.pair(_t("Safety tested in"), ", ".join(s.safety_tested_languages))
    pdf.pair(_t("Users"), s.users)
    pdf.pair(_t("Affected groups"), s.affected_groups_note)
    pdf.pair(_t("Vulnerable groups"), ", ".join(ctx["vulnerable_titles"]))
    pdf.pair(_t("Suppliers"), s.suppliers)
    pdf.pair(_t("Customers"), s.customers)
    pdf.pair(_t("Vendors"), s.vendors)
    model = [
        _t("General-purpose") if s.general_purpose else _t("Specific purpose"),
        s.who_pays and sentence("report.paid_by", who=s.who_pays),
        s.get_release_style_display() if s.release_style else "",
        s.weights and sentence("report.weights", weights=core_label(s.weights)),
    ]
    pdf.pair(_t("Business model"), "; ".join(m for m in model if m))
    screening = ctx["screening"]
    if screening is not None:
        hits = ", ".join(h.get("title", h.get("red_line_id", "")) for h in screening.hits) or _t(
            "no hit"
        )
        decided = screening.get_decision_display() if screening.decision else _t("NOT DECIDED")
        decision = sentence("report.decision", hits=hits, decision=decided)
        pdf.pair(_t("Red-line screen"), f"{decision} {screening.decision_reasons}")
    pdf.heading(_t("2. Method"), 13)
    pdf.para(ctx["method"])
    cov = ctx["coverage"]
    pdf.heading(_t("3. Coverage"), 13)
    pdf.para(
        sentence(
            "report.coverage",
            categories=cov.categories_considered,
            categories_total=cov.categories_total,
            percent=cov.category_percent,
            rights=cov.rights_considered,
            rights_total=cov.rights_total,
        )
    )
    for row in ctx["rows"]:
        if row.impacts:
            state = sentence("report.category_impacts", n=len(row.impacts))
        elif row.review:
            state = sentence("report.not_relevant", reason=row.review.reason)
        else:
            state = _t("NOT CONSIDERED")
        pdf.para(f"• {core_text(row.category.title)}: {state}", 9)


def _impacts(pdf: ReportPDF, ctx: dict[str, Any]) -> None:
    pdf.add_page()
    pdf.heading(_t("4. Prioritised impacts"))
    pdf.para(
        _t("Ordered by severity to people; risk to the business is shown beside it."),
        9,
        color=MUTED,
    )
    for number, entry in enumerate(ctx["entries"], start=1):
        i = entry.impact
        pdf.ln(2)
        color = SEVERE if i.severity_band == 4 else INK
        pdf.para(f"{number}. {i.title}", 12, bold=True, color=color)
        pdf.pair(
            _t("Risk to people"),
            f"{i.get_severity_band_display()} ({_t('actual') if i.actual else _t('potential')})",
        )
        pdf.pair(
            _t("Risk to business"),
            i.get_business_risk_display() if i.business_risk else _t("Not rated"),
        )
        for rating in impact_ratings(i):
            pdf.pair(rating.label, f"{rating.display}. {rating.rationale}")
        pdf.pair(_t("Affected groups"), ", ".join(g.name for g in i.affected_groups.all()))
        pdf.pair(_t("Involvement"), f"{i.get_involvement_display()}. {i.involvement_rationale}")
        pdf.pair(_t("Required response"), core_text(entry.response.guidance))
        if entry.side_risk_of:
            pdf.pair(_t("Created by mitigation"), "; ".join(entry.side_risk_of))
        for action in entry.actions:
            pdf.para(
                f"   - {action.get_action_type_display()}: {action.description} ({action.get_status_display()})",
                9,
            )
        for unmet in entry.unmet:
            gap = sentence("report.gap", requirement=core_text(unmet.label).lower())
            pdf.para(f"   {gap}", 9, bold=True, color=SEVERE)
        _effectiveness(pdf, entry)


def _effectiveness(pdf: ReportPDF, entry: Any) -> None:
    for view in entry.indicators:
        pdf.para(
            "   "
            + sentence(
                "report.indicator",
                name=view.indicator.name,
                verdict=core_text(VERDICT_TEXT[view.overall]),
            ),
            9,
            bold=True,
        )
        for result in view.groups:
            latest = "" if result.latest is None else f" {result.latest:g}{view.indicator.unit}"
            size = "" if result.n is None else f" (n={result.n})"
            color = SEVERE if result.verdict.value == "left_behind" else INK
            pdf.para(
                f"      {result.dimension} {result.group}:{latest}{size} — {core_text(VERDICT_TEXT[result.verdict])}",
                9,
                color=color,
            )


def _closing(pdf: ReportPDF, ctx: dict[str, Any]) -> None:
    pdf.heading(_t("5. Engagement"), 13)
    pdf.para(
        "; ".join(ctx["engagement"]) or _t("No engagement recorded for this system in RightsLens.")
    )
    pdf.heading(_t("6. Open issues"), 13)
    for finding in ctx["findings"]:
        pdf.para(
            f"• [{core_label(finding.level.value)}] {finding_text(finding)}",
            9,
            color=SEVERE if finding.level.value == "error" else INK,
        )
    if not ctx["findings"]:
        pdf.para(_t("No open quality issues."))
    pdf.heading(_t("7. Sign-off"), 13)
    a = ctx["assessment"]
    pdf.pair(_t("Status"), a.get_status_display())
    pdf.pair(
        _t("Approved by"),
        _t("{person} on {date}").format(person=a.approved_by, date=day(a.approved_at))
        if a.approved_at
        else _t("Not yet approved"),
    )
    for reviewer in ctx["reviewers"]:
        pdf.pair(
            _t("Reviewer"),
            f"{reviewer.user.email}: {reviewer.get_decision_display()} {reviewer.comment}",
        )


def render_pdf(ctx: dict[str, Any], *, force_core_font: bool = False) -> bytes:
    pdf = ReportPDF(ctx["assessment"].title)
    if force_core_font:
        pdf.unicode, pdf.body_font = False, "Helvetica"
    _title_page(pdf, ctx)
    _scope(pdf, ctx)
    _impacts(pdf, ctx)
    _closing(pdf, ctx)
    return bytes(pdf.output())
