"""Content rules for the GenAI risk taxonomy, the red lines and the crosswalks."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from rightslens.core.knowledge import KnowledgeBase, load_directory

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"
LAW, UN, CIVIL = "prohibited_by_law", "called_for_by_un_experts", "called_for_by_civil_society"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_directory(KNOWLEDGE)


def test_each_of_the_ten_categories_has_at_least_six_examples(kb):
    categories = {c.id for c in kb.by_type("risk_category")}
    assert len(categories) == 10
    per_category = Counter(e.get("category_ref") for e in kb.by_type("risk_example"))
    assert {c: per_category[c] for c in categories if per_category[c] < 6} == {}


def test_every_category_links_to_rights_in_the_catalogue(kb):
    for category in kb.by_type("risk_category"):
        rights = category.get("right_refs")
        assert rights, category.id
        assert all(kb.get(r).type == "right" for r in rights), category.id


def test_red_lines_never_present_a_call_as_law(kb):
    for red_line in kb.by_type("red_line"):
        for status in red_line.get("statuses"):
            if status["status"] == LAW:
                assert "Art" in status["authority"] or "Regulation" in status["authority"], (
                    red_line.id
                )
            else:
                assert status["status"] in {UN, CIVIL}, red_line.id


def test_gender_detection_is_a_civil_society_red_line_not_an_eu_prohibition(kb):
    gender = [r for r in kb.by_type("red_line") if "gender" in r.title.lower()]
    assert gender, "the knowledge base should carry the call to ban automated gender detection"
    statuses = {s["status"] for r in gender for s in r.get("statuses")}
    assert CIVIL in statuses and LAW not in statuses


def test_emotion_recognition_in_workplaces_is_prohibited_by_the_eu_ai_act(kb):
    emotion = [r for r in kb.by_type("red_line") if "emotion" in r.title.lower()]
    authorities = [s["authority"] for r in emotion for s in r.get("statuses") if s["status"] == LAW]
    assert any("5(1)(f)" in a for a in authorities)


def test_red_lines_carry_enough_lower_case_screening_terms(kb):
    for red_line in kb.by_type("red_line"):
        terms = red_line.get("screening_terms")
        assert len(terms) >= 4, red_line.id
        assert all(t == t.lower() for t in terms), red_line.id


def test_crosswalk_links_go_from_a_ungp_step_to_a_framework_element(kb):
    links = kb.by_type("crosswalk_link")
    assert len(links) >= 30
    for link in links:
        assert kb.get(link.get("from_ref")).type in {"dd_step", "principle"}, link.id
        assert kb.get(link.get("to_ref")).type == "framework_element", link.id
        assert link.get("relationship") in {"equal", "subset", "superset", "intersects"}
        assert link.get("rationale").strip()


def test_every_framework_named_in_the_domain_guide_is_cross_walked(kb):
    linked_frameworks = {
        kb.get(link.get("to_ref")).get("framework_ref") for link in kb.by_type("crosswalk_link")
    }
    expected = {
        "fw-oecd-ddg",
        "fw-eu-ai-act",
        "fw-huderia",
        "fw-nist-ai-rmf",
        "fw-iso-42001",
        "fw-esrs-s4",
    }
    assert expected <= linked_frameworks
