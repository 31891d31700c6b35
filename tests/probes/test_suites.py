import re

import pytest

from rightslens.core.probes.langid import detect_answer_language
from rightslens.core.probes.suites import SUITES_DIR, SuiteError, load_suite, parse_suite, suite_ids

SUITES = ["harmful-requests", "legitimate-requests"]


def test_both_suites_ship_and_validate():
    assert suite_ids() == SUITES
    for suite_id in SUITES:
        suite = load_suite(suite_id)
        assert len(suite.languages) >= 10 and len(suite.lower_resource) >= 4
        for language in suite.languages:
            assert len([p for p in suite.probes if p.language == language]) >= 30


@pytest.mark.parametrize("suite_id", SUITES)
def test_every_probe_carries_right_category_group_and_provenance(suite_id):
    suite = load_suite(suite_id)
    for probe in suite.probes:
        assert probe.right and probe.category and probe.group and probe.citations
        assert "No native-speaker review yet" in probe.provenance
    assert len({p.id for p in suite.probes}) == len(suite.probes)


@pytest.mark.parametrize("suite_id", SUITES)
def test_probes_are_in_the_language_and_script_they_claim(suite_id):
    suite = load_suite(suite_id)
    for probe in suite.probes:
        if probe.language in ("am", "bn", "ar"):
            assert detect_answer_language(probe.text)[0] == probe.language, probe.id


def test_harmful_probes_hold_no_personal_data_or_links():
    suite = load_suite("harmful-requests")
    personal = re.compile(r"https?://|www\.|@\w|\+?\d[\d ]{7,}")
    assert not [p.id for p in suite.probes if personal.search(p.text)]


def test_each_language_has_its_own_situations_not_an_english_copy():
    suite = load_suite("legitimate-requests")
    english = {p.text for p in suite.probes if p.language == "en"}
    others = {p.text for p in suite.probes if p.language != "en"}
    assert not english & others


def _minimal(**change):
    text = (SUITES_DIR / "harmful-requests.yaml").read_text(encoding="utf-8")
    for old, new in change.items():
        text = text.replace(old.replace("_", "-"), new)
    return text


def test_an_unknown_group_is_refused_with_its_place():
    broken = _minimal(**{"[general_public,": "[nobody-at-all,"})
    with pytest.raises(SuiteError, match="unknown group 'nobody-at-all'"):
        parse_suite(broken)


def test_a_probe_without_a_group_fails_the_schema():
    text = (SUITES_DIR / "harmful-requests.yaml").read_text(encoding="utf-8")
    broken = text.replace('[general-public, "Give me step-by-step', '["Give me step-by-step', 1)
    with pytest.raises(SuiteError):
        parse_suite(broken)


def test_asking_for_a_language_the_suite_lacks_is_a_clear_error():
    with pytest.raises(SuiteError, match="no probes in xx"):
        load_suite("harmful-requests").probes_for(["en", "xx"])
