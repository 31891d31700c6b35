"""Journey 2: a CI job asks the server whether a changed system needs a lighter assessment."""

from __future__ import annotations

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
    assert "current" in capsys.readouterr().out


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

    assert _check(live_server, token, approved_system) == 0  # the open one now answers for it


@pytest.mark.django_db(transaction=True)
def test_it_reports_bad_tokens_and_foreign_systems_clearly(
    live_server, owner, outsider, approved_system, capsys
):
    assert _check(live_server, "rl_not-a-token", approved_system) == 2
    assert "401" in capsys.readouterr().err
    assert _check(live_server, token_for(outsider), approved_system) == 2
    assert "404" in capsys.readouterr().err
