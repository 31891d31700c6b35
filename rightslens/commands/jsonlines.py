"""Reading `{"id", "text", "lang"?}` JSON lines from standard input, for pipeline commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO


class InputLineError(ValueError):
    """A line that is not a JSON object with a string "text"."""


@dataclass(frozen=True)
class InputText:
    id: str
    text: str
    lang: str


def read_texts(stream: TextIO) -> Iterator[InputText]:
    """One `InputText` per non-blank line; raises InputLineError naming the line."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputLineError(f"line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise InputLineError(f'line {number}: expected an object with a string "text"')
        lang = raw.get("lang") or ""
        yield InputText(str(raw.get("id", number)), raw["text"], str(lang))
