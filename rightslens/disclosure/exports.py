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

from .selectors import document_items


def _title(document: dict[str, Any]) -> str:
    meta = document.get("meta", {})
    return f"Fundamental rights impact assessment: {meta.get('system', {}).get('name', '')}"


def _status_line(document: dict[str, Any]) -> str:
    meta = document.get("meta", {})
    fria = meta.get("fria") or {}
    if not fria:
        return "Preview computed from the register; not saved or approved."
    approved = (
        f", approved {fria['approved_at'][:10]} by {fria['approved_by']}"
        if fria.get("approved_at")
        else ""
    )
    return f"Version {fria['version']}, {fria['status']}{approved}"


def _source_line(entry: dict[str, Any]) -> str:
    return ", ".join(f"{s['type']} #{s['id']}" for s in entry["sources"]) or "none"


def fria_json_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


def fria_docx(document: dict[str, Any]) -> bytes:
    doc = Document()
    doc.add_heading(_title(document), level=0)
    doc.add_paragraph(_status_line(document))
    doc.add_paragraph(
        f"Template: {document['meta'].get('template')} (v{document['meta'].get('template_version')})"
    )
    for key, entry in document_items(document):
        doc.add_heading(f"({key}) {entry['title']}", level=1)
        for paragraph in entry["text"].split("\n\n") or [""]:
            doc.add_paragraph(paragraph)
        doc.add_paragraph().add_run(f"Sources: {_source_line(entry)}").italic = True
        for gap in entry["gaps"]:
            doc.add_paragraph(f"Gap: {gap}", style="List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def fria_pdf(document: dict[str, Any]) -> bytes:
    pdf = ReportPDF(_title(document))
    pdf.add_page()
    pdf.para("EU AI Act, Article 27", 11, color=MUTED)
    pdf.para(_title(document), 18, bold=True)
    pdf.para(_status_line(document), 10, color=MUTED)
    for key, entry in document_items(document):
        pdf.heading(f"({key}) {entry['title']}", 13)
        pdf.para(entry["text"] or "—")
        pdf.para(f"Sources: {_source_line(entry)}", 8, color=MUTED)
        for gap in entry["gaps"]:
            pdf.para(f"Gap: {gap}", 9, bold=True, color=SEVERE)
    return bytes(pdf.output())


def notification_note(
    document: dict[str, Any], template: FriaTemplate, organisation_name: str
) -> str:
    gaps = sum(len(entry["gaps"]) for _, entry in document_items(document))
    return "\n".join(
        [
            "Notification to the market surveillance authority (EU AI Act, Article 27(3))",
            "",
            f"Deployer: {organisation_name}",
            f"System: {document['meta']['system']['name']}",
            f"Assessment: {_status_line(document)}",
            f"Open gaps: {gaps}",
            "",
            template.notification,
            "",
            "Enclosed: fria.json (machine-readable), fria.pdf and fria.docx (the completed items with",
            "the records each rests on).",
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
