"""Contract clauses in French and Spanish: every clause's title, purpose and text is translated, and a
counterparty's page shows an attached clause's title and text in the reader's language."""

import html

import pytest

from rightslens.procurement.models import ClauseAttachment, Counterparty

LANGUAGES = ("fr", "es")
FIELDS = ("title", "purpose", "text")
BASE = "/o/acme/procurement/"


def _flat(text: str) -> str:
    return " ".join(html.unescape(text).split())


def _english(item, name):
    return item.title if name == "title" else " ".join(str(item.fields[name]).split())


def test_every_clause_has_french_and_spanish_title_purpose_and_text(procurement_knowledge):
    clauses = procurement_knowledge["clauses"]
    assert len(clauses) >= 5
    missing = [
        f"{c.id} {language}.{name}"
        for c in clauses
        for language in LANGUAGES
        for name in FIELDS
        if not c.translations.get(language, {}).get(name)
        or c.translations[language][name] == _english(c, name)
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_attached_clause_is_shown_in_the_reader_language(
    owner_client, org, procurement_knowledge, language
):
    clause = next(
        c for c in procurement_knowledge["clauses"] if c.id == "clause-remedy-cooperation"
    )
    counterparty = Counterparty.objects.create(organisation=org, name="HireRank", kind="vendor")
    ClauseAttachment.objects.create(
        organisation=org, counterparty=counterparty, clause_id=clause.id
    )
    page = owner_client.get(
        BASE + f"counterparties/{counterparty.pk}/", HTTP_ACCEPT_LANGUAGE=language
    )
    shown = _flat(page.content.decode())
    assert _flat(clause.translations[language]["title"]) in shown
    assert _flat(clause.translations[language]["text"]) in shown
    assert _english(clause, "text") not in shown
