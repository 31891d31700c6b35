"""The staff interface speaks French and Spanish: no English UI string is left on the main pages
of the base layout, assessments, inventory, accounts, notifications, search, imports and charts.

A text counts as a UI string of these apps when its English words are written in their templates or
Python sources. Left out, because they rightly read the same in every language or are not yet
translated (issue 16 lists them): what people entered and the demo's data (every text stored in the
database), knowledge-base text, names, codes and file formats, and the labels of stored values
(enum labels) and sentences built by the pure-Python core."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.conf.locale import LANG_INFO

from .crawl import demo
from .public_pages import visible_text
from .staff_pages import staff_pages, stored_text

SAME_AS_ENGLISH = {
    "RightsLens",
    "rightslens",
    "CSV",
    "JSON",
    "XLSX",
    "PDF",
    "Excel (XLSX)",
    "(CSV, XLSX)",
    "API REST",
    "Authorization: Bearer &lt;token&gt;",
    "Authorization: Bearer <token>",
    *(LANG_INFO[code]["name_local"] for code, _name in settings.LANGUAGES),
}
# Words the language shares with English.
SAME_IN = {
    "fr": {
        "Impact",
        "Impacts",
        "Type",
        "Version",
        "Actions",
        "Action",
        "Note",
        "Invitation",
        "Description",
        "Dimension",
        "Observation",
        "Verdict",
        "Responsable",
        "impact",
        "impacts",
        "Versions",
        "Page",
        "Messages",
        "Total",
        "Document",
        "Option",
    },
    "es": {"Responsable", "No", "Total", "Global", "Real"},
}


def _knowledge_text() -> list[str]:
    from rightslens.common.knowledge import knowledge

    base = knowledge()
    text = [library.title for library in base.libraries.values()]
    for item in base.items.values():
        text.append(item.title)
        text.extend(str(value) for value in item.fields.values())
        text.extend(c.source.title for c in item.citations)
    return text


SLICE = [
    "templates",
    "assessments",
    "inventory",
    "accounts",
    "notifications",
    "search",
    "imports",
    "ux",
]
TRANSLATED_APPS = {"assessments", "accounts", "notifications"}
PIECES = re.compile(r"\s*(?:[;,·:()←→“”\"]|\s-\s|\s–\s)\s*")


def _ui_sources() -> str:
    root = Path(settings.BASE_DIR) / "rightslens"
    return "\n".join(
        path.read_text("utf-8")
        for app in SLICE
        for path in sorted((root / app).rglob("*"))
        if path.suffix in (".html", ".py") and "migrations" not in path.parts
    )


def _choice_labels() -> set[str]:
    """Labels of stored values: model choices, and the core's enum labels and verdicts."""
    import enum
    import importlib
    import pkgutil

    import rightslens.core
    from rightslens.core.effectiveness import VERDICT_TEXT
    from rightslens.core.vocabulary import label

    core: set[str] = set(VERDICT_TEXT.values())
    for info in pkgutil.walk_packages(rightslens.core.__path__, "rightslens.core."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum):
                for member in value:
                    core.add(label(member.name.lower()))
                    core.add(label(str(member.value)))
    labels = set(core)
    for model in apps.get_models():
        translated = model._meta.app_label in TRANSLATED_APPS
        for field in model._meta.get_fields():
            for _value, text in getattr(field, "flatchoices", None) or ():
                # In the translated apps only labels built from the core's ("4 – Severe") are left
                # out; their own labels must be translated.
                if not translated or re.sub(r"^\d+ – ", "", str(text)) in core:
                    labels.add(str(text))
    return labels


def _is_data(text: str, data: str, labels: set[str]) -> bool:
    """Stored data, knowledge text or a stored value's label, alone or joined by punctuation."""
    pieces = [p for p in PIECES.split(text) if sum(c.isalpha() for c in p) > 1]
    return text in data or text in labels or all(p in data or p in labels for p in pieces)


def _in_sources(text: str, sources: str) -> bool:
    text = text.rstrip(" :\xa0\u202f")  # a form label as label_tag writes it: "Name:"
    return re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", sources) is not None


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_english_ui_string_is_left_on_the_main_staff_pages(db, language):
    org, user = demo()
    english = staff_pages(org, user, "en")
    translated = staff_pages(org, user, language)
    # One long string to search: stored data and untranslated knowledge read the same everywhere.
    data = "\n".join(stored_text() + _knowledge_text() + [org.name, user.email])
    allowed = SAME_AS_ENGLISH | SAME_IN.get(language, set())
    labels, sources = _choice_labels(), _ui_sources()
    left: dict[str, list[str]] = {}
    for name, html in translated.items():
        english_text = set(visible_text(english[name]))
        assert english_text != set(visible_text(html)), f"{name}: the page did not change at all"
        found = [
            text
            for text in visible_text(html)
            if text in english_text
            and text not in allowed
            and sum(c.isalpha() for c in text) > 1
            and not text.startswith(("http", "/", "#"))
            and not _is_data(text, data, labels)
            and _in_sources(text, sources)
        ]
        if found:
            left[name] = sorted(set(found))
    report = "\n".join(f"{name}: {texts}" for name, texts in left.items())
    assert not left, f"{language} staff pages still show English:\n{report}"


def test_french_and_spanish_staff_pages_use_the_ungp_terms(db):
    org, user = demo()
    fr = staff_pages(org, user, "fr")
    es = staff_pages(org, user, "es")
    assert "Registre des impacts sur les droits de l’homme" in fr["register"]
    assert "Gravité pour les personnes" in fr["register"]
    assert "Registro de impactos en los derechos humanos" in es["register"]
    assert (
        "Principes directeurs relatifs aux entreprises et aux droits de l’homme" in fr["register"]
    )
    assert "Principios Rectores sobre las empresas y los derechos humanos" in es["register"]
    assert "Cycle de diligence raisonnable" in fr["assessment"]
    assert "Ciclo de debida diligencia" in es["assessment"]
    assert "ampleur 3" in fr["register"] and "Portée" in fr["impact"]  # severity, not the scoping
