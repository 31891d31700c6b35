"""Red-line screening rules: phrase matching and legal-status wording."""

from types import MappingProxyType

from rightslens.core.knowledge.model import Citation, Item, Source
from rightslens.core.screening import RedLineHit, legal_status_summary, normalise, screen_use_case

SOURCE = Source("seed-004", "UN Working Group 2025", "OHCHR", "https://example.org/wg", "2025")


def red_line(item_id, terms, statuses, title="A red line"):
    return Item(
        id=item_id,
        type="red_line",
        library="red-lines",
        title=title,
        citations=(Citation(SOURCE, "para. 12", SOURCE.url),),
        fields=MappingProxyType(
            {"description": "x", "statuses": statuses, "screening_terms": terms, "right_refs": []}
        ),
    )


EMOTION = red_line(
    "rl-emotion-recognition-work-education",
    ["emotion recognition", "emotion analysis", "detect emotions", "affect recognition"],
    [
        {"status": "prohibited_by_law", "authority": "EU AI Act", "locator": "Art. 5(1)(f)"},
        {
            "status": "called_for_by_civil_society",
            "authority": "Civil-society statement 2024",
            "locator": "p. 2",
        },
    ],
    title="Emotion recognition at work and in education",
)
POLICING = red_line(
    "rl-predictive-policing",
    ["predictive policing", "crime prediction", "predict who will offend", "risk of offending"],
    [
        {
            "status": "called_for_by_un_experts",
            "authority": "UN Working Group on Business and Human Rights",
            "locator": "para. 40",
        }
    ],
)


def test_it_finds_a_phrase_whatever_the_case_and_punctuation():
    hits = screen_use_case(
        "Video interviews with EMOTION-recognition scoring.", [EMOTION, POLICING]
    )
    assert [h.red_line_id for h in hits] == ["rl-emotion-recognition-work-education"]
    assert hits[0].matched_terms == ("emotion recognition",)


def test_it_matches_whole_words_only():
    assert screen_use_case("Our demotion recognitions tool", [EMOTION]) == []


def test_a_clean_use_case_has_no_hits():
    assert (
        screen_use_case("Summarise customer support tickets in English.", [EMOTION, POLICING]) == []
    )


def test_a_denial_is_read_as_a_denial():
    assert screen_use_case("We will not use emotion analysis.", [EMOTION]) == []


def test_a_denial_does_not_reach_past_but():
    hits = screen_use_case("We do not store video, but we use emotion analysis.", [EMOTION])
    assert [h.red_line_id for h in hits] == ["rl-emotion-recognition-work-education"]


def test_it_reports_every_matching_term_once():
    hits = screen_use_case("emotion analysis and emotion analysis to detect emotions", [EMOTION])
    assert hits[0].matched_terms == ("emotion analysis", "detect emotions")


def test_a_hit_keeps_its_sources():
    hit = screen_use_case("crime prediction", [POLICING])[0]
    assert hit.sources == (("UN Working Group 2025, para. 12", "https://example.org/wg"),)


def test_law_and_calls_for_law_are_never_merged():
    law_hit = screen_use_case("emotion recognition", [EMOTION])[0]
    summary = legal_status_summary(law_hit)
    assert summary.startswith("Prohibited by law in: EU AI Act (Art. 5(1)(f))")
    assert "called a red line by: Civil-society statement 2024" in summary
    assert law_hit.prohibited_by_law


def test_a_red_line_only_called_for_by_experts_is_not_presented_as_law():
    hit = screen_use_case("predictive policing pilot", [POLICING])[0]
    summary = legal_status_summary(hit)
    assert "Prohibited by law" not in summary
    assert summary.startswith("Not prohibited by any law recorded here")
    assert not hit.prohibited_by_law


def test_hits_survive_a_round_trip_through_json():
    hit = screen_use_case("emotion recognition", [EMOTION])[0]
    assert RedLineHit.from_dict(hit.as_dict()) == hit


def test_normalise_pads_and_collapses():
    assert normalise("  Hello,   World! ") == " hello world "


def test_a_prohibition_with_exceptions_is_never_summarised_as_absolute():
    hit = screen_use_case("emotion recognition", [EMOTION])[0]
    with_exceptions = RedLineHit(
        hit.red_line_id,
        hit.title,
        hit.matched_terms,
        hit.statuses,
        hit.sources,
        exceptions="Allowed for medical or safety reasons.",
    )
    assert "subject to the exceptions" in legal_status_summary(with_exceptions)
    without = RedLineHit(hit.red_line_id, hit.title, hit.matched_terms, hit.statuses, hit.sources)
    assert "exceptions" not in legal_status_summary(without)
