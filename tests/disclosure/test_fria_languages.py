"""The FRIA template in French and Spanish: every item's title, question and guidance (and the
template's own texts) are translated, and the FRIA page, its DOCX and PDF and the notification note
show them to a French or Spanish reader, while the stored FRIA JSON keeps its English titles."""

from __future__ import annotations

import html
import io
import json
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from rightslens.common.knowledge import knowledge
from rightslens.disclosure.models import Fria

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "es")
ITEM_FIELDS = ("title", "question", "guidance")
TEMPLATE_FIELDS = ("title", "summary", "notification")


def _flat(text: str) -> str:
    return " ".join(html.unescape(text).replace("\u2019", "'").split())


def _english(item, name: str) -> str:
    return item.title if name == "title" else " ".join(str(item.fields[name]).split())


def test_every_fria_item_and_template_has_french_and_spanish_text():
    kb = knowledge()
    wanted = [(i, ITEM_FIELDS) for i in kb.by_type("fria_item")]
    wanted += [(i, TEMPLATE_FIELDS) for i in kb.by_type("fria_template")]
    assert len(wanted) >= 7
    missing = [
        f"{item.id} {language}.{name}"
        for item, names in wanted
        for language in LANGUAGES
        for name in names
        if not item.translations.get(language, {}).get(name)
        or item.translations[language][name] == _english(item, name)
    ]
    assert missing == []


def _items(language: str) -> list[dict[str, str]]:
    return [
        dict(i.translations[language]) | {"english": i.title}
        for i in knowledge().by_type("fria_item")
    ]


def _start(client, system) -> Fria:
    response = client.post(f"/o/acme/disclosure/systems/{system.pk}/fria/start/")
    assert response.status_code == 302
    return Fria.objects.get(system=system)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fria_page_shows_titles_questions_and_guidance_in_the_reader_language(
    owner_client, system, language
):
    fria = _start(owner_client, system)
    page = owner_client.get(f"/o/acme/disclosure/fria/{fria.pk}/", HTTP_ACCEPT_LANGUAGE=language)
    shown = _flat(page.content.decode())
    for item in _items(language):
        for name in ITEM_FIELDS:
            assert _flat(item[name]) in shown, (item["english"], name)
        assert f") {item['english']}<" not in page.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_fria_documents_show_item_titles_in_the_reader_language(owner_client, system, language):
    fria = _start(owner_client, system)
    url = f"/o/acme/disclosure/fria/{fria.pk}/"
    docx = owner_client.get(url + "fria.docx", HTTP_ACCEPT_LANGUAGE=language).content
    pdf = owner_client.get(url + "fria.pdf", HTTP_ACCEPT_LANGUAGE=language).content
    docx_text = _flat("\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs))
    pdf_text = _flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    for item in _items(language):
        for text in (docx_text, pdf_text):
            assert _flat(item["title"]) in text
            assert f") {item['english']} " not in text
    pack = owner_client.get(url + "notification.zip", HTTP_ACCEPT_LANGUAGE=language).content
    archive = zipfile.ZipFile(io.BytesIO(pack))
    template = knowledge().by_type("fria_template")[0]
    note = _flat(archive.read("notification.txt").decode())
    assert _flat(template.translations[language]["notification"]) in note
    stored = json.loads(archive.read("fria.json"))
    assert {stored[k]["title"] for k in "abcdef"} == {i["english"] for i in _items(language)}
