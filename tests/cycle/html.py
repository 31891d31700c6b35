"""Small HTML readers for page tests: ids, checked boxes, fieldsets."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value for name, value in attrs if name == "id" and value]


def repeated_ids(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    return [i for i, n in Counter(parser.ids).items() if n > 1]


def checkbox(html: str, name: str, value: str) -> str:
    found = re.findall(
        rf'<input type="checkbox" name="{name}" value="{re.escape(value)}"[^>]*>', html
    )
    assert len(found) == 1, f"{name}={value}: {len(found)} checkboxes"
    return found[0]


def is_checked(html: str, name: str, value: str) -> bool:
    return bool(re.search(r"\schecked\b", checkbox(html, name, value)))


def fieldset_legend_of(html: str, name: str, value: str) -> str:
    """The legend of the innermost fieldset holding this checkbox."""
    before = html[: html.index(checkbox(html, name, value))]
    legends = re.findall(r"<fieldset[^>]*><legend>(.*?)</legend>", before, re.S)
    assert legends and before.rfind("</fieldset>") < before.rfind("<fieldset"), "not in a fieldset"
    return legends[-1].strip()
