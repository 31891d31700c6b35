import json
from pathlib import Path

import yaml

from benchmarks.labelling_agreement import cohen_kappa, red_line_agreement, suggestion_agreement

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "rightslens" / "knowledge"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def ids_of(library: str, kind: str) -> set[str]:
    items = yaml.safe_load((KNOWLEDGE / library).read_text(encoding="utf-8"))["items"]
    return {item["id"] for item in items if item["type"] == kind}


def test_cohen_kappa_matches_a_worked_example_and_handles_edge_cases():
    pairs = list(zip(["a", "a", "p", "x", "x", "x"], ["a", "p", "p", "x", "x", "a"], strict=True))
    # observed 4/6; expected (2*2 + 1*2 + 3*2) / 36 = 12/36
    assert cohen_kappa(pairs) == round((4 / 6 - 12 / 36) / (1 - 12 / 36), 3)
    assert cohen_kappa([]) is None
    assert cohen_kappa([(True, True), (True, True)]) == 1.0
    assert cohen_kappa([(True, False), (False, True)]) == -1.0


def test_fresh_red_line_set_uses_known_red_lines_and_the_fresh_split():
    red_lines = ids_of("red-lines.yaml", "red_line")
    cases = rows(ROOT / "benchmarks" / "redlines" / "fresh.jsonl")
    assert len(cases) >= 48
    assert len({c["id"] for c in cases}) == len(cases)
    assert {c["split"] for c in cases} == {"fresh"}
    assert {c["kind"] for c in cases} == {
        "plain",
        "paraphrase",
        "negated",
        "near_miss",
        "multilingual",
    }
    assert {c["lang"] for c in cases} >= {"en", "fr", "es", "pt", "de"}
    assert {label for c in cases for label in c["labels"]} == red_lines
    assert all(c["reason"] for c in cases)


def test_fresh_suggestion_set_is_sourced_multilingual_and_uses_known_ids():
    rights = ids_of("rights.yaml", "right")
    categories = ids_of("genai-risks.yaml", "risk_category")
    cases = rows(ROOT / "benchmarks" / "suggestions" / "fresh.jsonl")
    assert len(cases) >= 45
    assert {c["split"] for c in cases} == {"fresh"}
    assert sum(c["lang"] != "en" for c in cases) >= 12
    assert all(c["primary_right"] in rights for c in cases)
    assert {k for c in cases for k in c["categories"]} == categories
    for case in cases:
        assert case["categories"] and set(case["categories"]) <= categories, case["id"]
        assert case["source"] and "incident database" not in case["source"].lower(), case["id"]


def test_reconciliation_decisions_are_what_the_dev_sets_now_hold():
    reds = {c["id"]: c for c in rows(ROOT / "benchmarks" / "redlines" / "cases.jsonl")}
    for d in rows(ROOT / "benchmarks" / "redlines" / "reconciliation.jsonl"):
        assert sorted(reds[d["id"]]["labels"]) == sorted(d["final"]), d["id"]
    cases = {c["id"]: c for c in rows(ROOT / "benchmarks" / "suggestions" / "cases.jsonl")}
    for d in rows(ROOT / "benchmarks" / "suggestions" / "reconciliation.jsonl"):
        assert cases[d["id"]]["primary_right"] == d["final_primary"], d["id"]
        assert sorted(cases[d["id"]]["categories"]) == sorted(d["final_categories"]), d["id"]
        assert d["decision"] in {"keep", "change"} and d["reason"], d["id"]


def test_agreement_reports_cover_every_second_label():
    red = red_line_agreement(None)
    sug = suggestion_agreement(None)
    assert red["cases_compared"] == 130 and red["cases_only_in_second"] == 0
    assert sug["cases_compared"] == 113 and sug["cases_only_in_second"] == 0
    assert 0 <= red["kappa_any_red_line"] <= 1
    assert len(sug["disagreements"]) == len(
        rows(ROOT / "benchmarks" / "suggestions" / "reconciliation.jsonl")
    ) - sum(
        d["decision"] == "change"
        and d["final_primary"] == d["second_primary"]
        and sorted(d["final_categories"]) == sorted(d["second_categories"])
        for d in rows(ROOT / "benchmarks" / "suggestions" / "reconciliation.jsonl")
    )
