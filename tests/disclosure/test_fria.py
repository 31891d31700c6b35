"""A FRIA for a system: prefilled with links and gaps, edited, signed off, versioned, exported."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from rightslens.accounts.models import Membership
from rightslens.disclosure import services, signoff
from rightslens.disclosure.models import Fria, FriaStatus, ProviderDocument
from rightslens.errors import FieldErrors

pytestmark = pytest.mark.django_db


def answer_gaps(fria: Fria) -> None:
    """Record a reason for every open gap, so sign-off is not refused for them."""
    fria.refresh_from_db()
    signoff.fria_gap_reasons_record(
        fria=fria,
        actor=None,
        reasons={g: "Known, out of scope" for g in signoff.fria_gaps(fria=fria)},
    )


def start(client, system) -> Fria:
    response = client.post(f"/o/acme/disclosure/systems/{system.pk}/fria/start/")
    assert response.status_code == 302
    return Fria.objects.get(system=system)


def test_a_fria_is_prefilled_from_the_register_with_links(
    owner_client, system, oversight, engagement
):
    fria = start(owner_client, system)
    page = owner_client.get(f"/o/acme/disclosure/fria/{fria.pk}/").content.decode()
    assert "A recruiter reviews every rejection" in page
    assert f'href="/o/acme/actions/{oversight.pk}/edit/"' in page
    assert f'href="/o/acme/impacts/{oversight.impact_id}/"' in page
    assert f'href="/o/acme/engagement/events/{engagement.pk}/"' in page
    assert "Gap: no human oversight measure recorded" not in page
    assert "Gap: no period of use recorded" in page
    assert "Article 27(1)(e)" in page


def test_a_missing_oversight_measure_is_listed_as_a_gap(owner_client, system, impact):
    fria = start(owner_client, system)
    document = owner_client.get(f"/o/acme/disclosure/fria/{fria.pk}/fria.json").json()
    assert "no human oversight measure recorded" in document["e"]["gaps"]
    assert {"type": "impact", "id": impact.pk} in document["d"]["sources"]


def test_narratives_can_be_edited_before_sign_off_only(owner_client, owner, system, impact):
    fria = start(owner_client, system)
    url = f"/o/acme/disclosure/fria/{fria.pk}/"
    data = {
        "period_of_use": "From May 2026, reviewed yearly",
        "frequency_of_use": "Daily",
        "item_e": "Two recruiters check.",
    }
    assert owner_client.post(url, data).status_code == 302
    fria.refresh_from_db()
    assert fria.narratives == {"e": "Two recruiters check."}
    document = owner_client.get(url + "fria.json").json()
    assert document["e"]["text"] == "Two recruiters check."
    assert "no period of use recorded" not in document["b"]["gaps"]
    assert {"type": "fria", "id": fria.pk} in document["b"]["sources"]
    owner_client.post(url + "submit/")
    answer_gaps(fria)
    owner_client.post(url + "approve/")
    fria.refresh_from_db()
    assert fria.status == FriaStatus.APPROVED
    with pytest.raises(FieldErrors):
        services.fria_edit(
            fria=fria, actor=owner, period_of_use="x", frequency_of_use="", narratives={}
        )


def test_approval_freezes_a_snapshot_the_register_no_longer_changes(owner_client, system, impact):
    fria = start(owner_client, system)
    url = f"/o/acme/disclosure/fria/{fria.pk}/"
    owner_client.post(url + "submit/")
    answer_gaps(fria)
    owner_client.post(url + "approve/")
    impact.title = "Renamed after approval"
    impact.save()
    document = owner_client.get(url + "fria.json").json()
    assert "Renamed after approval" not in document["d"]["text"]
    assert document["meta"]["fria"]["status"] == "approved"


def test_a_new_version_copies_the_previous_and_supersedes_it_on_approval(
    owner_client, system, impact
):
    fria = start(owner_client, system)
    url = f"/o/acme/disclosure/fria/{fria.pk}/"
    owner_client.post(url, {"period_of_use": "2026", "frequency_of_use": "", "item_a": "Edited a"})
    owner_client.post(url + "submit/")
    answer_gaps(fria)
    owner_client.post(url + "approve/")
    owner_client.post(url + "new-version/")
    second = Fria.objects.get(system=system, version=2)
    assert second.previous == fria and second.narratives == {"a": "Edited a"}
    assert second.period_of_use == "2026"
    owner_client.post(f"/o/acme/disclosure/fria/{second.pk}/submit/")
    answer_gaps(second)
    owner_client.post(f"/o/acme/disclosure/fria/{second.pk}/approve/")
    fria.refresh_from_db()
    assert fria.status == FriaStatus.SUPERSEDED


def test_approval_needs_the_senior_role(assessor, system, impact):
    fria = services.fria_start(system=system, actor=assessor)
    services.fria_submit(fria=fria, actor=assessor)
    membership = Membership.objects.get(user=assessor)
    with pytest.raises(FieldErrors):
        services.fria_approve(fria=fria, membership=membership)
    fria.refresh_from_db()
    assert fria.status == FriaStatus.IN_REVIEW and not fria.snapshot


def test_only_one_fria_in_progress_per_system(owner, system):
    services.fria_start(system=system, actor=owner)
    with pytest.raises(FieldErrors):
        services.fria_start(system=system, actor=owner)
    assert Fria.objects.filter(system=system).count() == 1


def test_docx_pdf_and_notification_pack_download(owner_client, system, oversight):
    fria = start(owner_client, system)
    url = f"/o/acme/disclosure/fria/{fria.pk}/"
    docx = owner_client.get(url + "fria.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "(e) Human oversight" in text and "A recruiter reviews every rejection" in text
    assert "Gap: no period of use recorded" in text
    pdf = owner_client.get(url + "fria.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    pack = zipfile.ZipFile(io.BytesIO(owner_client.get(url + "notification.zip").content))
    assert set(pack.namelist()) == {"notification.txt", "fria.json", "fria.pdf", "fria.docx"}
    assert "Article 27(3)" in pack.read("notification.txt").decode()
    assert set(json.loads(pack.read("fria.json"))) >= set("abcdef")


def test_provider_information_feeds_item_d_and_a_provider_fria_can_be_reused(owner_client, system):
    upload = SimpleUploadedFile(
        "provider-fria.json",
        json.dumps({"d": {"text": "Provider: weaker on accented speech"}}).encode(),
    )
    response = owner_client.post(
        f"/o/acme/disclosure/systems/{system.pk}/provider/",
        {
            "kind": "assessment",
            "provider": "HireTech",
            "summary": "Not tested on screen readers",
            "file": upload,
        },
    )
    assert response.status_code == 302
    document = ProviderDocument.objects.get(system=system)
    assert document.item_texts == {"d": "Provider: weaker on accented speech"}
    owner_client.post(
        f"/o/acme/disclosure/systems/{system.pk}/fria/start/", {"reuse": f"provider-{document.pk}"}
    )
    fria = Fria.objects.get(system=system)
    exported = owner_client.get(f"/o/acme/disclosure/fria/{fria.pk}/fria.json").json()
    assert exported["d"]["text"] == "Provider: weaker on accented speech"
    assert {"type": "provider_document", "id": document.pk} in exported["d"]["sources"]
    assert "HireTech" in fria.starting_point


def test_a_bad_provider_file_is_refused_and_nothing_is_saved(owner_client, system):
    upload = SimpleUploadedFile("provider.exe", b"MZ")
    owner_client.post(
        f"/o/acme/disclosure/systems/{system.pk}/provider/",
        {"kind": "instructions", "provider": "HireTech", "summary": "x", "file": upload},
    )
    assert not ProviderDocument.objects.exists()


def test_another_organisations_fria_cannot_be_reused(owner_client, owner, other_org, system):
    from rightslens.inventory.testing import make_system

    foreign = services.fria_start(system=make_system(other_org), actor=owner)
    response = owner_client.post(
        f"/o/acme/disclosure/systems/{system.pk}/fria/start/", {"reuse": f"fria-{foreign.pk}"}
    )
    assert response.status_code == 404
    assert not Fria.objects.filter(system=system).exists()


def test_a_viewer_reads_but_cannot_start_or_edit(viewer_client, owner, system):
    fria = services.fria_start(system=system, actor=owner)
    assert viewer_client.get(f"/o/acme/disclosure/fria/{fria.pk}/").status_code == 200
    assert (
        viewer_client.post(f"/o/acme/disclosure/fria/{fria.pk}/", {"item_a": "x"}).status_code
        == 403
    )
    fria.refresh_from_db()
    assert fria.narratives == {}


def test_text_left_as_shown_follows_the_register_when_the_period_changes(owner_client, system):
    fria = start(owner_client, system)
    url = f"/o/acme/disclosure/fria/{fria.pk}/"
    shown = owner_client.get(url + "fria.json").json()
    data = {f"item_{k}": shown[k]["text"] for k in "abcdef"}
    owner_client.post(url, {**data, "period_of_use": "2026-2027", "frequency_of_use": "Daily"})
    fria.refresh_from_db()
    assert fria.narratives == {}
    assert "2026-2027" in owner_client.get(url + "fria.json").json()["b"]["text"]


def test_an_empty_newer_draft_does_not_hide_the_assessed_impacts(
    owner_client, owner, system, impact
):
    from rightslens.assessments.models import Assessment

    Assessment.objects.create(
        organisation=system.organisation, system=system, title="Pre-procurement, empty"
    )
    fria = start(owner_client, system)
    document = owner_client.get(f"/o/acme/disclosure/fria/{fria.pk}/fria.json").json()
    assert {"type": "impact", "id": impact.pk} in document["d"]["sources"]
    assert "from “Pre-procurement” v1" in document["d"]["text"]


def test_the_fria_documents_have_their_fixed_text_in_the_reader_language(
    owner_client, system, oversight
):
    from django.utils import translation

    fria = start(owner_client, system)
    url = f"/o/acme/disclosure/fria/{fria.pk}/"
    try:
        docx = owner_client.get(url + "fria.docx", HTTP_ACCEPT_LANGUAGE="fr")
        pack = owner_client.get(url + "notification.zip", HTTP_ACCEPT_LANGUAGE="es")
    finally:
        translation.activate("en")  # a request leaves its language active for later tests
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Analyse d'impact sur les droits fondamentaux :" in text
    assert "Lacune : no period of use recorded" in text and "Sources :" in text
    assert "Gap:" not in text and "Fundamental rights impact assessment" not in text
    note = zipfile.ZipFile(io.BytesIO(pack.content)).read("notification.txt").decode()
    assert "Notificación a la autoridad de vigilancia del mercado" in note
    assert "Lagunas abiertas:" in note and "Open gaps" not in note
