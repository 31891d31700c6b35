"""Split an instrument's text into a hierarchy of provisions and sentences, keeping offsets.

Every span is a pair of character offsets into the extracted text, so `text[start:end]` is exactly
the quoted passage. The hierarchy, in en/fr/es/pt/de:

- containers: Title / Titre / Título / Titel, Part / Partie / Parte / Teil, Chapter / Chapitre /
  Capítulo / Kapitel / Abschnitt, and Section / Sección / Seção when the text also has articles.
  A container is only a heading: its provisions carry its reference in `path`, and its own line
  is never evidence (text under it before the next heading is a provision "Part 2 (text)");
- articles: Article / Art. / Artigo / Artículo / Artikel / Articolo, with numbers such as "5a",
  "964 l", "L225-102-4", "R. 311-3-1-1", "único"; Spanish "Disposición final primera" and the like;
  Section or § when there are no articles, and then also a UK section ("54 Transparency ..." over
  "(1)"), a decimal heading ("1.3 Transparency and explainability") or a Commonwealth section
  title ("3. Application" over a blank line or "(1)"); Annex / Annexe / Anexo /
  Anhang / Allegato / Schedule;
- paragraphs: "1.", "(1)", "1)", Swiss "1 Text", Portuguese "1 - Text", French "I. –", and "§ 1º" / "Parágrafo único"
  inside an article; numbered recitals "(1)" before the first article are preamble ("Recital 1");
- points: "(a)", "a)", "(iv)", "I –" inside an article or paragraph ("a)" after "I –" nests under
  it), and "1." / "a." under "(1)" or "1 Text" paragraphs.

Markdown heading marks and bold markers (texts copied from legislation repositories) are read as
spaces, so "##### Artículo 1°" is an article like "Artículo 1°".

Lines that only list headings (a table of contents: heading after heading with no rule between
them, or a heading ending in a page number) become one `Contents` provision that is never evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ARTICLE = r"article|articles|artigo|articulo|artículo|artikel|articolo|art\."
_SECTION = r"section|sec\.|sección|seccion|secção|seção|secao"
_ANNEX = r"annex|annexe|anexo|anhang|appendix|schedule|allegato|anlage"
# Spanish additional, transitional, repealing and final provisions ("Disposición final primera").
_DISPOSITION = r"disposici[óo]n[ \t]+(?:adicional|transitoria|derogatoria|final)"
_CONTAINER = (
    r"title|titre|título|titulo|titel|titolo|part|partie|parte|teil|chapter|chapitre|capítulo"
    r"|capitulo|capo|kapitel|abschnitt|subsection|sous-section|subsección|subseção|subsecção|"
    + _SECTION
)
# "5", "5a", "964 l", "L225-102-4", "R. 311-3-1-1", "1.1", "5-bis", "291-A", "II", "B", "único".
_NUMBER = (
    r"(?:[LRDA]\.?[ \t]?(?=\d))?\d{1,4}(?:-\d{1,4})*(?:\.\d{1,3})?(?:/\d{1,2}(?!\d))?"
    r"(?:[ -](?:bis|ter|qu[aá]ter|quinquies|sexies|septies|octies|novies|decies)\b"
    r"(?:[ \t][A-Z](?=[ \t]*[.:–—-]))?|[A-Za-z]{1,2}\b|-[A-Z]{1,2}\b(?![-\d])"
    r"|[ \t][a-z](?=[ \t]+[A-ZÄÖÜ]|[ \t]*$))?"
    r"|[IVXLC]{1,6}\b|[A-Z]\b|[úu]nic[oa]\b|unique\b"
    # Spelled ordinals of Spanish and Portuguese laws ("Artículo primero.-", "Artigo segundo").
    r"|(?:primer[oa]?|primeir[oa]|segund[oa]|tercer[oa]?|terceir[oa]|cuart[oa]|quart[oa]"
    r"|quint[oa]|sext[oa]|s[ée]ptim[oa]|s[ée]tim[oa]|octav[oa]|oitav[oa]|noven[oa]|non[oa]"
    r"|d[ée]cim[oa])\b(?=[ \t]*[.:–—-])"
)
_ORDINAL_WORD = r"[a-záéíóúñ]+(?:[ \t]+[a-záéíóúñ]+)?"
_HEADING = re.compile(
    rf"(?:^|(?<=\f))[ \t\f]*(?:(?P<label>{_ARTICLE}|{_SECTION}|{_ANNEX}|§)[ \t]*"
    rf"(?P<num>{_NUMBER})[ \t]*(?:\.?[º°ª]\.?|o\b)?"
    rf"|(?P<dlabel>{_DISPOSITION})[ \t]+(?P<dnum>[úu]nica|{_ORDINAL_WORD}?)(?=[ \t]*[.\n\f]|\Z))"
    r"(?P<rest>[^\n\f]*)(?=[\n\f]|\Z)",
    re.IGNORECASE | re.MULTILINE,
)
# A UK-style section heading: a bare number and a short title ("54 Transparency in supply
# chains etc"), read as a section only when the next line opens subsection "(1)".
_BARE_SECTION = re.compile(
    r"^[ \t]*(?P<num>\d{1,3}[A-Z]{0,2})[ \t]+(?P<rest>[A-Z][^\n.;:,]{2,80})[ \t]*\n"
    r"(?=(?:[ \t]*\n)*[ \t]*\(1\)[ \t])",
    re.MULTILINE,
)
# A UK section number alone on its line, under its title and over subsection "(1)", as the
# legislation.gov.uk text sets it ("Scottish Biometrics Commissioner\n\n1\n\n(1) The office …").
_LONE_SECTION = re.compile(
    r"^[ \t]*(?P<num>\d{1,3}[A-Z]{0,2})[ \t]*\n(?=(?:[ \t]*\n)*[ \t]*\(1\)[ \t])",
    re.MULTILINE,
)
# A decimal-numbered heading ("1.3 Transparency and explainability") over a line of text, as in
# OECD and UN principles; read as a section only in a text without articles.
_DECIMAL_SECTION = re.compile(
    r"^[ \t]*(?P<num>\d{1,2}\.\d{1,2})[ \t]+(?P<rest>[A-Z][^\n]{2,118}[^\n.;:,])[ \t]*\n"
    r"(?=[ \t]*[A-Z])",
    re.MULTILINE,
)
# A numbered section title of Commonwealth statutes ("3. Application") on a line of its own, over a
# blank line, subsection "(1)", a full line of text that ends its sentence ("2. Object" over "The
# object of this Act is …") or its own first decimal subsection with a closing dot ("2.
# Capacidades mínimas" over "2.1. FASE 1"; Canada's "6. Transparency requirements" over "6.1 The
# Assistant Deputy Minister …" stays a numbered paragraph); read as a section only in a text
# without articles.
_NUMBERED_TITLE = re.compile(
    r"^[ \t]*(?P<num>\d{1,3}[A-Z]{0,2})\.[ \t]+(?P<rest>[A-ZÀ-Ý][^\n.;:]{2,100}[^\n.;:,])[ \t]*\n"
    r"(?=[ \t]*\n|[ \t]*\(1\)[ \t]|[ \t]*[A-Z\"“][^\n]{60,}[.:;—–-][ \t]*\n"
    r"|[ \t]*(?P=num)\.\d{1,2}\.[ \t])",
    re.MULTILINE,
)
# A section number at the head of its first subsection, as the Irish statute book sets amending
# sections ("139A. (1) For the purposes of this Act, …") and Singapore's "1. —(1) This Act …", or
# of its text when the number carries a
# letter ("139D. In this Part, …": a list item is not numbered so); read as a section only in a
# text without articles. Only the number is the heading: the rest of the line is the section's text.
_INLINE_SECTION = re.compile(
    r"^[ \t]*(?P<num>\d{1,3}[A-Z]{0,2})\.(?=[ \t]*(?:[—–][ \t]*)?\(1\)[ \t])"
    r"|^[ \t]*(?P<lettered>\d{1,3}[A-Z]{1,2})\.(?=[ \t]+[A-Z])",
    re.MULTILINE,
)
# A section number at the head of its text, without a dot, under its marginal note, as Canada's
# consolidated statutes set them ("Short title\n\n1 This Act may be cited as …", "Définitions\n2 Les
# définitions qui suivent …", "2 (1) The following definitions apply"); the note is the heading.
# Read as a section only in a text without articles.
_MARGINAL_SECTION = re.compile(
    r"^[^\n|]{2,90}[^\n.;:,|]\n(?:[ \t]*\n)*[ \t]*(?P<num>\d{1,3})"
    r"(?=[ \t]+(?:\(1\)[ \t]|[A-ZÀ-Ý«\"“][^\n]{20,}))",
    re.MULTILINE,
)
# A section of a US state code at the head of its text, as enacting bills set out the sections
# they add ("22757.12. (a) A large frontier developer shall …", "1107. For purposes of this
# chapter:", "6-1-1702. Developer duty"): four or more digits, or dashed title-article-section
# numbers, so that a numbered paragraph ("12. The Ministry …") is not one. Read only where a text
# has several; cited with "§", as the codes are.
_CODE_SECTION = re.compile(
    r"^[ \t]*(?P<num>\d{4,6}(?:\.\d{1,3})?|\d{1,3}-\d{1,3}-\d{3,5}(?:\.\d{1,3})?)\.(?=[ \t]+(?:\([a-z0-9]\)[ \t]|[A-Z]))",
    re.MULTILINE,
)
_CODE_SECTIONS_NEEDED = 2
# A title numbered in Roman numerals on a line of its own ("I. Sobre notificação de violação de
# dados", "II. Medidas técnicas e organizativas …"), as guidance numbers its parts over numbered
# paragraphs; read as a section only in a text without articles. A list item ends with ";" or ","
# or runs on, and is not one.
_ROMAN_TITLE = re.compile(
    r"^[ \t]*(?P<num>[IVX]{1,5})\.[ \t]+(?P<rest>[A-ZÀ-Ý][^\n.;:,]{2,118}[^\n.;:,\s])[ \t]*$",
    re.MULTILINE,
)
# A numbered title in capitals ("1. INVENTORY OF ARTIFICIAL INTELLIGENCE USE CASES"), as US
# federal guidance sets them: a heading whatever follows it, since running text is not all in
# capitals; read as a section only in a text without articles.
_NUMBERED_CAPS_TITLE = re.compile(
    r"^[ \t]*(?P<num>\d{1,2})\.[ \t]+(?P<rest>(?=[^\n]*[A-Z]{3})[A-Z0-9][A-Z0-9 ,'’()/&-]{3,110}"
    r"[A-Z0-9)])[ \t]*$",
    re.MULTILINE,
)
_CONTAINER_LINE = re.compile(
    rf"(?:^|(?<=\f))[ \t\f]*(?P<label>{_CONTAINER})[ \t]+(?P<num>{_NUMBER}|[a-z]+\b)[ \t]*"
    r"(?P<rest>[^\n\f]*)(?=[\n\f]|\Z)",
    re.IGNORECASE | re.MULTILINE,
)
_PARAGRAPH = re.compile(
    r"(?:^|(?<=\f))[ \t\f]*(?:(?:\((?P<a>\d{1,3})\)|(?P<b>\d{1,3})[.)]|(?P<c>\d{1,2})(?=[ \t]+[A-Z])"
    r"|(?P<fp>\d{1,3})\.(?P<f>\d{1,3})\.?)[ \t]+"
    r"|(?P<d>[IVX]{1,5})\.[ \t]*[–—-][ \t]*|(?P<e>\d{1,3})[ \t]+[–—-][ \t]+)(?=\S)",
    re.MULTILINE,
)
_PARAGRAPH_SIGN = re.compile(
    r"(?:^|(?<=\f))[ \t\f]*(?:§[ \t]*(?P<a>\d{1,3})[ \t]*(?:º|°|o\b)?\.?|(?P<sole>par[áa]grafo [úu]nico)\.?)[ \t]*(?=\S)",
    re.MULTILINE | re.IGNORECASE,
)
_POINT = re.compile(
    r"(?:^|(?<=\f))[ \t\f]*(?:\((?P<a>[a-z]{1,2}|[ivx]{1,5})\)|(?P<b>[a-z]|[ivx]{1,5})\)"
    r"|(?P<c>[IVXL]{1,6})[ \t]*[–—-])[ \t]+(?=\S)",
    re.MULTILINE,
)
# Under paragraphs numbered "1 Text" (Swiss) or "(1) Text" (German), list items read "a." and "1.".
_POINT_NESTED = re.compile(
    _POINT.pattern + r"|(?:^|(?<=\f))[ \t\f]*(?P<d>[a-z]{1,2}|\d{1,2})\.[ \t]+(?=\S)", re.MULTILINE
)
# German-language ordinal containers: "1. Abschnitt: Allgemeine Bestimmungen", "2. Kapitel".
_ORDINAL_CONTAINER = re.compile(
    r"^[ \t]*(?P<num>\d{1,2})\.[ \t]*(?P<label>Abschnitt|Unterabschnitt|Kapitel|Titel|Teil)\b"
    r"(?P<rest>[^\n\f]{0,160})$",
    re.MULTILINE,
)
_RECITAL_LINE = re.compile(r"^[ \t]*\((?P<n>\d{1,3})\)[ \t]+(?=\S)", re.MULTILINE)
_LEADERS = re.compile(r"\S.*?(?:\.{3,}|…|\t| {2,})\s*\d{1,4}\s*$")
_SENTENCE_END = re.compile(r"[.;!?:](?=\s)|\n[ \t]*\n")
_ABBREVIATIONS = frozenset(
    "art no nr n para paras cf eg ie e.g i.e sec p pp vol al seq ss lit".split()
)
_PREAMBLE_PART_CHARS = 3000
HEADING_KINDS = frozenset({"title", "part", "chapter", "section_group", "contents"})


@dataclass(frozen=True)
class Provision:
    ref: str
    kind: str  # preamble | title | part | chapter | section_group | contents | article | section | annex | paragraph | point
    start: int
    end: int
    page: int
    path: tuple[str, ...] = ()  # the containers it sits in, outermost first ("Chapter II", ...)
    parent: str = ""  # the article or paragraph it belongs to ("" at the top)

    @property
    def is_heading(self) -> bool:
        """Containers and tables of contents are headings: never evidence."""
        return self.kind in HEADING_KINDS

    @property
    def article(self) -> str:
        """The reference of the article (or section, annex) this provision belongs to."""
        return self.parent.split("(")[0].split(" §")[0] if self.parent else self.ref


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class _Mark:
    start: int
    line_end: int
    ref: str
    kind: str


def _is_article_label(label: str) -> bool:
    return re.fullmatch(_ARTICLE, label.lower()) is not None


def _canonical_number(num: str) -> str:
    """One spelling per number: "L. 225-102-4" -> "L225-102-4", "964 l" -> "964l", "único" -> "único"."""
    num = re.sub(r"^([LRDA])\.?[ \t]?(?=\d)", r"\1", num.strip())
    num = re.sub(r"(?<=\d)[ \t](?=[a-z]$)", "", num)
    return "único" if num.lower() in ("unico", "único", "unica", "única", "unique") else num


def _disposition_ref(label: str, number: str) -> str:
    """ "Disposición  final primera" -> "Disposición final primera" (one space, accent kept)."""
    kind = label.split()[-1].lower()
    return f"Disposición {kind} {' '.join(number.lower().split())}".strip()


def _canonical_label(label: str) -> tuple[str, str]:
    low = label.lower()
    if re.fullmatch(_ARTICLE, low):
        return "Art.", "article"
    if low == "schedule":
        return "Schedule", "annex"
    if re.fullmatch(_ANNEX, low):
        return "Annex", "annex"
    if low == "§":
        return "§", "section"
    return "Section", "section"


def _container_kind(label: str) -> tuple[str, str]:
    low = label.lower()
    for prefix, name, kind in (
        ("sub", "Subsection", "section_group"),
        ("sous", "Subsection", "section_group"),
        ("tit", "Title", "title"),
        ("tít", "Title", "title"),
        ("part", "Part", "part"),
        ("teil", "Part", "part"),
        ("chap", "Chapter", "chapter"),
        ("cap", "Chapter", "chapter"),
        ("kap", "Chapter", "chapter"),
        ("abs", "Chapter", "chapter"),
    ):
        if low.startswith(prefix):
            return name, kind
    return "Section", "section_group"


def _is_heading(match: re.Match[str]) -> bool:
    """A reference at line start is a heading unless the line reads on as a sentence ("Article 5 of ...")."""
    rest = match.group("rest").strip()
    return (
        not rest or rest[0] in ".-–—:)" or rest[0].isupper() or rest[0].isdigit() or len(rest) < 4
    )


def _is_container_line(match: re.Match[str]) -> bool:
    """ "CHAPTER II", "Capítulo III - Das sanções", "Title I General provisions": no sentence after it."""
    rest = match.group("rest").strip()
    num = match.group("num")
    if not (num[0].isdigit() or num.isupper() or len(num) == 1 or num.lower() in _ORDINALS):
        return False
    return len(rest) <= 120 and not re.search(r"[.;:]$", rest) or bool(_LEADERS.search(rest))


_ORDINALS = frozenset(
    "one two three four five six seven eight nine ten premier premiere deuxieme primero segundo "
    "tercero primeiro segundo terceiro preliminar preliminaire preliminary".split()
)


def _page_at(text: str, offset: int) -> int:
    return text.count("\f", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    stop = re.compile(r"[\n\f]").search(text, offset)
    return stop.start() if stop else len(text)


def _marks(text: str) -> list[_Mark]:
    """Article-level and container headings, in text order."""
    articles = [m for m in _HEADING.finditer(text) if _is_heading(m)]
    has_articles = (
        sum(1 for m in articles if m.group("dlabel") or _is_article_label(m.group("label"))) >= 2
    )
    marks: list[_Mark] = []
    container_starts: set[int] = set()
    for m in _CONTAINER_LINE.finditer(text):
        is_section = re.fullmatch(_SECTION, m.group("label").lower()) is not None
        if (is_section and not has_articles) or not _is_container_line(m):
            continue
        name, kind = _container_kind(m.group("label"))
        marks.append(_Mark(m.start(), _line_end(text, m.start()), f"{name} {m.group('num')}", kind))
        container_starts.add(m.start())
    for m in _ORDINAL_CONTAINER.finditer(text):
        name, kind = _container_kind(m.group("label"))
        marks.append(_Mark(m.start(), _line_end(text, m.start()), f"{name} {m.group('num')}", kind))
        container_starts.add(m.start())
    for m in articles:
        if m.start() in container_starts:
            continue
        if m.group("dlabel"):
            ref = _disposition_ref(m.group("dlabel"), m.group("dnum"))
            marks.append(_Mark(m.start(), _line_end(text, m.start()), ref, "article"))
            continue
        label, kind = _canonical_label(m.group("label"))
        if has_articles and label == "§":
            continue
        ref = f"{label} {_canonical_number(m.group('num'))}"
        marks.append(_Mark(m.start(), _line_end(text, m.start()), ref, kind))
    codes = list(_CODE_SECTION.finditer(text))
    if len(codes) >= _CODE_SECTIONS_NEEDED:
        marks.extend(_Mark(m.start(), m.end(), f"§ {m.group('num')}", "article") for m in codes)
    # Numbered titles stand in for sections only where the text has none of its own: in a law
    # with "§ 1 … § 31" a list item "7. Digitale Infrastruktur" is not a section.
    if not has_articles and not any(mark.ref.startswith("§") for mark in marks):
        taken = {mark.start for mark in marks}
        marks.extend(
            _Mark(m.start(), _heading_end(text, m), f"Section {_section_number(m)}", "section")
            for m in _section_titles(text)
            if m.start() not in taken
        )
    if all(mark.kind in HEADING_KINDS for mark in marks):
        # No article or section, at most a title or chapter line over the whole text ("Chapter 3:
        # Responsible AI Implementation"): a guide's own unnumbered headings give its structure.
        marks = marks + _plain_headings(text)
    marks.sort(key=lambda mark: mark.start)
    return _contents(text, marks)


def _section_titles(text: str) -> list[re.Match[str]]:
    """Section headings of a text without articles, one per start (two patterns may find the
    same line)."""
    found: dict[int, re.Match[str]] = {}
    for pattern in (
        _BARE_SECTION,
        _LONE_SECTION,
        _DECIMAL_SECTION,
        _NUMBERED_TITLE,
        _NUMBERED_CAPS_TITLE,
        _INLINE_SECTION,
        _MARGINAL_SECTION,
        _ROMAN_TITLE,
    ):
        for m in pattern.finditer(text):
            found.setdefault(m.start(), m)
    return [found[start] for start in sorted(found)]


def _section_number(m: re.Match[str]) -> str:
    return m.group("num") or m.group("lettered")


def _heading_end(text: str, m: re.Match[str]) -> int:
    """Where a section heading ends: its line, or its number alone where text follows on it."""
    return m.end() if m.re in (_INLINE_SECTION, _MARGINAL_SECTION) else _line_end(text, m.start())


# A heading without a number, as guidance and strategies set them ("Governance", "Human oversight
# and accountability"): a short line of its own, capitalised, without closing punctuation, between
# blank lines, over a paragraph. Read only in a text with no other structure, and only where there
# are several, so that a stray short line is not taken for one.
_PLAIN_HEADING = re.compile(
    r"(?:\A|(?<=\n\n))[ \t]*(?P<rest>[A-ZÀ-ÖØ-Þ][^\n.;:,?!]{1,68}[^\n.;:,?!\s])[ \t]*\n[ \t]*\n"
    r"(?=[ \t]*[^\n]{80,})",
)
_MIN_PLAIN_HEADINGS = 3
_MAX_HEADING_WORDS = 9


def _plain_headings(text: str) -> list[_Mark]:
    found = [
        _Mark(m.start("rest"), _line_end(text, m.start("rest")), m.group("rest").strip(), "section")
        for m in _PLAIN_HEADING.finditer(text)
        if len(m.group("rest").split()) <= _MAX_HEADING_WORDS
    ]
    return found if len(found) >= _MIN_PLAIN_HEADINGS else []


def _contents(text: str, marks: list[_Mark]) -> list[_Mark]:
    """A heading with a page number, or one of three or more headings in a row with nothing
    between them, belongs to a table of contents."""
    bodies = []
    for index, mark in enumerate(marks):
        stop = marks[index + 1].start if index + 1 < len(marks) else len(text)
        bodies.append(text[mark.line_end : stop].strip())
    empty = [
        not body or (len(body) < 100 and "\n" not in body and body[-1:] not in ".;:")
        for body in bodies
    ]
    result = []
    for index, mark in enumerate(marks):
        line = text[mark.start : mark.line_end]
        run = sum(1 for j in range(max(0, index - 2), min(len(marks), index + 3)) if empty[j])
        leaders = bool(_LEADERS.search(line)) and mark.kind in ("article", "section", "annex")
        in_run = empty[index] and run >= 3 and mark.kind not in HEADING_KINDS
        if leaders or (in_run and _repeated_later(marks, index)):
            result.append(_Mark(mark.start, mark.line_end, "Contents", "contents"))
        else:
            result.append(mark)
    return result


def _repeated_later(marks: list[_Mark], index: int) -> bool:
    """A contents line names a heading that comes again later in the text."""
    return any(m.ref == marks[index].ref for m in marks[index + 1 :])


#: Markdown that texts copied from legislation repositories carry: heading marks at the start of a
#: line ("##### Artículo 1°") and bold or italic markers ("**Art. 2.**").
_MARKUP = re.compile(r"^[ \t]*#{1,6}(?=[ \t])|\*\*|__|^[ \t]*>[ \t]?", re.MULTILINE)


def _mask_markup(text: str) -> str:
    """The text with markdown marks turned into spaces of the same length, so that headings are
    read as headings and every offset still points into the text as given."""
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


def split_provisions(text: str) -> list[Provision]:
    text = _mask_markup(text)
    marks = _marks(text)
    blocks: list[tuple[str, str, int, int, tuple[str, ...], str]] = []
    first = marks[0].start if marks else len(text)
    has_articles = any(m.kind == "article" for m in marks)
    if text[:first].strip():
        blocks.extend(
            (ref, kind, s, e, (), parent)
            for ref, kind, s, e, parent in _preamble_blocks(
                text, 0, first, numbered=not marks, has_articles=has_articles
            )
        )
    path: list[tuple[str, str]] = []  # (kind, ref) of open containers
    order = ("title", "part", "chapter", "section_group")
    for index, mark in enumerate(marks):
        end = marks[index + 1].start if index + 1 < len(marks) else len(text)
        if mark.kind in order:
            rank = order.index(mark.kind)
            path = [(k, r) for k, r in path if order.index(k) < rank]
            # The heading is its own line; text under it before the next heading is a provision
            # of its own, so that a text with containers but no articles is still read.
            head_end = mark.line_end if text[mark.line_end : end].strip() else end
            blocks.append(
                (mark.ref, mark.kind, mark.start, head_end, tuple(r for _, r in path), "")
            )
            path.append((mark.kind, mark.ref))
            if head_end < end:
                blocks.extend(
                    (ref, kind, s, e, tuple(r for _, r in path), parent)
                    for ref, kind, s, e, parent in _with_paragraphs(
                        text, f"{mark.ref} (text)", "section", head_end, end, signs=has_articles
                    )
                )
            continue
        if mark.kind == "contents":
            blocks.append((mark.ref, mark.kind, mark.start, end, (), ""))
            continue
        blocks.extend(
            (ref, kind, s, e, tuple(r for _, r in path), parent)
            for ref, kind, s, e, parent in _with_paragraphs(
                text, mark.ref, mark.kind, mark.start, end, signs=has_articles
            )
        )
    return [
        Provision(ref, kind, start, end, _page_at(text, start), path, parent)
        for ref, kind, start, end, path, parent in _dedupe_refs(_merge_contents(blocks))
        if text[start:end].strip()
    ]


def _merge_contents(
    blocks: list[tuple[str, str, int, int, tuple[str, ...], str]],
) -> list[tuple[str, str, int, int, tuple[str, ...], str]]:
    """Neighbouring contents lines, and the container lines between them, form one block."""
    merged: list[tuple[str, str, int, int, tuple[str, ...], str]] = []
    for block in blocks:
        if (
            merged
            and merged[-1][1] == "contents"
            and (block[1] == "contents" or _next_is_contents(blocks, block))
        ):
            last = merged[-1]
            merged[-1] = (last[0], last[1], last[2], block[3], (), "")
        else:
            merged.append(block)
    return merged


def _next_is_contents(
    blocks: list[tuple[str, str, int, int, tuple[str, ...], str]],
    block: tuple[str, str, int, int, tuple[str, ...], str],
) -> bool:
    index = blocks.index(block)
    return (
        block[1] in HEADING_KINDS and index + 1 < len(blocks) and blocks[index + 1][1] == "contents"
    )


def _preamble_blocks(
    text: str, start: int, end: int, *, numbered: bool, has_articles: bool
) -> list[tuple[str, str, int, int, str]]:
    """Text before the first heading. Without headings at all, numbered paragraphs carry the structure."""
    if numbered and _PARAGRAPH.search(text, start, end):
        return _with_paragraphs(text, "para.", "paragraph", start, end, top_is_preamble=True)
    recitals = list(_RECITAL_LINE.finditer(text, start, end))
    if len(recitals) < 2:
        return [(r, k, s, e, "") for r, k, s, e in _parts(text, "Preamble", start, end)]
    # Numbered recitals before the articles: each one a preamble provision of its own.
    blocks = [
        (r, k, s, e, "") for r, k, s, e in _parts(text, "Preamble", start, recitals[0].start())
    ]
    for index, recital in enumerate(recitals):
        stop = recitals[index + 1].start() if index + 1 < len(recitals) else end
        blocks.append((f"Recital {recital.group('n')}", "preamble", recital.start(), stop, ""))
    return blocks


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


_OWN_NUMBER = re.compile(r"\d{1,3}")


def _paragraph_marks(
    text: str, start: int, end: int, *, signs: bool
) -> tuple[list[tuple[int, str]], bool]:
    """Paragraph starts in [start, end), and whether the unit numbers its paragraphs "1 Text"
    (Swiss) or "(1) Text" (German, UK), in which case "1." and "a." begin list items (points)."""
    own = _OWN_NUMBER.search(text, start, _line_end(text, start))
    # A section under its marginal note ("Immunité\n49 Quiconque …") begins with its own number.
    # ("Art. 2 Geltungsbereich\n1 Dieses Gesetz …" is an article over its paragraph 1.)
    marginal = _MARGINAL_SECTION.match(text, start) if not _HEADING.match(text, start) else None
    opening = marginal.end() if marginal else start
    matches = [
        m
        for m in _PARAGRAPH.finditer(text, start, end)
        if text[start : m.start()].strip()  # not the unit's own number ("54 Transparency ...")
        and m.start() >= opening
        # "3.1." only under article 3 (not "20.744", a law's number, at the start of a line)
        and (not m.group("f") or (own is not None and own.group(0) == m.group("fp")))
    ]
    # "3.1." paragraphs (article 3, paragraph 1, as Peruvian and other Latin American laws number
    # them) take lettered list items "a." as points, as "(1)" paragraphs do.
    bare = any(m.group("c") or m.group("a") or m.group("f") for m in matches)
    found = [
        (
            m.start(),
            f"({m.group('a') or m.group('b') or m.group('c') or m.group('d') or m.group('e') or m.group('f')})",
        )
        for m in matches
        if not (bare and m.group("b"))
    ]
    if signs:
        found += [
            (m.start(), " sole para." if m.group("sole") else f" § {m.group('a')}")
            for m in _PARAGRAPH_SIGN.finditer(text, start, end)
        ]
    return sorted(found), bare


def _with_paragraphs(
    text: str,
    ref: str,
    kind: str,
    start: int,
    end: int,
    *,
    top_is_preamble: bool = False,
    signs: bool = False,
) -> list[tuple[str, str, int, int, str]]:
    marks, nested = _paragraph_marks(text, start, end, signs=signs)
    if not marks:
        return _points(text, ref, kind, start, end)
    head_end = marks[0][0]
    blocks: list[tuple[str, str, int, int, str]] = []
    if text[start:head_end].strip():
        if top_is_preamble:
            blocks.extend(
                (r, k, s, e, "") for r, k, s, e in _parts(text, "Preamble", start, head_end)
            )
        else:
            blocks.extend(_points(text, ref, kind, start, head_end, nested=nested))
    for index, (mark_start, number) in enumerate(marks):
        stop = marks[index + 1][0] if index + 1 < len(marks) else end
        sub_ref = f"para. {number.strip('()')}" if top_is_preamble else f"{ref}{number}"
        parent = "" if top_is_preamble else ref
        blocks.extend(_points(text, sub_ref, "paragraph", mark_start, stop, parent, nested=nested))
    return blocks


def _points(
    text: str, ref: str, kind: str, start: int, end: int, parent: str = "", *, nested: bool = False
) -> list[tuple[str, str, int, int, str]]:
    """The unit itself (up to its first point) followed by its points, as (ref, kind, start, end, parent)."""
    marks = [
        m
        for m in (_POINT_NESTED if nested else _POINT).finditer(text, start, end)
        if text[start : m.start()].strip()  # not the unit's own number ("3. Application")
    ]
    head_end = marks[0].start() if marks else end
    blocks = [(ref, kind, start, head_end, parent)]
    outer = ""  # an "I -" item (Brazilian inciso): the "a)" items after it are its own points
    for index, mark in enumerate(marks):
        stop = marks[index + 1].start() if index + 1 < len(marks) else end
        label = next(g for g in mark.groups() if g)
        if mark.group("c"):
            outer = f"{ref}({label})"
            blocks.append((outer, "point", mark.start(), stop, ref))
        elif outer and (mark.group("a") or mark.group("b")):
            blocks.append((f"{outer}({label})", "point", mark.start(), stop, outer))
        else:
            blocks.append((f"{ref}({label})", "point", mark.start(), stop, ref))
    return blocks


def _dedupe_refs(
    blocks: list[tuple[str, str, int, int, tuple[str, ...], str]],
) -> list[tuple[str, str, int, int, tuple[str, ...], str]]:
    """Repeated numbering (a list restarting at 1) gets a suffix so every reference is unique; the
    points and paragraphs that follow a renamed article name it as their parent."""
    seen: dict[str, int] = {}
    latest: dict[str, str] = {}
    result = []
    for ref, kind, start, end, path, parent in blocks:
        seen[ref] = seen.get(ref, 0) + 1
        unique = ref if seen[ref] == 1 else f"{ref} [{seen[ref]}]"
        latest[ref] = unique
        result.append((unique, kind, start, end, path, latest.get(parent, parent)))
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
