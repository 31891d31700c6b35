"""Turn an uploaded file (PDF, DOCX, HTML, plain text) into the text the analysis works on.

Every failure raises IngestError with a message that says exactly what is wrong, so nothing is
stored for an unreadable file. PDF pages are separated by a form feed so page numbers survive.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser

MAX_BYTES = 25 * 1024 * 1024
MAX_PAGES = 500
# 500 pages of dense legal text, for pasted text and formats without pages.
MAX_CHARS = MAX_PAGES * 4000
PAGE_BREAK = "\f"

KINDS = {"pdf": "PDF", "docx": "Word (DOCX)", "html": "HTML", "txt": "plain text"}


class IngestError(ValueError):
    """The file cannot be used. `field` names the form field the message belongs to."""

    def __init__(self, message: str, field: str = "file") -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Extracted:
    text: str
    kind: str
    pages: int


def kind_of(filename: str, head: bytes) -> str:
    """The file kind from its content first, its name second; IngestError if neither fits."""
    name = filename.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK") and name.endswith(".docx"):
        return "docx"
    if name.endswith((".html", ".htm")) or head.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    ):
        return "html"
    if name.endswith((".txt", ".text", ".md")) or ("." not in name and _looks_like_text(head)):
        return "txt"
    suffix = name.rsplit(".", 1)[-1] if "." in name else "(none)"
    raise IngestError(
        f"Files of type '.{suffix}' cannot be read. Upload a PDF, DOCX, HTML or plain-text (.txt) file."
    )


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head


def extract(filename: str, data: bytes) -> Extracted:
    if not data or not data.strip():
        raise IngestError("The file is empty.")
    if len(data) > MAX_BYTES:
        raise IngestError(
            f"The file is {len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB."
        )
    kind = kind_of(filename, data[:512])
    text, pages = _EXTRACTORS[kind](data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if pages > MAX_PAGES:
        raise IngestError(f"The document has {pages} pages; the limit is {MAX_PAGES}.")
    if not text.strip():
        if kind == "pdf":
            raise IngestError(
                "This PDF has no text layer (it looks like a scan). Run it through OCR first, "
                "or paste the text instead."
            )
        raise IngestError(f"No text could be found in this {KINDS[kind]} file.")
    check_text_size(text)
    return Extracted(text=text, kind=kind, pages=pages)


def check_text_size(text: str, field: str = "file") -> None:
    if len(text) > MAX_CHARS:
        raise IngestError(
            f"The text has {len(text):,} characters; the limit is {MAX_CHARS:,} (about {MAX_PAGES} pages).",
            field,
        )


def _pdf(data: bytes) -> tuple[str, int]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) > MAX_PAGES:
            return "x", len(reader.pages)
        texts = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise IngestError(
            f"The PDF could not be read ({type(exc).__name__}); it may be damaged or encrypted."
        ) from exc
    return PAGE_BREAK.join(texts), len(texts)


def _docx(data: bytes) -> tuple[str, int]:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise IngestError("The DOCX file could not be opened; it may be damaged.") from exc
    paragraphs = [p.text for p in document.paragraphs]
    text = "\n".join(paragraphs)
    return text, max(1, len(text) // 3000)


class _HTMLText(HTMLParser):
    _BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
    }
    _SKIP = {"script", "style", "head", "nav"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _html(data: bytes) -> tuple[str, int]:
    parser = _HTMLText()
    parser.feed(_decode(data))
    text = re.sub(r"\n\s*\n+", "\n\n", "".join(parser.parts)).strip()
    return text, max(1, len(text) // 3000)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _txt(data: bytes) -> tuple[str, int]:
    if b"\x00" in data[:4096]:
        raise IngestError(
            "This file is binary, not plain text. Upload a PDF, DOCX, HTML or .txt file."
        )
    text = _decode(data)
    return text, max(1, text.count(PAGE_BREAK) + 1, len(text) // 3000)


_EXTRACTORS = {"pdf": _pdf, "docx": _docx, "html": _html, "txt": _txt}
