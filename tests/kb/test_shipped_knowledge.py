"""Every knowledge file shipped in rightslens/knowledge/ validates, cites its sources, and keeps the contract."""

from pathlib import Path
from typing import get_args

import pytest

from rightslens.assessments.models import AssessmentKind, Trigger
from rightslens.common.knowledge import KNOWLEDGE_DIR
from rightslens.core.knowledge import load_directory, load_library_file
from rightslens.core.knowledge.schemas import AssessmentKindCode, TriggerCode
from rightslens.core.knowledge.stats import knowledge_stats
from rightslens.core.vocabulary import LifecycleStage, ValueChainRole

SHIPPED = sorted(KNOWLEDGE_DIR.glob("*.yaml"))


@pytest.fixture(scope="module")
def kb():
    return load_directory(KNOWLEDGE_DIR)


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_each_shipped_file_is_a_valid_library(path: Path):
    library = load_library_file(path)
    assert library.items, f"{path.name} has no items"


def test_the_shipped_libraries_load_together_without_dangling_references(kb):
    assert len(kb.libraries) == len(SHIPPED)


def test_every_item_cites_a_document_a_locator_and_a_web_address(kb):
    for item in kb.items.values():
        assert item.citations, item.id
        for citation in item.citations:
            assert citation.locator.strip(), item.id
            assert citation.url.startswith(("https://", "http://")), item.id


def test_every_unverified_item_says_why(kb):
    assert all(i.unverified_reason.strip() for i in kb.items.values() if i.unverified)


DUE_DILIGENCE_IDS = {
    "involvement_type": ["inv-cause", "inv-contribute", "inv-directly-linked"],
    "leverage_kind": ["lev-bilateral", "lev-peers", "lev-partnerships", "lev-multistakeholder"],
    "remedy_form": [
        "remedy-restitution",
        "remedy-compensation",
        "remedy-rehabilitation",
        "remedy-satisfaction",
        "remedy-non-repetition",
    ],
    "remedy_route": ["route-judicial", "route-state-non-judicial", "route-non-state"],
    "effectiveness_criterion": [
        f"gp31-{c}"
        for c in (
            "legitimate",
            "accessible",
            "predictable",
            "equitable",
            "transparent",
            "rights-compatible",
            "learning",
            "engagement",
        )
    ],
    "dd_trigger": [f"trigger-{t.value.replace('_', '-')}" for t in Trigger],
    "lifecycle_stage": [f"stage-{s.value.replace('_', '-')}" for s in LifecycleStage],
    "value_chain_role": [f"role-{r.value.replace('_', '-')}" for r in ValueChainRole],
    "stakeholder_type": ["stakeholder-affected", "stakeholder-proxy", "stakeholder-expert"],
    "vulnerable_group": [
        f"vg-{g}"
        for g in (
            "children",
            "women-girls",
            "minorities",
            "disabilities",
            "migrants",
            "low-resource-languages",
            "low-digital-literacy",
            "indigenous",
            "older-persons",
        )
    ],
    "mitigation_type": [
        f"mit-{m}"
        for m in (
            "prompt-filtering",
            "prompt-engineering",
            "fine-tuning",
            "rlhf",
            "red-teaming",
            "blocklists",
            "classifiers",
            "monitoring",
            "watermarking",
            "human-review",
        )
    ],
}


@pytest.mark.parametrize("item_type", sorted(DUE_DILIGENCE_IDS))
def test_the_fixed_due_diligence_ids_exist_with_their_type(kb, item_type):
    for item_id in DUE_DILIGENCE_IDS[item_type]:
        item = kb.get(item_id)
        assert item is not None, item_id
        assert item.type == item_type


def test_codes_match_the_vocabularies_the_app_stores(kb):
    assert {i.get("code") for i in kb.by_type("lifecycle_stage")} == {
        s.value for s in LifecycleStage
    }
    assert {i.get("code") for i in kb.by_type("value_chain_role")} == {
        r.value for r in ValueChainRole
    }
    assert {i.get("code") for i in kb.by_type("dd_trigger")} == set(Trigger.values)
    assert {i.get("code") for i in kb.by_type("involvement_type")} == {
        "cause",
        "contribute",
        "directly_linked",
    }


def test_the_core_schemas_mirror_the_assessment_choices():
    assert set(get_args(TriggerCode)) == set(Trigger.values)
    assert set(get_args(AssessmentKindCode)) == set(AssessmentKind.values)


def test_effectiveness_criteria_are_numbered_in_the_order_of_gp_31(kb):
    numbers = {i.id: i.get("number") for i in kb.by_type("effectiveness_criterion")}
    assert numbers["gp31-legitimate"] == 1 and numbers["gp31-engagement"] == 8
    assert sorted(numbers.values()) == list(range(1, 9))


def test_the_knowledge_base_has_the_minimum_content_the_issue_promises(kb):
    """Done means (issue #3): 31 principles, >= 30 UDHR articles, 10 categories with >= 6 examples, 8 criteria, 5 remedy forms."""
    stats = knowledge_stats(kb)
    types = stats["totals"]["types"]
    assert types.get("principle") == 31
    assert stats["rights_per_instrument"].get("udhr", 0) >= 30
    assert types.get("risk_category") == 10
    per_category = stats["examples_per_category"]
    assert {
        c.id: per_category.get(c.id, 0)
        for c in kb.by_type("risk_category")
        if per_category.get(c.id, 0) < 6
    } == {}
    assert types.get("effectiveness_criterion") == 8
    assert types.get("remedy_form") == 5
