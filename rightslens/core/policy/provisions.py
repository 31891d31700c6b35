"""Split an instrument's text into provisions (with references) and sentences, keeping offsets.

Every span is a pair of character offsets into the extracted text, so `text[start:end]` is exactly
the quoted passage. References recognised at the start of a line: Article / Art. / Artigo /
Artículo / Artikel, Section, §, Annex / Annexe / Anexo / Anhang, and numbered paragraphs
("1.", "(1)", "1)") which become sub-provisions of the article they sit in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ARTICLE = r"article|articles|artigo|articulo|artículo|artikel|art\."
_SECTION = r"section|sec\.|sección|seccion|secção|seção|secao"
_ANNEX = r"annex|annexe|anexo|anhang|appendix"
_HEADING = re.compile(
    rf"(?:^|(?<=\f))[ \t\f]*(?P<label>{_ARTICLE}|{_SECTION}|{_ANNEX}|§)[ \t]*"
    r"(?P<num>\d{1,4}(?:[.-]\d{1,3})?[A-Za-z]?|[IVXLC]{1,6}\b|[A-Z]\b)[ \t]*(?:[º°ºo]\b|\.º|º)?"
    r"(?P<rest>[^\n\f]*)(?=[\n\f]|\Z)",
    re.IGNORECASE | re.MULTILINE,
)
_PARAGRAPH = re.compile(
    r"(?:^|(?<=\f))[ \t\f]*(?:\((?P<a>\d{1,3})\)|(?P<b>\d{1,3})[.)]|(?P<c>\d{1,2})(?=[ \t]+[A-Z]))[ \t]+(?=\S)",
    re.MULTILINE,
)
_SENTENCE_END = re.compile(r"[.;!?:](?=\s)|\n[ \t]*\n")
_ABBREVIATIONS = frozenset(
    "art no nr n para paras cf eg ie e.g i.e sec p pp vol al seq ss lit".split()
)
_PREAMBLE_PART_CHARS = 3000


@dataclass(frozen=True)
class Provision:
    ref: str
    kind: str  # preamble | article | section | annex | paragraph
    start: int
    end: int
    page: int


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _canonical_label(label: str) -> tuple[str, str]:
    low = label.lower()
    if re.fullmatch(_ARTICLE, low):
        return "Art.", "article"
    if re.fullmatch(_ANNEX, low):
        return "Annex", "annex"
    if low == "§":
        return "§", "section"
    return "Section", "section"


def _is_heading(match: re.Match[str]) -> bool:
    """A reference at line start is a heading unless the line reads on as a sentence ("Article 5 of ...")."""
    rest = match.group("rest").strip()
    return (
        not rest or rest[0] in ".-–—:)" or rest[0].isupper() or rest[0].isdigit() or len(rest) < 4
    )


def _page_at(text: str, offset: int) -> int:
    return text.count("\f", 0, offset) + 1


def split_provisions(text: str) -> list[Provision]:
    headings = [m for m in _HEADING.finditer(text) if _is_heading(m)]
    blocks: list[tuple[str, str, int, int]] = []
    first = headings[0].start() if headings else len(text)
    if text[:first].strip():
        blocks.extend(_preamble_blocks(text, 0, first, numbered=not headings))
    for index, match in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        label, kind = _canonical_label(match.group("label"))
        blocks.extend(
            _with_paragraphs(text, f"{label} {match.group('num')}", kind, match.start(), end)
        )
    return [
        Provision(ref, kind, start, end, _page_at(text, start))
        for ref, kind, start, end in _dedupe_refs(blocks)
        if text[start:end].strip()
    ]


def _preamble_blocks(
    text: str, start: int, end: int, *, numbered: bool
) -> list[tuple[str, str, int, int]]:
    """Text before the first heading. Without headings at all, numbered paragraphs carry the structure."""
    if numbered and _PARAGRAPH.search(text, start, end):
        return _with_paragraphs(text, "para.", "paragraph", start, end, top_is_preamble=True)
    return _parts(text, "Preamble", start, end)


def _parts(text: str, ref: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    if end - start <= _PREAMBLE_PART_CHARS:
        return [(ref, "preamble", start, end)]
    parts, cursor, number = [], start, 1
    for gap in re.finditer(r"\n[ \t]*\n", text[start:end]):
        cut = start + gap.end()
        if cut - cursor >= _PREAMBLE_PART_CHARS // 2:
            parts.append((f"{ref} (part {number})", "preamble", cursor, cut))
            cursor, number = cut, number + 1
    parts.append((f"{ref} (part {number})" if number > 1 else ref, "preamble", cursor, end))
    return parts


def _with_paragraphs(
    text: str, ref: str, kind: str, start: int, end: int, *, top_is_preamble: bool = False
) -> list[tuple[str, str, int, int]]:
    marks = list(_PARAGRAPH.finditer(text, start, end))
    if not marks:
        return [(ref, kind, start, end)]
    head_end = marks[0].start()
    blocks = []
    if text[start:head_end].strip():
        blocks.extend(
            _parts(text, "Preamble", start, head_end)
            if top_is_preamble
            else [(ref, kind, start, head_end)]
        )
    for index, mark in enumerate(marks):
        number = mark.group("a") or mark.group("b") or mark.group("c")
        stop = marks[index + 1].start() if index + 1 < len(marks) else end
        sub_ref = f"para. {number}" if top_is_preamble else f"{ref}({number})"
        blocks.append((sub_ref, "paragraph", mark.start(), stop))
    return blocks


def _dedupe_refs(blocks: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """Repeated numbering (a list restarting at 1) gets a suffix so every reference is unique."""
    seen: dict[str, int] = {}
    result = []
    for ref, kind, start, end in blocks:
        seen[ref] = seen.get(ref, 0) + 1
        result.append((ref if seen[ref] == 1 else f"{ref} [{seen[ref]}]", kind, start, end))
    return result


def sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans inside [start, end), trimmed of surrounding whitespace."""
    spans: list[Span] = []
    cursor = start
    first_line_end = text.find("\n", start, end)
    if 0 < first_line_end - start <= 80 and text[start:first_line_end].strip()[-1:] not in ".;:":
        # A heading line ("Article 5 Scope") is a sentence of its own, so quotes start at the rule.
        _add_trimmed(text, start, first_line_end, spans)
        cursor = first_line_end
    for match in _SENTENCE_END.finditer(text, cursor, end):
        if match.group().strip() == "." and _after_abbreviation(text, match.start()):
            continue
        _add_trimmed(text, cursor, match.end(), spans)
        cursor = match.end()
    _add_trimmed(text, cursor, end, spans)
    return spans


def _after_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]{1,5})$", text[max(0, dot - 6) : dot])
    if word is None:
        return (
            dot > 0
            and text[dot - 1].isdigit()
            and dot + 2 < len(text)
            and text[dot + 1 : dot + 3].strip()[:1].isdigit()
        )
    return word.group(1).lower().rstrip(".") in _ABBREVIATIONS


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 3:
        spans.append(Span(start, end))
