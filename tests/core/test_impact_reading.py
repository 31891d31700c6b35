"""Impact suggestions read from descriptions, through the fake encoder (cues only)."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rightslens.core.impact_reading import (
    RIGHTS_AT_MOST,
    ImpactReader,
    RightsIndex,
    _needle,
    suggest_impacts,
)
from rightslens.core.knowledge.loader import load_directory
from rightslens.core.knowledge.model import Item
from rightslens.core.semantic import HashingEncoder
from rightslens.core.suggestions import SystemProfile, suggest
from rightslens.core.textcues import find_cue, words

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"
FAKE = HashingEncoder()


@pytest.fixture(scope="module")
def items():
    return list(load_directory(KNOWLEDGE).items.values())


def test_a_hiring_tool_gets_an_impact_on_applicants_with_work_rights_and_quoted_reasons(items):
    text = "The model ranks CVs of job applicants and rejects candidates before any interview."
    [first, *_] = suggest_impacts(text, items, encoder=FAKE)
    assert first.category_ref == "cat-work"
    assert "udhr-23" in first.right_refs
    assert first.title.startswith("Job applicants")
    assert any("ranks CVs of job applicants" in r for r in first.reasons)


def test_suggestions_are_ranked_and_capped(items):
    text = (
        "A chatbot for teenagers at school gives mental health advice, collects personal data "
        "and moderates their posts; the police can see flagged conversations."
    )
    shown = suggest_impacts(text, items, encoder=FAKE)
    scores = [s.score for s in shown]
    assert scores == sorted(scores, reverse=True)
    assert 1 < len(shown) <= 5


def test_it_reads_other_languages(items):
    text = (
        "Un algoritmo decide quién recibe prestaciones sociales y marca a solicitantes como fraude."
    )
    categories = {s.category_ref for s in suggest_impacts(text, items, lang="es", encoder=FAKE)}
    assert "cat-equality" in categories


def test_nothing_is_shown_for_an_unrelated_description(items):
    assert suggest_impacts("Invoice line matching for accountants.", items, encoder=FAKE) == []


def test_every_pattern_names_rights_from_the_catalogue_beyond_the_categories(items):
    reader = ImpactReader(items, FAKE)
    rights = {r for p in reader.patterns for r in p.right_refs}
    categories = {i.id for i in items if i.type == "risk_category"}
    catalogue = {i.id for i in items if i.type == "right"}
    assert rights <= catalogue
    assert len(rights) >= 85, sorted(catalogue - rights)
    assert {p.category_ref for p in reader.patterns} == categories


def test_the_assistant_reason_quotes_the_description_and_needs_more_than_assistant(items):
    plain = SystemProfile(
        kind="other_ai", text="An assistant for radiologists that outlines tumours"
    )
    assert "chatbot" not in {k for k in _keywords(plain)}
    chat = SystemProfile(kind="generative_application", text="A customer chat service for banks")
    found = suggest(
        chat, [], patterns=[i for i in items if i.type == "impact_pattern"], encoder=FAKE
    )
    privacy = next(s for s in found if s.category_ref == "cat-privacy" and not s.example_id)
    assert "“A customer chat service" in privacy.reasons[0]


def _keywords(profile):
    from rightslens.core.suggestions import profile_keywords

    return profile_keywords(profile)


@pytest.mark.parametrize(
    ("text", "lang", "pattern", "right"),
    [
        (
            "La policía usa un algoritmo que estima el riesgo de que una mujer que denuncia "
            "violencia de género vuelva a ser agredida.",
            "es",
            "ip-gender-violence",
            "iccpr-6",
        ),
        (
            "Die Software bewertet, in welchen Filialen die Gefahr einer Gewerkschaftsgründung "
            "und von Streiks besteht.",
            "de",
            "ip-union-organising",
            "icescr-8",
        ),
        (
            "Device batteries contain cobalt from mines where children work.",
            "en",
            "ip-forced-child-labour",
            "ilo-child-labour",
        ),
        (
            "Le professeur photographie la classe et le logiciel identifie les élèves "
            "pour noter leur présence.",
            "fr",
            "ip-student-surveillance",
            "crc-16",
        ),
    ],
)
def test_patterns_added_for_further_rights_read_their_languages(items, text, lang, pattern, right):
    shown = suggest_impacts(text, items, lang=lang, encoder=FAKE)
    found = next((s for s in shown if s.pattern_id == pattern), None)
    assert found is not None, [s.pattern_id for s in shown]
    assert right in found.right_refs
    # The reason quotes the description's own words, not the pattern's.
    assert any(r.startswith("The description says “") for r in found.reasons)
    quotes = [r.split("“")[1].split("”")[0] for r in found.reasons if "says “" in r]
    assert all(q.strip("… ") in text for q in quotes), quotes


def _pattern(pid, category, rights, cues):
    return Item(
        pid,
        "impact_pattern",
        "t",
        pid,
        (),
        fields={
            "category_ref": category,
            "right_refs": list(rights),
            "affected": "People",
            "impact": "may be harmed",
            "cues": {"en": list(cues)},
        },
    )


def test_a_suggestion_adding_no_new_right_or_category_is_not_shown():
    items = [
        _pattern("ip-a", "cat-privacy", ["iccpr-17", "udhr-12"], ["camera", "network"]),
        _pattern("ip-b", "cat-privacy", ["iccpr-17"], ["watch", "every"]),
        _pattern("ip-c", "cat-privacy", ["iccpr-21"], ["protest", "march"]),
    ]
    text = "A camera network will watch every protest march."
    shown = [s.pattern_id for s in ImpactReader(items, FAKE).suggest(text)]
    everything = [s.pattern_id for s in ImpactReader(items, FAKE).suggest(text, show_all=True)]
    assert set(everything) == {"ip-a", "ip-b", "ip-c"}
    # ip-b's only right is already shown under the same category: its place goes unused.
    assert "ip-b" not in shown and {"ip-a", "ip-c"} <= set(shown)


_WORDS = ["face", "facebook", "faces", "data", "de", "ia", "école", "ecoles", "x"]


@settings(max_examples=200, deadline=None)
@given(
    sentence=st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join),
    cue=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join),
    whole=st.booleans(),
)
def test_the_precomputed_cue_finds_what_find_cue_finds_at_the_same_word(sentence, cue, whole):
    cue = cue + (" " if whole else "")
    padded = " " + " ".join(words(sentence)) + " "
    index = padded.find(_needle(cue))
    at = padded.count(" ", 0, index) if index >= 0 else -1
    assert at == find_cue(words(sentence), cue)


# ------------------------------------------------------------------ rights as a person expects them


def _by_pattern(text, items, pattern_id, lang=""):
    shown = ImpactReader(items, FAKE).suggest(text, lang=lang, show_all=True)
    return next(s for s in shown if s.pattern_id == pattern_id)


def test_a_suggestion_names_its_own_rights_first_then_the_same_rights_in_other_instruments(items):
    reader = ImpactReader(items, FAKE)
    pattern = next(p for p in reader.patterns if p.id == "ip-personal-data")
    found = _by_pattern(
        "The app collects personal data and health records of users.", items, pattern.id
    )
    assert found.right_refs[: len(pattern.right_refs)] == pattern.right_refs
    assert len(found.right_refs) <= max(len(pattern.right_refs), RIGHTS_AT_MOST)
    # Every added right shares a UDHR counterpart with one of the pattern's own rights.
    index = RightsIndex(items)
    for added in found.right_refs[len(pattern.right_refs) :]:
        assert any(index._udhr[added] & index._udhr[r] for r in pattern.right_refs), added


def test_a_udhr_article_brings_its_covenant_counterpart_and_back():
    index = RightsIndex(list(load_directory(KNOWLEDGE).items.values()))
    assert "iccpr-17" in index.equivalents("udhr-12")
    assert "udhr-12" in index.equivalents("iccpr-17")
    # Group treaties only when asked for: privacy of children and of disabled people.
    assert "crc-16" not in index.equivalents("iccpr-17")
    assert {"crc-16", "crpd-22"} <= set(index.equivalents("iccpr-17", ["crc", "crpd"]))
    assert index.equivalents("no-such-right") == []


def test_a_group_provision_must_protect_the_same_right_not_just_share_a_broad_article():
    index = RightsIndex(list(load_directory(KNOWLEDGE).items.values()))
    # UDHR 7 stands behind both equal protection (ICERD 5) and the ban on racist propaganda
    # (ICERD 4); only the first is equal protection before the law (ICCPR 26).
    racial = index.equivalents("iccpr-26", ["cerd"])
    assert "cerd-5" in racial and "cerd-4" not in racial


def test_naming_a_group_adds_its_treaty_provision_for_the_same_right_with_a_quoted_reason(items):
    plain = "A risk score decides which patients get extra care and ranks them unequally."
    named = "A risk score decides which patients get extra care and ranks Black patients lower."
    without = _by_pattern(plain, items, "ip-health-care")
    with_group = _by_pattern(named, items, "ip-health-care")
    assert not any(r.startswith("cerd-") for r in without.right_refs)
    assert "cerd-5" in with_group.right_refs  # equality in the enjoyment of rights, incl. health
    assert any("ICERD" in r and "Black patients" in r for r in with_group.reasons)


def test_group_words_follow_the_language_and_whole_word_rules(items):
    # German "Kindern" names children; English "kind of" does not.
    german = _by_pattern(
        "Die Kameras erkennen Gesichter von Kindern im Einkaufszentrum.",
        items,
        "ip-biometric-privacy",
        "de",
    )
    english = _by_pattern(
        "The cameras recognise a kind of face in the mall.", items, "ip-biometric-privacy", "en"
    )
    assert "crc-16" in german.right_refs  # children's privacy beside ICCPR 17
    assert any("CRC" in r and "Kindern" in r for r in german.reasons)
    assert not any(r.startswith("crc-") for r in english.right_refs)
    assert not any("treaty of their own" in r for r in english.reasons)


def test_only_the_leading_suggestion_names_its_other_categories(items):
    text = (
        "The tool ranks CVs of job applicants and rejects candidates automatically; "
        "it also collects personal data from their social media."
    )
    reader = ImpactReader(items, FAKE)
    first, *rest = reader.suggest(text)
    pattern = next(p for p in reader.patterns if p.id == first.pattern_id)
    assert first.also_category_refs == pattern.also_category_refs != ()
    assert first.category_refs == (first.category_ref, *pattern.also_category_refs)
    assert rest and all(s.also_category_refs == () for s in rest)
    # Ranked lists for analysis keep every candidate without extra categories.
    assert all(s.also_category_refs == () for s in reader.suggest(text, show_all=True))


def test_a_weak_lead_names_only_its_main_category(items, monkeypatch):
    import rightslens.core.impact_reading as impact_reading

    text = (
        "The tool ranks CVs of job applicants and rejects candidates automatically; "
        "it also collects personal data from their social media."
    )
    reader = ImpactReader(items, FAKE)
    strong = reader.suggest(text)[0]
    assert strong.also_category_refs != ()
    monkeypatch.setattr(impact_reading, "LEAD_CATEGORIES_FROM", strong.score + 0.01)
    weak = reader.suggest(text)[0]
    assert weak.pattern_id == strong.pattern_id
    assert weak.also_category_refs == () and weak.category_refs == (weak.category_ref,)


def test_a_sentence_counts_only_for_the_patterns_nearest_to_it(items, monkeypatch):
    import numpy as np

    import rightslens.core.impact_reading as impact_reading

    reader = ImpactReader(items, FAKE)
    (near, (a, b)), (far, (c, d)) = list(reader._rows.items())[:2]
    width = max(end for _, end in reader._rows.values())
    similarities = np.zeros((1, width), dtype=np.float32)
    similarities[0, a:b] = 0.95
    similarities[0, c:d] = 0.86
    monkeypatch.setattr(impact_reading, "SENTENCE_MARGIN", 0.07)
    kept = reader._nearest_only(similarities)
    assert np.allclose(kept[0, a:b], 0.95) and not kept[0, c:d].any(), (near, far)
    monkeypatch.setattr(impact_reading, "SENTENCE_MARGIN", 0.1)
    assert np.allclose(reader._nearest_only(similarities)[0, c:d], 0.86)
    monkeypatch.setattr(impact_reading, "SENTENCE_MARGIN", None)
    assert np.array_equal(reader._nearest_only(similarities), similarities)


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        (
            "The warehouse app times every picker's breaks and docks the pay of workers who "
            "fall behind the target rate; the vendor also sells it to schools.",
            {"cat-work"},
        ),
        (
            "A bank's lending model refuses loans to women more often than to men with the same "
            "income and savings; customers can chat with the bank in the app.",
            {"cat-equality"},
        ),
        (
            "A video platform's upload filter removes satirical clips of politicians as "
            "copyright violations before anyone sees them.",
            {"cat-expression"},
        ),
        (
            "The hospital's triage model ranks patients waiting for emergency care and sends "
            "those with low scores home; nurses book appointments through a chatbot.",
            {"cat-harm", "cat-equality"},
        ),
    ],
)
def test_a_system_with_one_clear_harm_gets_no_unrelated_categories(items, text, categories):
    shown = suggest_impacts(text, items, encoder=FAKE)
    assert shown and shown[0].category_ref in categories
    assert {c for s in shown for c in s.category_refs} <= categories
