"""The library loader: schemas per type, cross-references, error locations, and safe upgrades."""

from pathlib import Path

import pytest

from rightslens.core.knowledge import (
    LibraryError,
    build_knowledge_base,
    load_directory,
    parse_library,
)
from rightslens.core.knowledge.schemas import SCHEMAS, json_schema
from tests.kb.library_fixtures import GUIDANCE_ITEMS, RIGHTS_ITEMS, library_text, write_fixture_set


def parse(items: str, **kwargs):
    return parse_library(library_text(items, **kwargs), "lib.yaml")


def refused(items: str) -> LibraryError:
    with pytest.raises(LibraryError) as caught:
        build_knowledge_base([parse(RIGHTS_ITEMS + items, library_id="one")])
    return caught.value


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_a_valid_set_of_libraries_loads_into_frozen_linked_items(tmp_path):
    kb = load_directory(write_fixture_set(tmp_path))
    principle = kb.get("fx-principle")
    assert principle.get("right_refs") == ["fx-right-privacy"]
    assert {i.id for i in kb.linked_from("fx-right-privacy")} == {
        "fx-right-expression",
        "fx-principle",
        "fx-cat",
    }
    assert kb.get("fx-right-expression").citations[0].url == "https://example.org/art19"
    assert kb.get("fx-right-privacy").citations[0].url == "https://example.org/source"
    with pytest.raises(AttributeError):
        principle.title = "changed"


def test_an_item_without_a_citation_is_refused_with_its_line():
    items = (
        "  - type: stakeholder_type\n    id: fx-st\n    title: Someone\n    summary: A person.\n"
    )
    text = library_text(items)
    with pytest.raises(LibraryError) as caught:
        parse_library(text, "lib.yaml")
    assert caught.value.item_id == "fx-st"
    assert caught.value.line == line_of(text, "type: stakeholder_type")
    assert "citation" in caught.value.reason
    assert str(caught.value).startswith(f"lib.yaml:{caught.value.line} [fx-st]: ")


def test_an_unknown_type_is_refused():
    error = refused(
        "  - type: gadget\n    id: fx-g\n    title: G\n    citations: [{source: src, locator: p. 1}]\n"
    )
    assert error.reason == "unknown item type 'gadget'"


def test_an_extra_field_is_refused_and_named():
    error = refused(
        "  - type: stakeholder_type\n    id: fx-st\n    title: S\n    citations: [{source: src, locator: p. 1}]\n    summary: A person.\n    colour: red\n"
    )
    assert "'colour'" in error.reason and error.item_id == "fx-st"


def test_a_missing_required_field_is_named():
    error = refused(
        "  - type: effectiveness_criterion\n    id: fx-c\n    title: C\n    citations: [{source: src, locator: GP 31}]\n    number: 1\n    indicators: [a, b]\n"
    )
    assert "'summary'" in error.reason


def test_a_value_outside_the_closed_list_is_refused():
    bad = GUIDANCE_ITEMS.replace("pillar: corporate_responsibility", "pillar: goodwill")
    with pytest.raises(LibraryError) as caught:
        parse(RIGHTS_ITEMS + bad)
    assert "'pillar'" in caught.value.reason and caught.value.item_id == "fx-principle"


def test_effectiveness_criteria_need_at_least_two_indicators():
    error = refused(
        "  - type: effectiveness_criterion\n    id: fx-c\n    title: C\n    citations: [{source: src, locator: GP 31}]\n    number: 1\n    summary: S.\n    indicators: [only one]\n"
    )
    assert "'indicators'" in error.reason


def test_a_dangling_reference_is_refused_with_the_field_and_id():
    error = refused(GUIDANCE_ITEMS.replace("category_ref: fx-cat", "category_ref: fx-cat-missing"))
    assert error.item_id == "fx-ex-1"
    assert "'category_ref' refers to unknown id 'fx-cat-missing'" in error.reason
    assert error.line is not None


def test_a_dangling_reference_nested_in_a_list_of_mappings_is_refused():
    mitigation = (
        "  - type: mitigation_type\n    id: fx-mit\n    title: Filtering\n    citations: [{source: src, locator: p. 3}]\n"
        "    summary: Blocks some inputs.\n    side_risks:\n      - risk: Over-blocking.\n        right_refs: [fx-nowhere]\n"
    )
    error = refused(mitigation)
    assert error.item_id == "fx-mit" and "fx-nowhere" in error.reason


def test_a_reference_to_the_wrong_kind_of_item_is_refused():
    error = refused(GUIDANCE_ITEMS.replace("category_ref: fx-cat", "category_ref: fx-principle"))
    assert (
        "must point to a risk_category" in error.reason
        and "'fx-principle' is a principle" in error.reason
    )


def test_an_unverified_item_must_say_why():
    with pytest.raises(LibraryError) as caught:
        parse(
            RIGHTS_ITEMS
            + GUIDANCE_ITEMS.replace(
                "    unverified_reason: Only reported in the press so far.\n", ""
            )
        )
    assert caught.value.item_id == "fx-ex-1" and "unverified_reason" in caught.value.reason


def test_a_duplicate_id_in_one_file_is_refused_with_its_line():
    text = library_text(
        RIGHTS_ITEMS
        + RIGHTS_ITEMS.split("  - type: right\n")[0].replace("instrument", "instrument", 1)
    )
    with pytest.raises(LibraryError) as caught:
        parse_library(text, "lib.yaml")
    assert caught.value.item_id == "fx-treaty" and caught.value.reason == "duplicate id"
    assert caught.value.line > line_of(text, "id: fx-treaty")


def test_the_same_id_in_two_libraries_is_refused():
    with pytest.raises(LibraryError) as caught:
        build_knowledge_base(
            [parse(RIGHTS_ITEMS, library_id="a"), parse(RIGHTS_ITEMS, library_id="b")]
        )
    assert "also used in library" in caught.value.reason


def test_bad_yaml_is_refused_with_its_line():
    text = library_text(RIGHTS_ITEMS) + "  - type: right\n    id: [unclosed\n"
    with pytest.raises(LibraryError) as caught:
        parse_library(text, "lib.yaml")
    assert "not valid YAML" in caught.value.reason
    assert caught.value.line is not None and caught.value.line >= line_of(text, "[unclosed")


def test_an_id_with_spaces_is_refused():
    error_text = RIGHTS_ITEMS.replace("id: fx-treaty", "id: fx treaty", 1)
    with pytest.raises(LibraryError) as caught:
        parse(error_text)
    assert "id must match" in caught.value.reason


# ---- Upgrades: a newer version replaces an older one; nothing an assessment cites may vanish ----


def load(tmp_path: Path, name: str, previous=None, **kwargs):
    return load_directory(write_fixture_set(tmp_path / name, **kwargs), previous)


def test_a_lower_or_equal_version_never_replaces_a_higher_one(tmp_path):
    v2 = load(tmp_path, "v2", rights_version=2)
    for version in (1, 2):
        changed = RIGHTS_ITEMS.replace("Right to privacy", f"Privacy, edited in v{version}")
        with pytest.raises(LibraryError) as caught:
            load(
                tmp_path,
                f"again-{version}",
                previous=v2,
                rights_version=version,
                rights_items=changed,
            )
        assert f"version {version} does not upgrade the loaded version 2" in caught.value.reason


def test_reloading_the_identical_version_is_allowed(tmp_path):
    v1 = load(tmp_path, "first")
    assert load(tmp_path, "same", previous=v1).libraries["fx-rights"].version == 1


def test_a_higher_version_replaces_the_loaded_one(tmp_path):
    v1 = load(tmp_path, "v1")
    v2 = load(
        tmp_path,
        "v2",
        previous=v1,
        rights_version=2,
        rights_items=RIGHTS_ITEMS.replace("Right to privacy", "Privacy"),
    )
    assert v2.get("fx-right-privacy").title == "Privacy"


def test_an_upgrade_that_removes_an_item_is_refused(tmp_path):
    v1 = load(tmp_path, "v1")
    without = RIGHTS_ITEMS.split("  - type: right\n    id: fx-right-expression")[0]
    with pytest.raises(LibraryError) as caught:
        load(tmp_path, "v2", previous=v1, rights_version=2, rights_items=without)
    assert (
        caught.value.item_id == "fx-right-expression" and "deprecated: true" in caught.value.reason
    )


def test_an_upgrade_may_deprecate_an_item_and_name_its_replacement(tmp_path):
    v1 = load(tmp_path, "v1")
    deprecated = RIGHTS_ITEMS.replace(
        "    related_refs: [fx-right-privacy]\n",
        "    related_refs: [fx-right-privacy]\n    deprecated: true\n    replaced_by: fx-right-privacy\n",
    )
    v2 = load(tmp_path, "v2", previous=v1, rights_version=2, rights_items=deprecated)
    assert v2.get("fx-right-expression").deprecated is True
    assert v2.get("fx-right-expression").replaced_by == "fx-right-privacy"
    assert v2.missing(["fx-right-expression", "fx-right-privacy", "fx-gone"]) == ["fx-gone"]


def test_a_replacement_must_be_an_item_of_the_same_type(tmp_path):
    wrong = RIGHTS_ITEMS.replace(
        "    related_refs: [fx-right-privacy]\n",
        "    related_refs: [fx-right-privacy]\n    deprecated: true\n    replaced_by: fx-treaty\n",
    )
    with pytest.raises(LibraryError) as caught:
        load(tmp_path, "v1", rights_items=wrong)
    assert "'replaced_by' must point to a right" in caught.value.reason


def test_an_upgrade_that_changes_an_items_type_is_refused(tmp_path):
    v1 = load(tmp_path, "v1")
    retyped = RIGHTS_ITEMS.replace(
        '  - type: right\n    id: fx-right-expression\n    title: Freedom of expression\n    citations: [{source: src, locator: "Art. 19", url: "https://example.org/art19"}]\n    instrument_ref: fx-treaty\n    article: "19"\n    summary: Everyone may seek, receive and impart information and ideas.\n    related_refs: [fx-right-privacy]\n',
        "  - type: stakeholder_type\n    id: fx-right-expression\n    title: Expression people\n    citations: [{source: src, locator: p. 2}]\n    summary: People.\n",
    )
    assert retyped != RIGHTS_ITEMS
    with pytest.raises(LibraryError) as caught:
        load(tmp_path, "v2", previous=v1, rights_version=2, rights_items=retyped)
    assert "changes the type" in caught.value.reason


def test_every_type_of_the_contract_has_a_schema_and_a_json_schema():
    contract = Path(__file__).resolve().parents[2] / "docs" / "KNOWLEDGE-TYPES.md"
    table = contract.read_text(encoding="utf-8").split("## Types and their fields")[1]
    named = {
        cell.strip(" `")
        for row in table.splitlines()[3:]
        if row.startswith("| `")
        for cell in row.split("|")[1].split(",")
    }
    assert named and named <= set(SCHEMAS)
    assert {
        k.removeprefix("item_") for k in json_schema()["$defs"] if k.startswith("item_")
    } == set(SCHEMAS)


def test_a_field_error_points_at_the_line_of_the_field_even_when_nested():
    items = RIGHTS_ITEMS + (
        "  - type: mitigation_type\n    id: fx-mit\n    title: Filtering\n    citations: [{source: src, locator: p. 3}]\n"
        "    summary: Blocks some inputs.\n    side_risks:\n      - risk: Over-blocking.\n        right_refs: [fx-right-privacy]\n"
        "      - risk: Uneven across languages.\n        rights: [fx-right-privacy]\n"
    )
    text = library_text(items)
    with pytest.raises(LibraryError) as caught:
        parse_library(text, "lib.yaml")
    assert "side_risks.1" in caught.value.reason  # the second side risk lacks right_refs ...
    assert caught.value.line == line_of(
        text, "- risk: Uneven across languages."
    )  # ... and starts here


def test_an_extra_top_level_field_points_at_its_own_line():
    items = RIGHTS_ITEMS.replace('    article: "19"\n', '    article: "19"\n    colour: blue\n')
    text = library_text(items)
    with pytest.raises(LibraryError) as caught:
        parse_library(text, "lib.yaml")
    assert caught.value.item_id == "fx-right-expression" and caught.value.line == line_of(
        text, "colour: blue"
    )


def test_the_json_schema_references_only_definitions_it_contains():
    import json
    import re

    schema = json_schema()
    text = json.dumps(schema)
    refs = set(re.findall(r'"\$ref": "#/\$defs/([^"]+)"', text))
    assert refs and refs <= set(schema["$defs"])
    principle = schema["$defs"]["item_principle"]
    assert principle["additionalProperties"] is False
    assert {"citations", "pillar", "asks_of"} <= set(principle["required"])


def test_an_item_may_carry_translated_titles_and_falls_back_to_english():
    items = RIGHTS_ITEMS.replace(
        "    title: Right to privacy\n",
        "    title: Right to privacy\n    translations:\n      fr: {title: Droit à la vie privée}\n",
    )
    privacy = {i.id: i for i in parse(items).items}["fx-right-privacy"]
    assert privacy.title_in("fr") == "Droit à la vie privée"
    assert privacy.title_in("fr-ca") == "Droit à la vie privée"
    assert privacy.title_in("sw") == "Right to privacy"
    assert privacy.get("translations") is None  # not a type-specific field


def test_an_item_may_translate_its_own_text_fields():
    items = RIGHTS_ITEMS.replace(
        "    title: Right to privacy\n",
        "    title: Right to privacy\n    translations:\n"
        "      es: {title: Derecho a la privacidad, summary: Nadie será objeto de injerencias.}\n",
    )
    privacy = {i.id: i for i in parse(items).items}["fx-right-privacy"]
    assert privacy.text_in("summary", "es") == "Nadie será objeto de injerencias."
    assert privacy.text_in("summary", "es-mx") == "Nadie será objeto de injerencias."
    assert privacy.text_in("summary", "fr") == privacy.get("summary")
    assert privacy.fields_in("es")["summary"] == "Nadie será objeto de injerencias."
    assert privacy.fields_in("es")["article"] == "17"
    assert privacy.text_in("title", "es") == "Derecho a la privacidad"


def test_an_unverified_item_may_translate_why_it_is_unverified():
    items = RIGHTS_ITEMS.replace(
        "    title: Right to privacy\n",
        "    title: Right to privacy\n    unverified: true\n"
        "    unverified_reason: Recalled from memory.\n    translations:\n"
        "      fr: {unverified_reason: Cité de mémoire.}\n",
    )
    privacy = {i.id: i for i in parse(items).items}["fx-right-privacy"]
    assert privacy.text_in("unverified_reason", "fr") == "Cité de mémoire."
    assert privacy.text_in("unverified_reason", "fr-ca") == "Cité de mémoire."
    assert privacy.text_in("unverified_reason", "es") == "Recalled from memory."
    assert privacy.unverified_reason == "Recalled from memory."
    assert "unverified_reason" not in privacy.fields_in("fr")


def test_a_verified_item_has_no_unverified_reason_to_translate():
    items = RIGHTS_ITEMS.replace(
        "    title: Right to privacy\n",
        "    title: Right to privacy\n    translations:\n"
        "      fr: {unverified_reason: Cité de mémoire.}\n",
    )
    with pytest.raises(LibraryError) as caught:
        parse(items)
    assert "fx-right-privacy" in str(caught.value) and "unverified_reason" in str(caught.value)


@pytest.mark.parametrize(
    "translations",
    [
        "      fr: Droit\n",
        "      fr: {explanation: Texte}\n",  # the item has no explanation to translate
        "      fr: {instrument_ref: fx-other}\n",  # a cross-reference is not text to translate
        "      fr: {summary: [Texte]}\n",
        "      fr: {title: ''}\n",
    ],
)
def test_a_malformed_translation_is_refused_with_the_item_named(translations):
    items = RIGHTS_ITEMS.replace(
        "    title: Right to privacy\n",
        "    title: Right to privacy\n    translations:\n" + translations,
    )
    with pytest.raises(LibraryError) as caught:
        parse(items)
    assert "fx-right-privacy" in str(caught.value) and "translations" in str(caught.value)


def test_an_unverified_item_may_translate_the_reason_it_gives():
    items = GUIDANCE_ITEMS.replace(
        "    title: Memorised personal data leaks in outputs\n",
        "    title: Memorised personal data leaks in outputs\n    translations:\n"
        "      fr: {unverified_reason: Seulement rapporté par la presse.}\n",
    )
    example = {i.id: i for i in parse(RIGHTS_ITEMS + items).items}["fx-ex-1"]
    assert example.text_in("unverified_reason", "fr") == "Seulement rapporté par la presse."
    assert example.text_in("unverified_reason", "es") == "Only reported in the press so far."
    assert "unverified_reason" not in example.fields_in("fr")  # not one of its own fields


def test_a_verified_item_has_no_reason_to_translate():
    items = RIGHTS_ITEMS.replace(
        "    title: Right to privacy\n",
        "    title: Right to privacy\n    translations:\n      fr: {unverified_reason: Texte}\n",
    )
    with pytest.raises(LibraryError) as caught:
        parse(items)
    assert "fx-right-privacy" in str(caught.value) and "unverified_reason" in str(caught.value)


QUESTION_ITEMS = """\
  - type: questionnaire
    id: fx-qn
    title: Vendor questions
    audience: buyer
    summary: Asked of a vendor.
    citations: [{source: src, locator: "Preamble"}]
  - type: question
    id: fx-q-testing
    title: Testing
    questionnaire_ref: fx-qn
    section: Testing
    text: How did you test?
    answer_kind: choice
    choices: [by group, in aggregate only, not tested]
    citations: [{source: src, locator: "Preamble"}]
"""


def test_a_question_may_translate_its_choices_one_for_one():
    items = QUESTION_ITEMS.replace(
        "    section: Testing\n",
        "    section: Testing\n    translations:\n"
        "      fr: {choices: [par groupe, de manière agrégée seulement, non testé]}\n",
    )
    question = {i.id: i for i in parse(items).items}["fx-q-testing"]
    assert question.text_in("choices", "fr") == (
        "par groupe",
        "de manière agrégée seulement",
        "non testé",
    )
    assert question.fields_in("fr-ca")["choices"][1] == "de manière agrégée seulement"
    # The stored values stay the English choices; another language reads them as written.
    assert question.get("choices") == ["by group", "in aggregate only", "not tested"]
    assert question.text_in("choices", "es") == ["by group", "in aggregate only", "not tested"]


@pytest.mark.parametrize(
    "translation",
    [
        "      fr: {choices: [par groupe, non testé]}\n",  # one choice short
        "      fr: {choices: par groupe}\n",  # not a list
        "      fr: {choices: [par groupe, '', non testé]}\n",  # an empty choice
    ],
)
def test_choices_translated_by_the_wrong_number_of_texts_are_refused(translation):
    items = QUESTION_ITEMS.replace(
        "    section: Testing\n", "    section: Testing\n    translations:\n" + translation
    )
    with pytest.raises(LibraryError) as caught:
        parse(items)
    assert "fx-q-testing" in str(caught.value) and "choices" in str(caught.value)


def test_only_lists_people_read_as_text_may_be_translated():
    """A principle's `asks_of` (codes) is a list too, but not one of TRANSLATED_LISTS."""
    items = GUIDANCE_ITEMS.replace(
        "    number: 22\n",
        "    number: 22\n    translations:\n      fr: {asks_of: [développeur, déployeur]}\n",
    )
    with pytest.raises(LibraryError) as caught:
        parse(RIGHTS_ITEMS + items)
    assert "asks_of" in str(caught.value)
