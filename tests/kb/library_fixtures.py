"""Small, valid knowledge libraries written out as YAML, for loader, CLI, upgrade and hub tests."""

from __future__ import annotations

from pathlib import Path

HEADER = """\
library:
  id: {library_id}
  version: {version}
  locale: en
  title: Fixture library {library_id}
  publisher: RightsLens tests
  description: A library used only by the tests.
  sources:
    - {{id: src, title: Test source document, publisher: Test publisher, url: "https://example.org/source", date: "2024-01-01"}}
items:
"""

RIGHTS_ITEMS = """\
  - type: instrument
    id: fx-treaty
    title: Fixture treaty
    citations: [{source: src, locator: "Preamble"}]
    short_name: FT
    adopted: "1966-12-16"
    binding: true
  - type: right
    id: fx-right-privacy
    title: Right to privacy
    citations: [{source: src, locator: "Art. 17"}]
    instrument_ref: fx-treaty
    article: "17"
    summary: No one may be subjected to arbitrary interference with their privacy.
  - type: right
    id: fx-right-expression
    title: Freedom of expression
    citations: [{source: src, locator: "Art. 19", url: "https://example.org/art19"}]
    instrument_ref: fx-treaty
    article: "19"
    summary: Everyone may seek, receive and impart information and ideas.
    related_refs: [fx-right-privacy]
"""

GUIDANCE_ITEMS = """\
  - type: principle
    id: fx-principle
    title: "GP 99: Fixture principle on remedy"
    citations: [{source: src, locator: "Principle 99"}]
    number: 22
    pillar: corporate_responsibility
    principle_kind: operational
    summary: Companies should provide for remedy of harms they cause.
    explanation: A company that causes harm should put it right through legitimate processes.
    asks_of: [developer, deployer]
    right_refs: [fx-right-privacy]
  - type: risk_category
    id: fx-cat
    title: Fixture privacy risks
    citations: [{source: src, locator: "Appendix, category 3"}]
    number: 3
    summary: Risks to privacy from generative AI.
    right_refs: [fx-right-privacy]
    principle_refs: [fx-principle]
  - type: risk_example
    id: fx-ex-1
    title: Memorised personal data leaks in outputs
    citations: [{source: src, locator: "Section 2"}]
    category_ref: fx-cat
    description: A model repeats a private address it saw in training data, breaching privacy. The person had no idea.
    system_kinds: [foundation_model]
    unverified: true
    unverified_reason: Only reported in the press so far.
"""


def library_text(items: str, *, library_id: str = "fixture", version: int = 1) -> str:
    return HEADER.format(library_id=library_id, version=version) + items


def write_library(
    directory: Path, name: str, items: str, *, library_id: str, version: int = 1
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.yaml"
    path.write_text(library_text(items, library_id=library_id, version=version), encoding="utf-8")
    return path


def write_fixture_set(
    directory: Path, *, rights_version: int = 1, rights_items: str = RIGHTS_ITEMS
) -> Path:
    """Two libraries (rights + guidance) that reference each other; returns the directory."""
    write_library(directory, "rights", rights_items, library_id="fx-rights", version=rights_version)
    write_library(directory, "guidance", GUIDANCE_ITEMS, library_id="fx-guidance")
    return directory
