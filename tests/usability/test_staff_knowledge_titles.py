"""Knowledge titles and texts that staff forms and pages list (the rights picker and its
instruments, vulnerable groups, leverage kinds, GP 31 evidence) are shown in the reader's language,
and in English to an English reader."""

from __future__ import annotations

import html

import pytest
from django.test import Client
from django.utils import translation

from .crawl import demo

pytestmark = pytest.mark.django_db

EXPECTED = {
    # page -> (French, Spanish, English)
    "impact new": (
        (
            "Déclaration universelle des droits de l’homme",
            "DUDH, art. 10 : Procès équitable et public",
        ),
        ("Declaración Universal de Derechos Humanos", "DUDH, art. 10: Audiencia justa y pública"),
        ("Universal Declaration of Human Rights", "UDHR Art. 10: Fair and public hearing"),
    ),
    "scoping": (
        ("Migrants et membres de leur famille",),
        ("Migrantes y sus familiares",),
        ("Migrants and their families",),
    ),
    "plan": (
        ("Influence avec d'autres entreprises", "Tatouage des contenus synthétiques"),
        ("Influencia con otras empresas", "Marca de agua en contenidos sintéticos"),
        ("Leverage with other companies", "Watermarking of synthetic content"),
    ),
    "gp31": (
        ("Les plaintes anonymes sont acceptées et protégées contre les représailles.",),
        ("Se aceptan reclamaciones anónimas y se protegen frente a represalias.",),
        ("Anonymous complaints are accepted and protected against reprisal.",),
    ),
}


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    translation.activate("en")


def _urls(org) -> dict[str, str]:
    from rightslens.assessments.models import Assessment

    assessment = Assessment.objects.filter(organisation=org).order_by("pk").first()
    assert assessment is not None
    a = f"/o/{org.slug}/assessments/{assessment.pk}"
    return {
        "impact new": f"{a}/impacts/new/",
        "scoping": f"{a}/scoping/",
        "plan": f"{a}/plan/",
        "gp31": f"/o/{org.slug}/grievances/gp31/",
    }


@pytest.mark.parametrize("column, language", [(0, "fr"), (1, "es"), (2, "en")])
def test_knowledge_titles_on_staff_forms_read_in_the_language(column, language):
    org, user = demo()
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    others = {c for c in range(3) if c != column}
    for name, url in _urls(org).items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        page = html.unescape(response.content.decode()).replace("&#x27;", "'")
        for text in EXPECTED[name][column]:
            assert text in page, (language, name, text)
        for other in others:
            for text in EXPECTED[name][other]:
                if text not in EXPECTED[name][column]:
                    assert text not in page, (language, name, text)
