"""The audit trail in French and Spanish: each record is shown as a sentence of its verb in the
reader's language (rightslens.ux.audit_wording), filled from the stored English summary; a record
of an unknown verb is shown as stored; English stays English."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from rightslens.accounts.models import AuditEvent
from rightslens.assessments import cycle_services, signoff

from .test_signoff import _complete

pytestmark = pytest.mark.django_db

EXPECTED = {
    "fr": [
        "Cadrage modifié : Contexte d’utilisation",
        "Catégorie de risque « Droit à la vie privée » jugée non pertinente : Checked.",
        "Envoyée en revue (Brouillon → En revue)",
        "Statut : Brouillon",
        "Plan d’action enregistré",
    ],
    "es": [
        "Alcance modificado: Contexto de uso",
        "Categoría de riesgo «Derecho a la privacidad» marcada como no pertinente: Checked.",
        "Enviada a revisión (Borrador → En revisión)",
        "Estado: Borrador",
        "Plan de acción registrado",
    ],
    "en": [
        "Scoping changed: Context of use",
        "Risk category “Right to privacy” marked not relevant: Checked.",
        "Sent for review (Draft → In review)",
        "Status: Draft",
        "Action plan recorded",
    ],
}
ENGLISH = ("Scoping changed", "marked not relevant", "Sent for review", "Action plan recorded")
VERBS = ("scoping.save", "category.not_relevant", "assessment.submit", "action.plan")


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    translation.activate("en")


def _audit_page(assessment, owner, language: str) -> str:
    cycle_services.scoping_save(
        assessment=assessment, actor=owner, context_of_use="Public chat app"
    )
    _complete(assessment, owner)
    signoff.assessment_submit(assessment=assessment, actor=owner)
    AuditEvent.objects.create(
        organisation=assessment.organisation,
        actor=None,
        verb="assessment.future_verb",
        object_type="assessments.assessment",
        object_id=str(assessment.pk),
        summary="Something only English knows",
    )
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(owner)
    response = client.get(f"/o/acme/assessments/{assessment.pk}/audit/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_audit_page_says_what_happened_in_the_language(assessment, owner, language):
    page = _audit_page(assessment, owner, language)
    for text in EXPECTED[language]:
        assert text in page, text
    for english in (*ENGLISH, *VERBS):
        assert english not in page, english
    # An unknown verb falls back to the stored summary; a record with no actor is the system's.
    assert "Something only English knows" in page
    assert {"fr": "système", "es": "sistema"}[language] in page


def test_the_audit_page_stays_english_in_english(assessment, owner):
    page = _audit_page(assessment, owner, "en")
    for text in EXPECTED["en"]:
        assert text in page, text
    assert "système" not in page and "Cadrage" not in page
