"""The one PDF base (fpdf2, pure Python) for every report: fonts, page set-up and text cleaning.

DejaVu Sans is used when the system has it (full Unicode, regular and bold); otherwise the built-in
Helvetica with text transliterated to Latin-1, so a report never fails for want of a font. Reports
that cannot show exact text say so (`unicode` is False).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from fpdf import FPDF

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u2192": "->",
    "\u2691": "!",
    "\u2022": "-",
    "\u0153": "oe",
    "\u0152": "OE",
    "\f": " ",
}


def font_dir() -> Path | None:
    """The folder holding DejaVu Sans regular and bold, if the system has one."""
    return next(
        (
            d
            for d in FONT_DIRS
            if (d / "DejaVuSans.ttf").exists() and (d / "DejaVuSans-Bold.ttf").exists()
        ),
        None,
    )


def to_latin1(text: str) -> str:
    """Keep Latin-1 characters, map the rest to their closest ASCII (quotes, dashes, ligatures)."""
    out = []
    for ch in text:
        ch = _REPLACEMENTS.get(ch, ch)
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode() or "?")
    return "".join(out)


class DocumentPDF(FPDF):
    """A4 with margins and automatic page breaks, a `Body` font family and `clean()` for text."""

    def __init__(self, *, margin: float = 18) -> None:
        super().__init__(format="A4")
        found = font_dir()
        self.unicode = found is not None
        if found is not None:
            self.add_font("Body", "", str(found / "DejaVuSans.ttf"))
            self.add_font("Body", "B", str(found / "DejaVuSans-Bold.ttf"))
            self.body_font = "Body"
        else:
            self.body_font = "Helvetica"
        self.set_auto_page_break(auto=True, margin=margin)
        self.set_margins(margin, margin, margin)

    def clean(self, text: Any) -> str:
        text = "" if text is None else str(text).replace("\f", " ")
        return text if self.unicode else to_latin1(text)
