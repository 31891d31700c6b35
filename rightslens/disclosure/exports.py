"""A FRIA document (the JSON from selectors.fria_json) as DOCX, PDF, and the notification pack
for the market surveillance authority (Art. 27(3)): a ZIP of the three with a cover note."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from docx import Document

from rightslens.assessments.reports.pdf import MUTED, SEVERE, ReportPDF
from rightslens.core.disclosure.template import FriaTemplate
from rightslens.ux.wording import core_label, report_text, sentence

from .selectors import document_items, localised_items


def _title(document: dict[str, Any]) -> str:
    meta = document.get("meta", {})
    return sentence("fria.title", system=meta.get("system", {}).get("name", ""))


def _status_line(document: dict[str, Any]) -> str:
    meta = document.get("meta", {})
    fria = meta.get("fria") or {}
    if not fria:
        return report_text("Preview computed from the register; not saved or approved.")
    status = core_label(fria["status"])
    if fria.get("approved_at"):
        return sentence(
            "fria.status_approved",
            version=fria["version"],
            status=status,
            date=fria["approved_at"][:10],
            person=fria["approved_by"],
        )
    return sentence("fria.status", version=fria["version"], status=status)


def _source_line(entry: dict[str, Any]) -> str:
    return ", ".join(f"{s['type']} #{s['id']}" for s in entry["sources"]) or report_text("none")


def fria_json_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


def fria_docx(document: dict[str, Any]) -> bytes:
    doc = Document()
    doc.add_heading(_title(document), level=0)
    doc.add_paragraph(_status_line(document))
    meta = document["meta"]
    doc.add_paragraph(
        sentence(
            "fria.template", template=meta.get("template"), version=meta.get("template_version")
        )
    )
    for key, entry in localised_items(document):
        doc.add_heading(f"({key}) {entry['title']}", level=1)
        for paragraph in entry["text"].split("\n\n") or [""]:
            doc.add_paragraph(paragraph)
        doc.add_paragraph().add_run(
            sentence("fria.sources", sources=_source_line(entry))
        ).italic = True
        for gap in entry["gaps"]:
            doc.add_paragraph(sentence("fria.gap", gap=gap), style="List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def fria_pdf(document: dict[str, Any]) -> bytes:
    pdf = ReportPDF(_title(document))
    pdf.add_page()
    pdf.para(report_text("EU AI Act, Article 27"), 11, color=MUTED)
    pdf.para(_title(document), 18, bold=True)
    pdf.para(_status_line(document), 10, color=MUTED)
    for key, entry in localised_items(document):
        pdf.heading(f"({key}) {entry['title']}", 13)
        pdf.para(entry["text"] or "—")
        pdf.para(sentence("fria.sources", sources=_source_line(entry)), 8, color=MUTED)
        for gap in entry["gaps"]:
            pdf.para(sentence("fria.gap", gap=gap), 9, bold=True, color=SEVERE)
    return bytes(pdf.output())


def notification_note(
    document: dict[str, Any], template: FriaTemplate, organisation_name: str
) -> str:
    gaps = sum(len(entry["gaps"]) for _, entry in document_items(document))
    return "\n".join(
        [
            report_text(
                "Notification to the market surveillance authority (EU AI Act, Article 27(3))"
            ),
            "",
            sentence("fria.deployer", name=organisation_name),
            sentence("fria.system", name=document["meta"]["system"]["name"]),
            sentence("fria.assessment", status=_status_line(document)),
            sentence("fria.open_gaps", n=gaps),
            "",
            template.notification,
            "",
            report_text(
                "Enclosed: fria.json (machine-readable), fria.pdf and fria.docx (the completed "
                "items with the records each rests on)."
            ),
        ]
    )


def notification_pack(
    document: dict[str, Any], template: FriaTemplate, organisation_name: str
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as pack:
        pack.writestr("notification.txt", notification_note(document, template, organisation_name))
        pack.writestr("fria.json", fria_json_bytes(document))
        pack.writestr("fria.pdf", fria_pdf(document))
        pack.writestr("fria.docx", fria_docx(document))
    return out.getvalue()
