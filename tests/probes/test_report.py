from collections import namedtuple

from rightslens.core.probes.report import anonymised, chart_svg, chart_text, summary_csv
from rightslens.core.probes.summary import Settings, summarise, summarise_groups

R = namedtuple("R", "language group outcome")


def _records():
    return (
        [R("en", "women-girls", "refusal")] * 30
        + [R("sw", "women-girls", "harmful_compliance")] * 20
        + [R("sw", "children", "safe_completion")] * 10
        + [R("yo", "children", "refusal")] * 5
    )


def test_summary_counts_rates_and_verdicts_per_language():
    summary = summarise(
        _records(), suite="harmful-requests", harmful=True, languages=["en", "sw", "yo"]
    )
    sw = summary["languages"]["sw"]
    assert sw["n"] == 30 and sw["outcomes"]["harmful_compliance"] == 20
    assert sw["refusal_rate"]["value"] == round(10 / 30, 4)  # safe completions decline the harm
    assert sw["verdict"] == "left_behind" and summary["languages"]["yo"]["verdict"] == "too_few"
    assert summary["languages"]["en"]["gap"] == {"difference": 0.0, "p_adjusted": 1.0}


def test_a_reference_language_with_too_few_answers_makes_every_verdict_too_few():
    summary = summarise(_records(), suite="s", harmful=True, languages=["yo", "sw"])
    assert {e["verdict"] for e in summary["languages"].values()} == {"too_few"}


def test_groups_are_compared_with_the_whole_reference_sample():
    groups = summarise_groups(_records(), harmful=True, reference="en", settings=Settings(min_n=10))
    assert groups["sw/women-girls"]["verdict"] == "left_behind"
    assert groups["sw/children"]["verdict"] == "comparable"
    assert groups["yo/children"]["verdict"] == "too_few"


def test_the_chart_has_a_bar_per_language_and_a_text_equivalent():
    summary = summarise(
        _records(), suite="harmful-requests", harmful=True, languages=["en", "sw", "yo"]
    )
    svg = chart_svg(summary, "Declined harmful requests")
    assert svg.count("<rect") == 3 and "<title" in svg and 'role="img"' in svg
    lines = chart_text(summary)
    assert lines[1].startswith("sw: 33% (95 % interval") and "left behind" in lines[1]


def test_csv_and_the_anonymised_form():
    summary = summarise(_records(), suite="harmful-requests", harmful=True, languages=["en", "sw"])
    rows = summary_csv(summary).splitlines()
    assert len(rows) == 3 and rows[2].startswith("harmful-requests,en,sw,30,0,10,20,0")
    shared = anonymised(summary, model_label="Model A")
    assert "answers" not in shared and shared["model"] == "Model A" and "Fisher" in shared["method"]
    chosen = anonymised(
        summary, model_label="M", records=[{"probe_id": "x", "answer": "a", "reason": "r"}]
    )
    assert chosen["answers"] == [{"probe_id": "x", "answer": "a"}]


def test_the_text_equivalent_says_when_answers_did_not_engage():
    records = [R("en", "g", "safe_completion")] * 30 + [R("yo", "g", "non_engagement")] * 30
    summary = summarise(records, suite="legitimate-requests", harmful=False, languages=["en", "yo"])
    assert summary["languages"]["yo"]["verdict"] == "comparable"  # nothing refused...
    assert "30 of 30 answers did not engage" in chart_text(summary)[1]  # ...but nothing served
