"""The FRIA assembly rules: pure functions, no database."""

from __future__ import annotations

import pytest

from rightslens.core.disclosure.fria import (
    AssessmentFacts,
    FriaFacts,
    ImpactFacts,
    SystemFacts,
    fria_document,
    fria_sections,
    is_oversight_measure,
    starting_narratives,
)
from rightslens.core.disclosure.records import Fact, SourceRef
from rightslens.core.disclosure.template import (
    FriaItemSpec,
    FriaTemplate,
    TemplateError,
    fria_template,
)
from rightslens.hub.knowledge import knowledge

SYSTEM = SystemFacts(id=7, name="CV screener", purpose="Ranks applications", stage="Deploy")
ASSESSMENT = AssessmentFacts(
    id=3, title="Pre-procurement", version=1, status="Draft", context_of_use="Retail hiring"
)
IMPACT = ImpactFacts(
    id=11, title="Disability bias", severity="High", actual=True, rights=("Right to work",)
)


@pytest.fixture(scope="module")
def template() -> FriaTemplate:
    return fria_template(knowledge())


def by_key(template: FriaTemplate, facts: FriaFacts, **narratives: str) -> dict:
    return {s.key: s for s in fria_sections(template, facts, narratives)}


def test_the_shipped_template_has_items_a_to_f_citing_article_27(template):
    assert template.keys() == ("a", "b", "c", "d", "e", "f")
    for item in template.items:
        assert any(c.startswith(f"Article 27(1)({item.key})") for c in item.citations)


def test_an_empty_register_lists_a_gap_for_every_item(template):
    sections = by_key(template, FriaFacts(system=SYSTEM))
    assert "no human oversight measure recorded" in sections["e"].gaps
    assert "no period of use recorded" in sections["b"].gaps
    assert "no affected group recorded" in sections["c"].gaps
    assert "no impact recorded in the latest assessment" in sections["d"].gaps
    assert any("provider information" in g for g in sections["d"].gaps)
    assert "no assessment of this system recorded" in sections["a"].gaps
    assert all(s.gaps for s in sections.values())


def test_each_item_links_the_records_it_was_filled_from(template):
    facts = FriaFacts(
        system=SYSTEM,
        assessment=ASSESSMENT,
        impacts=(IMPACT,),
        oversight=(Fact("Recruiter reviews rejections", SourceRef("action", 5)),),
        tracking=(Fact("Overturned: 7 %", SourceRef("indicator", 9)),),
    )
    sections = by_key(template, facts)
    assert SourceRef("assessment", 3) in sections["a"].sources
    assert SourceRef("impact", 11) in sections["d"].sources
    assert sections["e"].sources == (SourceRef("action", 5), SourceRef("indicator", 9))
    assert "Recruiter reviews rejections" in sections["e"].text
    assert "no human oversight measure recorded" not in sections["e"].gaps


def test_an_actual_impact_without_a_remedy_action_is_a_gap_in_f(template):
    sections = by_key(template, FriaFacts(system=SYSTEM, impacts=(IMPACT,)))
    assert "actual impact “Disability bias” has no remedy action" in sections["f"].gaps


def test_an_edited_narrative_replaces_the_text_but_keeps_sources_and_gaps(template):
    sections = by_key(template, FriaFacts(system=SYSTEM), e="Our own words on oversight.")
    assert sections["e"].text == "Our own words on oversight."
    assert sections["e"].edited
    assert "no human oversight measure recorded" in sections["e"].gaps


def test_the_json_has_one_key_per_item_with_text_sources_and_gaps(template):
    sections = fria_sections(template, FriaFacts(system=SYSTEM, assessment=ASSESSMENT))
    document = fria_document(template, sections, {"organisation": "acme"})
    assert set(document) == {"a", "b", "c", "d", "e", "f", "meta"}
    assert set(document["a"]) >= {"text", "sources", "gaps"}
    assert {"type": "assessment", "id": 3} in document["a"]["sources"]
    assert document["meta"]["template"] == template.id


def test_another_template_regroups_the_blocks_without_code():
    official = FriaTemplate(
        id="ai-office",
        library_version=1,
        title="Official",
        summary="",
        notification="",
        citations=(),
        items=(
            FriaItemSpec("use", "Use", "?", "", ("process", "period"), ()),
            FriaItemSpec("harm", "Harm", "?", "", ("risks", "oversight", "remedy"), ()),
        ),
    )
    sections = {
        s.key: s for s in fria_sections(official, FriaFacts(system=SYSTEM, impacts=(IMPACT,)))
    }
    assert set(sections) == {"use", "harm"}
    assert SourceRef("impact", 11) in sections["harm"].sources
    assert "no human oversight measure recorded" in sections["harm"].gaps


def test_an_unknown_template_is_refused():
    with pytest.raises(TemplateError):
        fria_template(knowledge(), "no-such-template")


def test_a_previous_fria_or_export_is_reused_item_by_item(template):
    texts = {"a": {"text": "From the provider"}, "e": "Oversight text", "zz": "ignored", "b": " "}
    assert starting_narratives(template, texts) == {"a": "From the provider", "e": "Oversight text"}


@pytest.mark.parametrize(
    ("mitigation", "description", "expected"),
    [
        ("mit-human-review", "Check outputs", True),
        ("", "Human oversight by a trained recruiter", True),
        ("mit-classifiers", "Filter abusive outputs", False),
    ],
)
def test_what_counts_as_human_oversight(mitigation, description, expected):
    assert is_oversight_measure(mitigation, description) is expected


OFFICIAL = """
library:
  id: fria-official
  version: 3
  title: Official template (test)
  publisher: Test
  sources: [{id: eu-ai-act, title: AI Act, publisher: OJ, url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj", date: "2024-07-12"}]
items:
  - {type: fria_template, id: official, title: Official, summary: s, element_ref: fw-eu-ai-act-art27,
     notification: n, citations: [{source: eu-ai-act, locator: "Article 27(5)"}]}
  - {type: fria_item, id: official-1, title: Use and people, template_ref: official, key: use, order: 1,
     question: q, guidance: g, blocks: [process, people], citations: [{source: eu-ai-act, locator: "Article 27(1)"}]}
"""


def test_a_newer_official_template_library_replaces_ours_without_code():
    from rightslens.core.knowledge import build_knowledge_base, parse_library

    shipped = knowledge()
    kb = build_knowledge_base([*shipped.libraries.values(), parse_library(OFFICIAL)])
    template = fria_template(kb)
    assert template.id == "official" and template.keys() == ("use",)
    sections = fria_sections(template, FriaFacts(system=SYSTEM))
    assert "no affected group recorded" in sections[0].gaps
    assert fria_template(kb, "fria-rightslens-v1").keys() == ("a", "b", "c", "d", "e", "f")
