from django.core.management import call_command

from rightslens.assessments.management.commands.generate_org import sizes
from rightslens.assessments.models import Action, Assessment, Impact
from rightslens.assessments.rules import impact_rating
from rightslens.core.severity import priority_number
from rightslens.grievances.models import Grievance
from rightslens.inventory.models import AISystem


def test_sizes_follow_the_systems_count_in_proportion():
    assert sizes(100, None) == {
        "systems": 100,
        "assessments": 500,
        "impacts": 5000,
        "actions": 2000,
        "grievances": 500,
    }
    assert sizes(None, None)["impacts"] == 50000
    assert sizes(30, 600) == {
        "systems": 30,
        "assessments": 150,
        "impacts": 600,
        "actions": 240,
        "grievances": 60,
    }


def test_generate_org_builds_a_varied_org_with_core_priorities_and_encrypted_grievances(db):
    call_command("generate_org", slug="gen", owner="gen@example.org", systems=6, impacts=120)
    assert AISystem.objects.filter(organisation__slug="gen").count() == 6
    assert Assessment.objects.filter(organisation__slug="gen").count() == 30
    impacts = Impact.objects.filter(organisation__slug="gen")
    assert impacts.count() == 120
    assert impacts.values("severity_band").distinct().count() > 1
    for impact in impacts[:20]:
        assert impact.priority == priority_number(impact_rating(impact))
        assert impact.affected_groups.exists()
    assert Action.objects.filter(organisation__slug="gen").count() == 48
    grievance = Grievance.objects.filter(organisation__slug="gen").first()
    assert grievance is not None and "Generated grievance" in grievance.content
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM grievances_grievance WHERE id = %s", [grievance.pk])
        (stored,) = cursor.fetchone()
    assert "Generated grievance" not in str(stored)  # encrypted at rest
