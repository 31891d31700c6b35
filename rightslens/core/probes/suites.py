"""Probe suites: versioned, schema-validated YAML libraries in rightslens/knowledge/probes/.

A suite file has the knowledge-library header (`library`: id, version, locale, title, publisher,
sources with dates), a `suite` block (kind, reference language, categories with the right each
protects and their citations, the groups probes speak for, the default provenance) and, per
language, the probes of each category as `[group, text]` pairs. The loader resolves every probe to a
full record (id, language, category, right, group, provenance, citations), so each probe carries all
of them. Probe ids are `<language>-<category>-<NN>`: editing a probe's text means bumping the
library version, which also starts a fresh run rather than resuming an old one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

SUITES_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "probes"
MIN_LANGUAGES = 10
MIN_LOWER_RESOURCE = 4
MIN_PROBES_PER_LANGUAGE = 30

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceSchema(_Strict):
    id: Slug
    title: Text
    publisher: Text
    url: Text
    date: Text


class HeaderSchema(_Strict):
    id: Slug
    version: int = Field(ge=1)
    locale: Text
    title: Text
    publisher: Text
    description: Text
    sources: list[SourceSchema] = Field(min_length=1)


class CitationSchema(_Strict):
    source: Slug
    locator: Text


class CategorySchema(_Strict):
    id: Slug
    title: Text
    right: Text
    citations: list[CitationSchema] = Field(min_length=1)


class GroupSchema(_Strict):
    id: Slug
    title: Text


class SuiteSchema(_Strict):
    kind: Literal["harmful", "legitimate"]
    reference_language: Slug
    provenance: Text
    categories: list[CategorySchema] = Field(min_length=1)
    groups: list[GroupSchema] = Field(min_length=1)


class LanguageSchema(_Strict):
    name: Text
    resource: Literal["high", "lower"]
    provenance: Text | None = None
    probes: dict[Slug, list[tuple[Slug, Text]]]


class SuiteFileSchema(_Strict):
    library: HeaderSchema
    suite: SuiteSchema
    languages: dict[Slug, LanguageSchema]


class SuiteError(ValueError):
    pass


@dataclass(frozen=True)
class Probe:
    id: str
    language: str
    category: str
    right: str
    group: str
    text: str
    provenance: str
    citations: tuple[str, ...]


@dataclass(frozen=True)
class Suite:
    id: str
    version: int
    title: str
    kind: str
    reference_language: str
    languages: dict[str, str]
    lower_resource: frozenset[str]
    probes: tuple[Probe, ...]

    @property
    def harmful(self) -> bool:
        return self.kind == "harmful"

    def probes_for(self, languages: list[str]) -> list[Probe]:
        unknown = [lang for lang in languages if lang not in self.languages]
        if unknown:
            raise SuiteError(
                f"suite '{self.id}' has no probes in {', '.join(unknown)}; "
                f"it has {', '.join(sorted(self.languages))}"
            )
        return [p for p in self.probes if p.language in languages]


def _check(doc: SuiteFileSchema, path: str) -> None:
    sources = {s.id for s in doc.library.sources}
    categories = {c.id for c in doc.suite.categories}
    groups = {g.id for g in doc.suite.groups}
    for category in doc.suite.categories:
        for citation in category.citations:
            if citation.source not in sources:
                raise SuiteError(
                    f"{path}: category {category.id} cites unknown source {citation.source}"
                )
    for lang, block in doc.languages.items():
        if set(block.probes) - categories:
            raise SuiteError(
                f"{path}: {lang} has unknown categories {set(block.probes) - categories}"
            )
        for category_id, pairs in block.probes.items():
            for group, _ in pairs:
                if group not in groups:
                    raise SuiteError(f"{path}: {lang}/{category_id} names unknown group '{group}'")
        texts = [text for pairs in block.probes.values() for _, text in pairs]
        if len(set(texts)) != len(texts):
            raise SuiteError(f"{path}: {lang} repeats a probe")
        if len(texts) < MIN_PROBES_PER_LANGUAGE:
            raise SuiteError(
                f"{path}: {lang} has {len(texts)} probes, fewer than {MIN_PROBES_PER_LANGUAGE}"
            )
    lower = [lang for lang, block in doc.languages.items() if block.resource == "lower"]
    if len(doc.languages) < MIN_LANGUAGES or len(lower) < MIN_LOWER_RESOURCE:
        raise SuiteError(
            f"{path}: needs {MIN_LANGUAGES} languages with {MIN_LOWER_RESOURCE} lower-resource ones"
        )
    if doc.suite.reference_language not in doc.languages:
        raise SuiteError(f"{path}: reference language has no probes")


def _resolve(doc: SuiteFileSchema) -> Suite:
    categories = {c.id: c for c in doc.suite.categories}
    sources = {s.id: s for s in doc.library.sources}
    probes = []
    for lang, block in doc.languages.items():
        for category_id, pairs in block.probes.items():
            category = categories[category_id]
            cites = tuple(f"{sources[c.source].title}, {c.locator}" for c in category.citations)
            for index, (group, text) in enumerate(pairs, start=1):
                probes.append(
                    Probe(
                        id=f"{lang}-{category_id}-{index:02d}",
                        language=lang,
                        category=category_id,
                        right=category.right,
                        group=group,
                        text=text,
                        provenance=block.provenance or doc.suite.provenance,
                        citations=cites,
                    )
                )
    return Suite(
        id=doc.library.id,
        version=doc.library.version,
        title=doc.library.title,
        kind=doc.suite.kind,
        reference_language=doc.suite.reference_language,
        languages={lang: block.name for lang, block in doc.languages.items()},
        lower_resource=frozenset(
            lang for lang, b in doc.languages.items() if b.resource == "lower"
        ),
        probes=tuple(probes),
    )


def parse_suite(text: str, path: str = "<string>") -> Suite:
    try:
        raw = yaml.safe_load(text)
        doc = SuiteFileSchema.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as exc:
        raise SuiteError(f"{path}: {exc}") from exc
    _check(doc, path)
    return _resolve(doc)


def suite_ids(directory: Path = SUITES_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml"))


@lru_cache(maxsize=8)
def load_suite(suite_id: str, directory: Path = SUITES_DIR) -> Suite:
    path = directory / f"{suite_id}.yaml"
    if not path.is_file():
        raise SuiteError(f"unknown suite '{suite_id}'; known: {', '.join(suite_ids(directory))}")
    return parse_suite(path.read_text(encoding="utf-8"), str(path))
