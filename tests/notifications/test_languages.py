"""Notifications in the reader's language: emails in the recipient's, the inbox in the reader's."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import override, pgettext

from conftest import client_for, make_member
from rightslens.accounts.languages import mail_language
from rightslens.accounts.models import Membership
from rightslens.assessments.models import Assessment
from rightslens.assessments.reminders import reminders_send
from rightslens.inventory.testing import make_system
from rightslens.notifications import wording
from rightslens.notifications.models import Kind, Notification
from rightslens.notifications.services import notifications_digest, notify

DUE = dt.date(2026, 3, 5)


def _member(user) -> Membership:
    return Membership.objects.get(user=user)


def _choose(user, language: str) -> None:
    Membership.objects.filter(user=user).update(mail_language=language)


def _action_due(member, key="a1"):
    return notify(
        recipients=[member],
        kind=Kind.ACTION_DUE,
        form="action_overdue",
        parts={"date": DUE, "title": "Market entry"},
        link="/o/acme/assessments/1/plan/",
        key=key,
    )


@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        (
            "fr",
            "RightsLens : Action en retard (échéance le 5 mars 2026) dans « Market entry »",
            ["Ouvrir : /o/acme/", "Choisissez ce que vous recevez : /o/acme/inbox/preferences/"],
        ),
        (
            "es",
            "RightsLens: Acción vencida (venció el 5 de marzo de 2026) en «Market entry»",
            ["Abrir: /o/acme/", "Elija lo que recibe: /o/acme/inbox/preferences/"],
        ),
        (
            "en",
            "RightsLens: Action overdue (5 Mar 2026) in “Market entry”",
            ["Open: /o/acme/", "Choose what you receive: /o/acme/inbox/preferences/"],
        ),
    ],
)
def test_an_email_is_written_in_the_recipients_chosen_language(owner, language, subject, body):
    _choose(owner, language)
    _action_due(_member(owner))
    [email] = mail.outbox
    assert email.subject == subject
    assert all(line in email.body for line in body), email.body
    assert email.body.splitlines()[0] == subject.split(":", 1)[1].strip()  # the subject, said again


def test_without_a_choice_emails_follow_the_language_of_the_last_visit(owner):
    client = client_for(owner)
    client.get("/o/acme/inbox/", HTTP_ACCEPT_LANGUAGE="es")
    assert _member(owner).last_language == "es"
    _action_due(_member(owner))
    assert mail.outbox[0].subject.startswith("RightsLens: Acción vencida (venció el 5")
    assert "Abrir: /o/acme/assessments/1/plan/" in mail.outbox[0].body


def test_a_chosen_language_wins_over_the_last_visit(owner):
    client_for(owner).get("/o/acme/inbox/", HTTP_ACCEPT_LANGUAGE="es")
    _choose(owner, "fr")
    assert mail_language(_member(owner)) == "fr"
    client_for(owner).get("/o/acme/inbox/", HTTP_ACCEPT_LANGUAGE="en")
    assert mail_language(_member(owner)) == "fr"  # the visit in English changes the fallback only
    assert _member(owner).last_language == "en"


def test_the_digest_is_written_in_the_members_language(owner_client, owner):
    owner_client.post(
        "/o/acme/inbox/preferences/",
        {f"{Kind.ACTION_DUE}:in_app": "on", f"{Kind.ACTION_DUE}:digest": "on"},
    )
    _choose(owner, "fr")
    _action_due(_member(owner), "a1")
    _action_due(_member(owner), "a2")
    assert notifications_digest() == 1
    [email] = mail.outbox
    assert email.subject == "Récapitulatif quotidien RightsLens : 2 nouveautés"
    assert "Votre récapitulatif RightsLens pour" in email.body
    assert "Action en retard (échéance le 5" in email.body


def test_a_review_reminder_is_written_in_the_owners_language(org, owner):
    _choose(owner, "es")
    org.review_period_days = 1
    org.save()
    assessment = Assessment.objects.create(
        organisation=org,
        system=make_system(org),
        title="Market entry",
        kind="rapid",
        trigger="market_entry",
        created_by=owner,
    )
    Assessment.objects.filter(pk=assessment.pk).update(created_at="2020-01-01T00:00:00Z")
    assert reminders_send(organisation=org) == 1
    [email] = mail.outbox
    assert email.subject == "RightsLens: Market entry necesita una revisión"
    assert "para iniciar una revisión" in email.body and "needs review" not in email.subject


def test_an_invitation_is_written_in_the_inviters_language(owner_client):
    owner_client.post(
        "/o/acme/people/invite/",
        {"email": "newcomer@acme.test", "role": "assessor"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    [email] = mail.outbox
    assert email.subject.startswith("RightsLens : invitation à rejoindre")
    assert "Le lien ne fonctionne qu’une fois." in email.body


def test_an_invitation_from_an_english_inviter_stays_in_english(owner_client):
    owner_client.post(
        "/o/acme/people/invite/",
        {"email": "newcomer@acme.test", "role": "assessor"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert mail.outbox[0].subject.startswith("RightsLens: you are invited to join")
    assert "The link works once." in mail.outbox[0].body


def _old_row(member, kind, subject, key):
    """A notification written before subjects kept their parts: English text, no params."""
    return Notification.objects.create(
        organisation=member.organisation,
        recipient=member,
        kind=kind,
        subject=subject,
        link="/o/acme/tasks/",
        key=key,
        created_at=timezone.now(),
    )


@pytest.mark.parametrize(
    ("language", "new", "old", "unreadable"),
    [
        (
            "fr",
            "Action en retard (échéance le 5",
            "Dossier n° 12 : réponse en retard (échéance le 3",
            "Something the old code said",
        ),
        (
            "es",
            "Acción vencida (venció el 5",
            "Caso n.º 12: respuesta vencida (venció el 3",
            "Something the old code said",
        ),
        (
            "en",
            "Action overdue (5 Mar 2026) in “Market entry”",
            "Case #12: response overdue (3 Feb 2026)",
            "Something the old code said",
        ),
    ],
)
def test_the_inbox_shows_new_and_old_subjects_in_the_readers_language(
    owner, language, new, old, unreadable
):
    member = _member(owner)
    _action_due(member)
    _old_row(member, Kind.GRIEVANCE_DEADLINE, "Case #12: response overdue (03 Feb 2026)", "o1")
    _old_row(member, Kind.ACTION_DUE, "Something the old code said", "o2")
    page = client_for(owner).get("/o/acme/inbox/", HTTP_ACCEPT_LANGUAGE=language)
    html = page.content.decode()
    assert new in html and old in html and unreadable in html
    if language != "en":
        assert "response overdue" not in html and "Action overdue" not in html


def test_new_subjects_keep_their_parts_and_the_english_text(owner):
    [n] = _action_due(_member(owner))
    assert n.subject == "Action overdue (05 Mar 2026) in “Market entry”"
    assert n.params == {"form": "action_overdue", "date": "2026-03-05", "title": "Market entry"}


def test_the_preference_form_saves_the_language_and_refuses_a_bad_one(owner_client, owner):
    page = owner_client.get("/o/acme/inbox/preferences/").content.decode()
    assert 'name="mail_language"' in page and "français" in page and "español" in page
    response = owner_client.post(
        "/o/acme/inbox/preferences/", {f"{Kind.ACTION_DUE}:in_app": "on", "mail_language": "es"}
    )
    assert response.status_code == 302 and _member(owner).mail_language == "es"
    assert 'value="es" selected' in owner_client.get("/o/acme/inbox/preferences/").content.decode()
    refused = owner_client.post(
        "/o/acme/inbox/preferences/", {f"{Kind.ACTION_DUE}:email": "on", "mail_language": "de"}
    )
    assert refused.status_code == 400
    assert "Choose one of the languages offered." in refused.content.decode()
    member = _member(owner)
    assert member.mail_language == "es"  # nothing saved
    assert member.notification_preferences.get(kind=Kind.ACTION_DUE).email is False
    owner_client.post("/o/acme/inbox/preferences/", {"mail_language": ""})
    assert _member(owner).mail_language == ""


def test_the_preference_page_is_translated(owner):
    page = client_for(owner).get("/o/acme/inbox/preferences/", HTTP_ACCEPT_LANGUAGE="es")
    html = page.content.decode()
    assert "Idioma de mis correos" in html and "Como mi navegador" in html


def test_every_kind_has_forms_and_every_form_french_and_spanish_wording():
    kinds_with_forms = {kind for kind, _sentence in wording.FORMS.values()}
    assert kinds_with_forms == set(Kind.values), "a kind of notification has no subject form"
    for form, (_kind, sentence) in wording.FORMS.items():
        placeholders = sorted(re.findall(r"%\(\w+\)s", sentence))
        for language in ("fr", "es"):
            with override(language):
                said = pgettext(wording.CONTEXT, sentence)
            assert said != sentence, f"{form} has no {language} wording"
            assert sorted(re.findall(r"%\(\w+\)s", said)) == placeholders, (form, language)


def test_every_form_reads_back_from_its_english_subject():
    parts = {
        "case": "7",
        "date": dt.date(2026, 1, 9),
        "title": "Market entry",
        "system": "HireRank",
        "version": "2",
        "counterparty": "Vendor Ltd",
    }
    for form, (kind, sentence) in wording.FORMS.items():
        used = {k: v for k, v in parts.items() if f"%({k})s" in sentence}
        english, params = wording.compose(form, **used)
        assert wording.read_back(kind, english) == params, form


def test_an_officer_reads_a_new_grievance_notification_in_french(org, owner):
    officer = make_member(org, "officer@acme.test", "contributor", officer=True)
    notify(
        recipients=[_member(officer)],
        kind=Kind.GRIEVANCE_NEW,
        form="grievance_new",
        parts={"case": 41},
        link="/o/acme/grievances/41/",
        key="g41",
    )
    html = client_for(officer).get("/o/acme/inbox/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Nouvelle réclamation reçue : dossier n° 41" in html
