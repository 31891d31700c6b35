"""Definitions linked to where their terms are used, and cross-references resolved, in one text.

A definition is a provision (or point) in a definitions article ("For the purposes of this Act",
"Para os fins desta Lei", "Aux fins du présent", "A los efectos de", "Im Sinne dieses") or a
sentence of the form "'term' means ..." in any language the checker supports. A cross-reference
("Article 5", "art. 12", "Artigo 3º", "§ 4") is resolved to the provision with that reference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .provisions import Provision
from .text import normalise

_DEFINITIONS_ARTICLE = re.compile(
    r"definition|définition|definicion|definición|definição|definicao|begriffsbestimmung|"
    r"for the purposes? of this|aux fins d[eu] |pour l.application d|a los efectos de|para los fines|"
    r"para os fins|para efeitos d|im sinne dieses",
    re.IGNORECASE,
)
_QUOTED_TERM = re.compile(
    r"[\"“‘'«„]\s*(?P<term>[^\"”’'»“\n]{2,60}?)\s*[\"”’'»“]\s*(?:,\s*)?"
    r"(?:means|shall mean|refers to|désigne|s.entend|signifie|significa|se entiende|"
    r"entende-se|bezeichnet|ist|sind|:)",
    re.IGNORECASE,
)
_LISTED_TERM = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,4}[.)]|[IVXL]{1,6}\s*[–—-])?\s*(?P<term>[^\W\d][^:\n]{1,60}?)\s*:\s+\S"
)
_CROSS_REF = re.compile(
    r"\b(?:article|articles|art\.|arts\.|artigo|artículo|articulo|artikel|articolo)\s*"
    r"(?P<num>(?:[LRD]\.?\s?(?=\d))?\d{1,4}(?:-\d{1,4})*(?:[a-z]{1,2}\b|\s[a-z]\b(?!['’]))?)"
    r"(?:\s*(?:º|°|o\b))?(?:\s*\((?P<para>\d{1,3})\))?"
    r"|§\s*(?P<sign>\d{1,4}[a-z]?\b)"
    r"|\bsection\s+(?P<section>\d{1,4}[A-Z]{0,2})(?:\((?P<subsection>\d{1,3})\))?"
    r"|\bsubsection\s+\((?P<own>\d{1,3})\)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Definition:
    term: str
    ref: str
    start: int
    end: int
    used_in: tuple[str, ...]


@dataclass(frozen=True)
class CrossReference:
    ref: str  # where the reference is written
    start: int
    end: int
    target: str  # the provision it points to; "" when the text has no such provision


def definition_refs(text: str, provisions: Sequence[Provision]) -> set[str]:
    """References of the provisions that define terms (so they are not read as duties): those
    that define a term, and every paragraph and point of an article titled "Definitions"
    ("§ 2 – Begriffsbestimmungen"), whose lists say what words mean, not what anyone must do."""
    titled = {
        p.ref
        for p in provisions
        if not p.parent and _DEFINITIONS_TITLE.search(_title_line(text, p)) is not None
    }
    return {ref for _term, ref, _start, _end in _definitions_raw(text, provisions)} | {
        p.ref for p in provisions if p.article in titled and not p.is_heading
    }


# An article's title line that says it defines terms (its first line, when short).
_DEFINITIONS_TITLE = re.compile(
    r"\b(?:definitions?|définitions?|definiciones|definición|definicion|definições|definicoes|"
    r"begriffsbestimmungen|begriffsbestimmung|interpretation)\b",
    re.IGNORECASE,
)


def _title_line(text: str, provision: Provision) -> str:
    line = text[provision.start : provision.end].lstrip().split("\n", 1)[0]
    return line if len(line.split()) <= 12 else ""


def _definitions_raw(text: str, provisions: Sequence[Provision]) -> list[tuple[str, str, int, int]]:
    found = []
    heads = {p.ref: text[p.start : p.end][:300] for p in provisions if not p.parent}
    for provision in provisions:
        if provision.is_heading:
            continue
        body = text[provision.start : provision.end]
        in_article = bool(_DEFINITIONS_ARTICLE.search(heads.get(provision.article, "")))
        quoted = _QUOTED_TERM.search(body)
        listed = _LISTED_TERM.match(body) if in_article and provision.parent else None
        match = quoted if quoted and (in_article or quoted.start() < 40) else listed
        if match is not None:
            found.append(
                (match.group("term").strip(), provision.ref, provision.start, provision.end)
            )
    return found


def definitions(text: str, provisions: Sequence[Provision]) -> list[Definition]:
    """Each defined term with the articles that use it."""
    normalised = {p.ref: normalise(text[p.start : p.end]) for p in provisions if not p.is_heading}
    result = []
    for term, ref, start, end in _definitions_raw(text, provisions):
        pattern = normalise(term)
        if len(pattern.strip()) < 3:
            continue
        users = [
            p.article
            for p in provisions
            if p.ref != ref and not p.is_heading and pattern in normalised.get(p.ref, "")
        ]
        result.append(Definition(term, ref, start, end, tuple(dict.fromkeys(users))))
    return result


def cross_references(text: str, provisions: Sequence[Provision]) -> list[CrossReference]:
    """Every "Article N" written inside a provision, resolved to that provision when it exists."""
    refs = {p.ref for p in provisions}
    result = []
    for provision in provisions:
        if provision.is_heading:
            continue
        label = re.match(r"\s*\S+\s*\S+", text[provision.start : provision.end])
        body_start = provision.start + (label.end() if label else 0)
        for match in _CROSS_REF.finditer(text, body_start, provision.end):
            target = _target(match, provision, refs)
            if target == provision.ref:
                continue  # a unit's own number, not a reference
            result.append(CrossReference(provision.ref, match.start(), match.end(), target))
    return result


def _target(match: re.Match[str], provision: Provision, refs: set[str]) -> str:
    if match.group("sign"):
        sign = match.group("sign")
        candidate = f"{provision.article} § {sign}"
        return candidate if candidate in refs else (f"§ {sign}" if f"§ {sign}" in refs else "")
    if match.group("own"):
        # "subsection (2)" points inside the section that says it.
        candidate = f"{provision.article}({match.group('own')})"
        return candidate if candidate in refs else ""
    if match.group("section"):
        unit, sub = f"Section {match.group('section')}", match.group("subsection")
    else:
        unit, sub = f"Art. {_number(match.group('num'))}", match.group("para")
    with_para = f"{unit}({sub})" if sub else ""
    if with_para in refs:
        return with_para
    return unit if unit in refs else ""


def _number(num: str) -> str:
    """The spelling the parser gives an article number: "L. 225-102-1" -> "L225-102-1", "964 l" -> "964l"."""
    num = re.sub(r"^([LRD])\.?\s?(?=\d)", lambda m: m.group(1).upper(), num.strip())
    return re.sub(r"(?<=\d)\s(?=[a-z]$)", "", num)
