"""Journey 2: a CI job asks the server whether a changed system needs a lighter assessment."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import token_for
from rightslens.assessments.models import Assessment, AssessmentStatus
from rightslens.cli import main
from rightslens.inventory.models import AISystem
from rightslens.inventory.services import system_update


@pytest.fixture
def approved_system(org, owner):
    system = AISystem.objects.create(
        organisation=org,
        name="Assistant",
        purpose="Answers questions",
        lifecycle_stage="deploy",
        kind="generative_application",
        languages=["en"],
        value_chain_roles=["developer"],
    )
    Assessment.objects.create(
        organisation=org,
        system=system,
        title="Launch review",
        status=AssessmentStatus.APPROVED,
        approved_at=timezone.now() - timedelta(days=1),
        approved_by=owner,
    )
    return system


def _check(live_server, token, system, *extra):
    return main(
        [
            "ci",
            "check",
            "--url",
            live_server.url,
            "--token",
            token,
            "--org",
            "acme",
            "--system",
            str(system.pk),
            *extra,
        ]
    )


@pytest.mark.django_db(transaction=True)
def test_it_passes_while_the_approved_assessment_is_current(
    live_server, owner, approved_system, capsys
):
    assert _check(live_server, token_for(owner), approved_system) == 0
    assert "Cleared" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_a_material_change_needs_a_rapid_assessment_and_ci_can_open_it(
    live_server, owner, approved_system, capsys
):
    token = token_for(owner)
    system_update(
        system=approved_system,
        actor=owner,
        description="Now also generates images from prompts.",
        languages=["en", "fr"],
    )

    assert (
        _check(live_server, token, approved_system, "--start", "--note", "Image generation added")
        == 3
    )
    output = capsys.readouterr().out
    assert "rapid assessment is needed" in output
    opened = Assessment.objects.get(system=approved_system, status=AssessmentStatus.DRAFT)
    assert (opened.kind, opened.trigger_note) == ("rapid", "Image generation added")

    # The open one is in progress: not cleared, with its own exit code.
    assert _check(live_server, token, approved_system) == 4
    assert "In progress, not cleared" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_it_reports_bad_tokens_and_foreign_systems_clearly(
    live_server, owner, outsider, approved_system, capsys
):
    assert _check(live_server, "rl_not-a-token", approved_system) == 2
    assert "401" in capsys.readouterr().err
    assert _check(live_server, token_for(outsider), approved_system) == 2
    assert "404" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_a_system_never_approved_is_in_progress_not_cleared_while_a_draft_is_open(
    live_server, owner, org, capsys
):
    system = AISystem.objects.create(
        organisation=org, name="Risk model", purpose="p", lifecycle_stage="design", kind="other_ai"
    )
    Assessment.objects.create(organisation=org, system=system, title="First look")
    assert _check(live_server, token_for(owner), system) == 4
    output = capsys.readouterr().out
    assert "In progress, not cleared" in output and "No approved assessment" in output


@pytest.mark.django_db(transaction=True)
def test_an_old_unrelated_draft_does_not_clear_a_changed_system(
    live_server, owner, approved_system, capsys
):
    old = Assessment.objects.create(
        organisation=approved_system.organisation, system=approved_system, title="Old draft"
    )
    Assessment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    system_update(system=approved_system, actor=owner, purpose="Now screens job applicants.")
    assert _check(live_server, token_for(owner), approved_system) == 3
    output = capsys.readouterr().out
    assert "Assessment is current" not in output and "Cleared" not in output
    assert "System changed after sign-off" in output
    assert f"#{old.pk} was started before the system's last change" in output


@pytest.mark.django_db(transaction=True)
def test_the_api_and_the_cli_give_the_same_status(live_server, owner, approved_system, capsys):
    from rightslens.assessments.cycle_selectors import system_clearance

    Assessment.objects.filter(system=approved_system).update(
        approved_at=timezone.now() - timedelta(days=800)
    )
    assert _check(live_server, token_for(owner), approved_system, "--format", "json") == 3
    printed = json.loads(capsys.readouterr().out)
    assert printed == system_clearance(approved_system)
    assert printed["status"] == "assessment_needed" and not printed["cleared"]


def test_the_command_uses_the_published_exit_codes():
    from rightslens.commands import ci
    from rightslens.core.gates import EXIT_CODES

    assert ci.EXIT_CODES == {status.value: code for status, code in EXIT_CODES.items()}


def test_system_show_prints_the_same_clearance(approved_system, capsys):
    from rightslens.assessments.cycle_selectors import system_clearance

    main(
        ["system", "show", "--org", "acme", "--system", str(approved_system.pk), "--format", "json"]
    )
    assert json.loads(capsys.readouterr().out)["clearance"] == system_clearance(approved_system)
    main(["system", "show", "--org", "acme", "--system", str(approved_system.pk)])
    assert "Cleared: a current approved assessment" in capsys.readouterr().out
