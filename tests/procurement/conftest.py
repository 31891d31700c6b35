"""Procurement tests use their own libraries (the shipped questionnaire and clause files, parsed
alone, plus a red line built here), so other libraries being edited cannot break them."""

from pathlib import Path

import pytest

from rightslens.core.knowledge.loader import load_library_file

from .helpers import red_line_item

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"


@pytest.fixture(autouse=True)
def procurement_knowledge(monkeypatch):
    questionnaires = list(load_library_file(KNOWLEDGE / "questionnaires.yaml").items)
    clauses = list(load_library_file(KNOWLEDGE / "contract-clauses.yaml").items)
    monkeypatch.setattr(
        "rightslens.procurement.request_services.knowledge_items", lambda: questionnaires
    )
    monkeypatch.setattr("rightslens.procurement.services.clause_templates", lambda: clauses)
    monkeypatch.setattr(
        "rightslens.procurement.screening_services.red_line_items", lambda: [red_line_item()]
    )
    return {"questionnaires": questionnaires, "clauses": clauses}
