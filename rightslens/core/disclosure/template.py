"""The FRIA template as data: read from the knowledge base (fria_template and fria_item items)."""

from __future__ import annotations

from dataclasses import dataclass

from rightslens.core.knowledge import KnowledgeBase

RESERVED_KEYS = frozenset({"meta"})


class TemplateError(ValueError):
    """The knowledge base has no usable FRIA template."""


@dataclass(frozen=True)
class FriaItemSpec:
    key: str
    title: str
    question: str
    guidance: str
    blocks: tuple[str, ...]
    citations: tuple[str, ...]


@dataclass(frozen=True)
class FriaTemplate:
    id: str
    library_version: int
    title: str
    summary: str
    notification: str
    citations: tuple[str, ...]
    items: tuple[FriaItemSpec, ...]

    def keys(self) -> tuple[str, ...]:
        return tuple(i.key for i in self.items)


def fria_template(
    kb: KnowledgeBase, template_id: str = "", language: str | None = None
) -> FriaTemplate:
    """The named template, or the one current (not deprecated) template when no id is given; its
    titles, questions, guidance, summary and notification in `language` where the library
    translates them (English otherwise, and always when no language is given)."""
    templates = [i for i in kb.items.values() if i.type == "fria_template"]
    if template_id:
        chosen = [t for t in templates if t.id == template_id]
    else:
        # Several current templates (ours and an official one): the newest library wins.
        chosen = sorted(
            (t for t in templates if not t.deprecated),
            key=lambda t: (kb.libraries[t.library].version, t.id),
        )
    if not chosen:
        raise TemplateError(f"No FRIA template {template_id!r} in the knowledge base.")
    head = chosen[-1]
    specs = sorted(
        (
            i
            for i in kb.items.values()
            if i.type == "fria_item" and i.get("template_ref") == head.id
        ),
        key=lambda i: (int(i.get("order")), i.id),
    )
    items = tuple(
        FriaItemSpec(
            key=str(i.get("key")),
            title=i.title_in(language),
            question=str(i.text_in("question", language)),
            guidance=str(i.text_in("guidance", language)),
            blocks=tuple(i.get("blocks")),
            citations=tuple(c.locator for c in i.citations),
        )
        for i in specs
    )
    _check_keys(head.id, items)
    return FriaTemplate(
        id=head.id,
        library_version=kb.libraries[head.library].version,
        title=head.title_in(language),
        summary=str(head.text_in("summary", language)),
        notification=str(head.text_in("notification", language)),
        citations=tuple(c.locator for c in head.citations),
        items=items,
    )


def _check_keys(template_id: str, items: tuple[FriaItemSpec, ...]) -> None:
    keys = [i.key for i in items]
    if not keys:
        raise TemplateError(f"FRIA template {template_id!r} has no items.")
    if len(set(keys)) != len(keys) or RESERVED_KEYS & set(keys):
        raise TemplateError(
            f"FRIA template {template_id!r} item keys must be unique and not {sorted(RESERVED_KEYS)}."
        )
