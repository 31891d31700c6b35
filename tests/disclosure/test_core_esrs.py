"""ESRS S4 datapoints and what may be published: pure functions, no database."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightslens.core.disclosure.esrs import (
    EsrsFacts,
    GrievanceFigures,
    esrs_requirements,
    esrs_sections,
    public_sections,
)
from rightslens.core.disclosure.records import Fact, SourceRef
from rightslens.core.disclosure.transparency import ApprovedSummary, summary_text
from rightslens.core.knowledge import LibraryError, build_knowledge_base, parse_library
from rightslens.hub.knowledge import knowledge

LIBRARY = esrs_requirements(knowledge())


def points(sections) -> dict:
    return {p.code: p for s in sections for p in s.datapoints}


FACTS = EsrsFacts(
    systems=(SourceRef("system", 1), SourceRef("system", 2)),
    approved_assessments=(Fact("CV screener v1", SourceRef("assessment", 4)),),
    grievances=GrievanceFigures(received=3, closed=12, remedies=0),
    severe_impacts=(SourceRef("impact", 8),),
)


def test_each_datapoint_is_computed_from_records_with_links():
    found = points(esrs_sections(FACTS, LIBRARY))
    assert found["S4-1.systems"].value == 2
    assert found["S4-1.assessed"].sources == (SourceRef("assessment", 4),)
    assert found["S4-3.received"].value == 3


def test_gaps_name_what_is_missing():
    sections = {s.requirement.code: s for s in esrs_sections(FACTS, LIBRARY)}
    assert "a severe impact has no action" in sections["S4-4"].gaps
    assert "no indicator has a target" in sections["S4-5"].gaps
    assert "no narrative written" in sections["S4-1"].gaps


def test_the_public_view_shows_only_opted_in_items_without_links():
    public = public_sections(esrs_sections(FACTS, LIBRARY, {"S4-3": "Our channel"}), ["S4-3"])
    assert [s.requirement.code for s in public] == ["S4-3"]
    assert all(not p.sources for p in public[0].datapoints)
    assert public[0].narrative == "Our channel"


def test_small_grievance_counts_are_suppressed_in_public_only():
    internal = points(esrs_sections(FACTS, LIBRARY))
    public = points(public_sections(esrs_sections(FACTS, LIBRARY), ["S4-3"]))
    assert internal["S4-3.received"].value == 3
    assert public["S4-3.received"].value is None
    assert public["S4-3.closed"].value == 12
    assert public["S4-3.remedies"].value == 0


def test_the_transparency_summary_counts_impacts_by_severity():
    text = summary_text(
        ApprovedSummary("2026-03-01", ["Severe", "High", "High"], ["Privacy"], 1, 2)
    )
    assert "3 impacts" in text and "2 high" in text and "Privacy" in text
    assert "not" in summary_text(None) or "No" in summary_text(None)


ESRS_YAML = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge" / "esrs-s4.yaml"


def _library(text: str):
    return esrs_requirements(build_knowledge_base([parse_library(text, "esrs-s4.yaml")]))


def test_the_knowledge_library_drives_the_draft():
    """Relabel a datapoint, drop another, change its citation: the draft follows, no code."""
    text = ESRS_YAML.read_text()
    assert LIBRARY == _library(text)
    changed = text.replace("title: Grievances received", "title: Concerns raised")
    changed = changed.replace(
        "ESRS S4, Disclosure Requirement S4-3, paragraph 25(d)", "Changed locator", 1
    )
    start = changed.index("  - type: esrs_datapoint\n    id: esrs-s4-5-targets")
    changed = changed[:start]
    found = points(esrs_sections(FACTS, _library(changed)))
    assert found["S4-3.received"].label == "Concerns raised"
    assert found["S4-3.gp31"].citation == "Changed locator"
    assert "S4-5.targets" not in found and "S4-5.targets" in points(esrs_sections(FACTS, LIBRARY))


def test_every_datapoint_cites_an_esrs_s4_paragraph():
    for requirement in LIBRARY:
        assert requirement.datapoints
        for spec in requirement.datapoints:
            assert spec.citation.startswith(f"ESRS S4, Disclosure Requirement {requirement.code}")


def test_a_datapoint_with_a_measure_the_core_lacks_is_refused_by_the_schema():
    text = ESRS_YAML.read_text().replace("measure: targets", "measure: invented", 1)
    with pytest.raises(LibraryError, match="esrs-s4-5-targets.*measure"):
        _library(text)
