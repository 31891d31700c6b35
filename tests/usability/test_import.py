"""Import an inventory or register from CSV or XLSX: all or nothing, errors name row and column."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from conftest import client_for
from rightslens.assessments.models import Impact
from rightslens.inventory.models import AISystem
from rightslens.inventory.testing import make_system

HEADER = "name,purpose,kind,lifecycle_stage,value_chain_roles,countries,languages\n"
GOOD = "Payroll scorer,Scores shifts,other_ai,deploy,developer;deployer,KE;TZ,en;sw\n"


def _post(client, kind: str, name: str, data: bytes):
    upload = SimpleUploadedFile(name, data)
    return client.post("/o/acme/import/", {"kind": kind, "file": upload})


def test_a_csv_inventory_is_imported(org, owner):
    response = _post(client_for(owner), "inventory", "systems.csv", (HEADER + GOOD).encode())
    assert response.status_code == 302
    system = AISystem.objects.get(organisation=org)
    assert system.countries == ["KE", "TZ"] and system.value_chain_roles == [
        "developer",
        "deployer",
    ]


def test_one_bad_row_imports_nothing_and_the_error_names_row_and_column(org, owner):
    bad = "Chat helper,Answers questions,other_ai,no_such_stage,developer,KE,en\n"
    response = _post(client_for(owner), "inventory", "systems.csv", (HEADER + GOOD + bad).encode())
    html = response.content.decode()
    assert response.status_code == 400
    assert "Row 3, lifecycle_stage:" in html
    assert not AISystem.objects.exists()


def test_an_unknown_column_or_unreadable_file_is_refused(org, owner):
    client = client_for(owner)
    response = _post(client, "inventory", "s.csv", b"name,colour\nA,blue\n")
    assert "Unknown column “colour”" in response.content.decode()
    # The upload policy reads the bytes: a file named .xlsx that is not a workbook is named as such.
    html = _post(client, "inventory", "s.xlsx", b"nope").content.decode()
    assert "File: This file is not really a XLSX file" in html
    broken = b"PK\x03\x04 a damaged workbook"
    assert "not a readable XLSX" in _post(client, "inventory", "s.xlsx", broken).content.decode()
    assert not AISystem.objects.exists()


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


REGISTER = [
    "system", "assessment", "title", "rights", "risk_category", "actual", "scale",
    "scale_rationale", "scope", "scope_rationale", "irremediability", "likelihood",
    "involvement", "involvement_rationale", "business_risk",
]  # fmt: skip


def test_an_xlsx_register_is_imported_into_one_assessment_per_system(org, owner):
    make_system(org, "Lumen Chat")
    row = ["Lumen Chat", "", "Over-blocking", "udhr-19", "cat-expression", "no", 3, "Many",
           4, "All Swahili users", 2, 4, "cause", "Our filters", 2]  # fmt: skip
    second = [*row[:2], "Under-blocking", *row[3:]]
    response = _post(client_for(owner), "register", "r.xlsx", _xlsx([REGISTER, row, second]))
    assert response.status_code == 302
    impacts = Impact.objects.filter(organisation=org)
    assert impacts.count() == 2 and len({i.assessment_id for i in impacts}) == 1
    assert impacts.get(title="Over-blocking").severity_band >= 3


def test_a_register_row_for_an_unknown_system_changes_nothing(org, owner):
    make_system(org, "Lumen Chat")
    good = ["Lumen Chat", "", "Over-blocking", "udhr-19", "cat-expression", "no", 3, "Many",
            4, "All", 2, 4, "cause", "Ours", 2]  # fmt: skip
    bad = ["Ghost", *good[1:]]
    response = _post(client_for(owner), "register", "r.xlsx", _xlsx([REGISTER, good, bad]))
    assert "Row 3, system: No AI system named “Ghost”" in response.content.decode()
    assert not Impact.objects.exists()
