"""Remedy: several forms per grievance, proposed to the complainant as soon as it is recorded."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from rightslens.accounts.models import AuditEvent, Membership
from rightslens.core.grievance import (
    GrievanceState,
    can_transition,
    steps_when_remedy_recorded,
)
from rightslens.errors import FieldErrors
from rightslens.grievances.models import Remedy, StateChange
from rightslens.grievances.services import (
    grievance_remedy_record,
    grievance_submit,
    grievance_transition,
)

REVIEW = {
    "remedy_form": "remedy-restitution",
    "remedy_route": "route-non-state",
    "remedy_description": "A person reviewed your application again.",
    "remedy_provider": "Acme recruitment team",
    "remedy_date": "2026-11-30",
}
CONFIGURATION = {
    "remedy_form": "remedy-non-repetition",
    "remedy_route": "route-non-state",
    "remedy_description": "The tool no longer scores gaps in employment.",
    "remedy_provider": "Acme HR technology team, with the vendor",
    "remedy_date": "2026-12-15",
}


def _filed(org, state="acknowledged", owner=None, language="en"):
    grievance, code = grievance_submit(
        organisation=org, content="The CV tool rejected me.", language=language
    )
    officer = Membership.objects.get(user=owner)
    for step in ("acknowledged", "under_review")[
        : ("acknowledged", "under_review").index(state) + 1
    ]:
        grievance_transition(membership=officer, grievance=grievance, to_state=step)
    return grievance, code


def test_every_automatic_step_after_remedy_is_an_allowed_move():
    for state in GrievanceState:
        current = state
        for step in steps_when_remedy_recorded(state):
            assert can_transition(current, step), (state, step)
            current = step
    assert steps_when_remedy_recorded(GrievanceState.ACKNOWLEDGED)[-1] == "remedy_proposed"
    assert steps_when_remedy_recorded(GrievanceState.UNDER_REVIEW) == ("remedy_proposed",)
    assert steps_when_remedy_recorded(GrievanceState.CLOSED) == ()


def test_an_officer_records_two_forms_of_remedy_and_sees_both(org, owner, owner_client):
    grievance, _code = _filed(org, "under_review", owner)
    url = f"/o/acme/grievances/{grievance.pk}/remedy/"
    assert owner_client.post(url, REVIEW).status_code == 302
    assert owner_client.post(url, CONFIGURATION).status_code == 302
    remedies = list(grievance.remedies.all())
    assert [(r.form, r.provider, r.provided_on) for r in remedies] == [
        ("remedy-restitution", "Acme recruitment team", datetime.date(2026, 11, 30)),
        (
            "remedy-non-repetition",
            "Acme HR technology team, with the vendor",
            datetime.date(2026, 12, 15),
        ),
    ]
    page = owner_client.get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    assert "A person reviewed your application again." in page
    assert "The tool no longer scores gaps in employment." in page
    assert "Guarantee of non-repetition" in page and "15 Dec 2026" in page
    assert AuditEvent.objects.filter(verb="grievance.remedy").count() == 2


def test_recording_remedy_on_an_acknowledged_case_proposes_it_through_the_allowed_states(
    org, owner, owner_client
):
    grievance, _code = _filed(org, "acknowledged", owner)
    response = owner_client.post(f"/o/acme/grievances/{grievance.pk}/remedy/", REVIEW, follow=True)
    grievance.refresh_from_db()
    assert grievance.state == "remedy_proposed" and grievance.remedy_proposed_at is not None
    trail = [(c.from_state, c.to_state) for c in StateChange.objects.filter(grievance=grievance)]
    assert trail[-2:] == [("acknowledged", "under_review"), ("under_review", "remedy_proposed")]
    assert all(c.by == owner for c in StateChange.objects.filter(grievance=grievance)[1:])
    assert AuditEvent.objects.filter(
        verb="grievance.state", object_id=str(grievance.pk), after={"state": "remedy_proposed"}
    ).exists()
    assert "The case moved from Acknowledged to Remedy proposed" in response.content.decode()


def test_a_second_remedy_leaves_a_proposed_case_where_it_is(org, owner, owner_client):
    grievance, _code = _filed(org, "under_review", owner)
    url = f"/o/acme/grievances/{grievance.pk}/remedy/"
    owner_client.post(url, REVIEW)
    moves = StateChange.objects.filter(grievance=grievance).count()
    response = owner_client.post(url, CONFIGURATION, follow=True)
    grievance.refresh_from_db()
    assert grievance.state == "remedy_proposed"
    assert StateChange.objects.filter(grievance=grievance).count() == moves
    assert "The case stays Remedy proposed" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("remedy_description", "", "This field is required."),
        ("remedy_provider", "", "This field is required."),
        ("remedy_date", "", "This field is required."),
        ("remedy_form", "remedy-apology", "Select a valid choice."),
    ],
)
def test_an_incomplete_remedy_is_refused_and_nothing_moves(
    org, owner, owner_client, field, value, message
):
    grievance, _code = _filed(org, "under_review", owner)
    response = owner_client.post(
        f"/o/acme/grievances/{grievance.pk}/remedy/", REVIEW | {field: value}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    grievance.refresh_from_db()
    assert grievance.state == "under_review" and not Remedy.objects.exists()


def test_the_service_names_each_missing_part_and_refuses_a_case_not_yet_acknowledged(org, owner):
    officer = Membership.objects.get(user=owner)
    grievance, _code = _filed(org, "under_review", owner)
    with pytest.raises(FieldErrors) as refused:
        grievance_remedy_record(
            membership=officer,
            grievance=grievance,
            form="remedy-restitution",
            route="route-non-state",
            description=" ",
            provider="",
            provided_on=None,
        )
    assert set(refused.value.fields) == {"remedy_description", "remedy_provider", "remedy_date"}
    fresh, _code = grievance_submit(organisation=org, content="x", language="en")
    with pytest.raises(FieldErrors) as early:
        grievance_remedy_record(
            membership=officer,
            grievance=fresh,
            form="remedy-restitution",
            route="route-non-state",
            description="A review.",
            provider="Acme",
            provided_on=datetime.date(2026, 11, 30),
        )
    assert "Acknowledge" in early.value.fields["remedy_form"]
    assert not Remedy.objects.exists()


def test_the_complainant_reads_every_remedy_in_spanish_and_can_say_whether_it_helped(
    org, owner, owner_client
):
    grievance, code = _filed(org, "acknowledged", owner, language="es")
    url = f"/o/acme/grievances/{grievance.pk}/remedy/"
    owner_client.post(url, REVIEW)
    owner_client.post(url, CONFIGURATION)
    complainant = Client()
    complainant.cookies["django_language"] = "es"
    text = complainant.post("/g/acme/follow/", {"code": code, "action": "view"}).content.decode()
    assert "Garantía de no repetición" in text
    assert "Cambios para que el mismo daño no vuelva a ocurrir" in text
    assert "A través de este mecanismo de quejas." in text
    assert "Quién lo proporciona" in text and "Acme recruitment team" in text
    assert "The tool no longer scores gaps in employment." in text
    complainant.post(
        "/g/acme/follow/", {"code": code, "action": "feedback", "helped": "yes", "feedback": ""}
    )
    grievance.refresh_from_db()
    assert grievance.outcome_helped is True


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_a_remedy_recorded_the_old_way(org):
    executor = MigrationExecutor(connection)
    executor.migrate([("grievances", "0002_encrypt_disclosure_reason")])
    old = executor.loader.project_state([("grievances", "0002_encrypt_disclosure_reason")]).apps
    Grievance = old.get_model("grievances", "Grievance")
    grievance = Grievance.objects.create(
        organisation_id=org.pk,
        receipt_digest="d" * 64,
        state="remedy_proposed",
        content="Rejected.",
        remedy_form="remedy-compensation",
        remedy_route="route-non-state",
        remedy_description="We offer compensation.",
        remedy_proposed_at=datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC),
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    remedy = Remedy.objects.get(grievance_id=grievance.pk)
    assert (remedy.form, remedy.route, remedy.description) == (
        "remedy-compensation",
        "route-non-state",
        "We offer compensation.",
    )
    assert remedy.provided_on == datetime.date(2026, 3, 4)
    with connection.cursor() as cursor:
        cursor.execute("SELECT description FROM grievances_remedy")
        assert "compensation" not in cursor.fetchone()[0]  # still encrypted at rest
