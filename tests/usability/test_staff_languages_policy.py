"""Policy analysis in French and Spanish: the explanation of each finding's status, the scorecard
and report pages, and the briefing for parliament (its headings, summary and where to amend).

The explanations are built by the pure-Python core in English and stored; they are shown through
rightslens.ux.wording.core_text, which reads their sentence shape (ids ``policy.*``) back."""

from __future__ import annotations

import io
import re

import pytest
from django.utils import translation

from tests.policy.samples import ENGLISH_ACT_WITH_BLANKET_EXEMPTION, FRENCH_DECREE, PORTUGUESE_BILL

STATUS_WORDS = ("Partial:", "Addressed:", "Absent:", "Contrary:")
LAW = (
    "Article 1\nProviders shall carry out a human rights impact assessment before deployment.\n\n"
    "Article 2\nThis Act shall not apply to AI systems used for national security or defence.\n\n"
    "Article 3\nProviders shall publish a summary of the assessment.\n"
)
# Duties on the State alone, in words no value-chain signal matches: "(state only)".
STATE_ONLY = (
    "Article 1\nThe Ministry shall publish an annual report on the algorithms it uses.\n\n"
    "Article 2\nThe Ministry shall review each algorithm every year.\n"
)
# Six articles that mention national security: the explanation lists three and "and 3 more".
MANY_MENTIONS = "\n\n".join(
    f"Article {n}\nThe Minister shall report on national security matters each year."
    for n in range(1, 7)
)


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    translation.activate("en")


def _explanations() -> list[str]:
    from rightslens.core.policy.analysis import analyse
    from rightslens.core.policy.criteria import load_criteria

    criteria = load_criteria()
    texts = (
        PORTUGUESE_BILL,
        FRENCH_DECREE,
        ENGLISH_ACT_WITH_BLANKET_EXEMPTION,
        LAW,
        MANY_MENTIONS,
        STATE_ONLY,
    )
    return sorted({f.explanation for text in texts for f in analyse(text, criteria).findings})


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_explanation_the_analysis_gives_is_shown_in_the_language(language):
    from rightslens.ux.wording import SENTENCES, _pattern, core_text

    explanations = _explanations()
    assert len(explanations) > 20
    policy_shapes = [k for k in SENTENCES if k.startswith("policy.") and "{" in SENTENCES[k]]
    used = {k for k in policy_shapes for e in explanations if _pattern(k).match(e)}
    assert len(used) >= 8, used  # the samples reach many shapes, not one catch-all
    with translation.override(language):
        shown = {e: core_text(e) for e in explanations}
    left = [e for e, text in shown.items() if text == e or text.startswith(STATUS_WORDS)]
    assert not left, f"{language}: explanations still in English: {left}"
    # The quoted words and provision references are kept as written.
    for english, text in shown.items():
        quoted = re.findall(r"'([^']+)'", english)
        assert all(q in text for q in quoted), (english, text)
    with translation.override("en"):
        assert all(core_text(e) == e for e in explanations)


@pytest.mark.parametrize(
    ("language", "more", "covers", "binds"),
    [
        (
            "fr",
            r"Art\. \d, Art\. \d, Art\. \d et 3 autres\)",
            "il couvre avant la mise en service mais pas après la mise en service.",
            "(l’État seulement)",
        ),
        (
            "es",
            r"Art\. \d, Art\. \d, Art\. \d y 3 más\)",
            "cubre antes de la puesta en servicio pero no después de la puesta en servicio.",
            "(solo el Estado)",
        ),
    ],
)
def test_and_n_more_and_the_facet_and_party_names_are_translated(language, more, covers, binds):
    """The words the analysis splices into its explanations: "and 3 more" after a cut list of
    references, the facets a partial finding covers and misses, the party an instrument binds."""
    from rightslens.ux.wording import core_text

    explanations = _explanations()
    cut = [e for e in explanations if re.search(r" and \d+ more\b", e)]
    facets = [e for e in explanations if "it covers before but not after" in e]
    bound = [e for e in explanations if "(state only)" in e]
    assert cut and facets and bound  # the samples reach all three
    with translation.override(language):
        assert all(re.search(more, core_text(e)) for e in cut), [core_text(e) for e in cut]
        assert all(covers in core_text(e) for e in facets), [core_text(e) for e in facets]
        assert all(binds in core_text(e) for e in bound), [core_text(e) for e in bound]
        for english in (*cut, *facets, *bound):
            shown = core_text(english)
            for word in (" more", " before", " after", "state only", " but not "):
                assert word not in shown, (word, shown)
    with translation.override("en"):
        assert all(core_text(e) == e for e in (*cut, *facets, *bound))


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_facet_in_the_criteria_and_every_party_has_its_wording(language):
    """A facet added to the criteria file, or a party added to the reading, fails here until it
    has its French and Spanish name."""
    import gettext
    from pathlib import Path

    from rightslens.core.policy.criteria import load_criteria
    from rightslens.core.policy.reading import Party
    from rightslens.ux.wording import FACET_CONTEXT, POLICY_FACETS

    facets = {s.facet for c in load_criteria() for g in c.signals.values() for s in g if s.facet}
    parties = {str(p) for p in Party if str(p)}
    assert facets and parties
    assert facets | parties <= set(POLICY_FACETS), (facets | parties) - set(POLICY_FACETS)
    mo = Path("rightslens/ux/locale") / language / "LC_MESSAGES" / "django.mo"
    with open(mo, "rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    for name in POLICY_FACETS:
        wording = catalogue.get(f"{FACET_CONTEXT}\x04{name}")
        assert wording and wording != name, (language, name)


def test_a_partial_reason_and_its_carve_out_faults_are_translated_in_turn():
    from rightslens.ux.wording import core_text

    english = (
        "Partial: Art. 2 touches the criterion ('national security'); a carve-out touches it, but "
        "it does not remove protection wholesale: it is conditioned, not wholesale; a voluntary "
        "text cannot itself take away protection that the law gives."
    )
    with translation.override("fr"):
        shown = core_text(english)
    assert shown == (
        "Partiel : Art. 2 touche le critère ('national security') ; une exclusion le touche, mais "
        "elle ne supprime pas la protection en bloc : elle est soumise à des conditions, elle "
        "n’est pas générale; un texte volontaire ne peut pas à lui seul retirer la protection que "
        "donne la loi."
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "status_word"), [("fr", "Traité :"), ("es", "Abordado:")])
def test_the_scorecard_and_report_pages_show_explanations_in_the_language(
    org, owner, language, status_word
):
    from django.test import Client

    from rightslens.policy.models import CriterionFinding
    from rightslens.policy.testing import make_version

    version = make_version(org, owner, text=LAW)
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(owner)
    base = f"/o/{org.slug}/policy/versions/{version.pk}/"
    pages = [client.get(f"{base}{tail}").content.decode() for tail in ("", "report/")]
    explanations = list(
        CriterionFinding.objects.filter(analysis__version=version).values_list(
            "explanation", flat=True
        )
    )
    assert explanations
    for page in pages:
        for english in explanations:
            assert english not in page, english
        assert status_word in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "headings", "amend"),
    [
        (
            "fr",
            ["Synthèse", "Modifications recommandées", "Annexe : les éléments de preuve"],
            "Modifier Art. 2",
        ),
        (
            "es",
            ["Resumen", "Modificaciones recomendadas", "Anexo: las pruebas"],
            "Modificar Art. 2",
        ),
    ],
)
def test_the_briefing_has_its_fixed_text_in_the_language(org, owner, language, headings, amend):
    from django.test import Client
    from docx import Document
    from pypdf import PdfReader

    from rightslens.policy.briefing import SECTIONS
    from rightslens.policy.testing import make_version

    version = make_version(org, owner, text=LAW)
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(owner)
    base = f"/o/{org.slug}/policy/versions/{version.pk}/briefing"
    document = Document(io.BytesIO(client.get(f"{base}.docx").content))
    docx = "\n".join(p.text for p in document.paragraphs)
    pdf = " ".join(
        " ".join(
            p.extract_text() for p in PdfReader(io.BytesIO(client.get(f"{base}.pdf").content)).pages
        ).split()
    )
    for text in (docx, pdf):
        for heading in headings:
            assert heading in text, heading
        for english in (*SECTIONS, "Briefing for parliament", "Of ", "Amend Art", *STATUS_WORDS):
            assert english not in text, english
    assert amend in docx
