import json

import pytest

from rightslens.accounts.models import Organisation
from rightslens.assessments import demo
from rightslens.assessments.models import Assessment, Impact
from rightslens.assessments.register import register_rows
from rightslens.cli import main
from rightslens.inventory.models import AISystem


@pytest.fixture
def demo_org(org, owner):
    demo.load_assessments(org, owner)
    return org


def test_it_loads_three_systems_across_the_value_chain(demo_org):
    roles = {
        s.name: set(s.value_chain_roles) for s in AISystem.objects.filter(organisation=demo_org)
    }
    assert len(roles) == 3
    assert roles["Lumen Chat"] >= {"developer"}
    assert roles["TalentSift CV screening"] >= {"deployer", "procurer"}
    chat = AISystem.objects.get(name="Lumen Chat")
    assert chat.countries == ["KE", "BR", "ID"] and chat.languages == ["en", "sw", "pt", "id"]
    for assessment in Assessment.objects.filter(organisation=demo_org):
        assert 3 <= assessment.impacts.count() <= 5


def test_every_knowledge_reference_resolves(demo_org, kb):
    for impact in Impact.objects.filter(organisation=demo_org):
        assert impact.rights and all(kb.get(r).type == "right" for r in impact.rights)
        assert kb.get(impact.risk_category).type == "risk_category"


def test_the_register_order_is_one_a_practitioner_would_defend(demo_org):
    rows = register_rows(organisation=demo_org)
    first = rows[0].impact
    assert first.actual and first.risk_category == "cat-equality"
    bands = [r.impact.severity_band for r in rows]
    assert bands == sorted(bands, reverse=True)
    severe = [r.impact for r in rows if r.impact.severity_band == 4]
    # Within the severe band, irreversible harms come before merely widespread ones.
    irreversible = [i for i in severe if i.irremediability == 4]
    widespread_only = [i for i in severe if i.scope == 4 and i.irremediability < 4]
    assert irreversible and widespread_only
    assert max(severe.index(i) for i in irreversible) < min(
        severe.index(i) for i in widespread_only
    )
    # Risk to the business does not lift a lower-severity impact: the election impact is critical
    # for the business yet ranks below severe impacts rated lower for the business.
    election = next(r for r in rows if "election" in r.impact.title)
    assert election.impact.business_risk == 4
    assert any(r.rank < election.rank and (r.impact.business_risk or 0) < 4 for r in rows)


def test_the_cli_shows_a_system_and_its_assessments(demo_org, capsys):
    system = AISystem.objects.get(name="Lumen Chat")
    assert (
        main(["system", "show", "--org", "acme", "--system", str(system.pk), "--format", "json"])
        == 0
    )
    document = json.loads(capsys.readouterr().out)
    assert document["name"] == "Lumen Chat"
    assert document["assessments"][0]["status"] == "draft"
    assert set(document["assessments"][0]) >= {"status", "version", "approved_at"}


def test_the_cli_says_when_a_system_is_not_in_the_organisation(demo_org, other_org, capsys):
    system = AISystem.objects.get(name="Lumen Chat")
    assert main(["system", "show", "--org", other_org.slug, "--system", str(system.pk)]) == 1
    assert "No system" in capsys.readouterr().err
    assert Organisation.objects.filter(slug=other_org.slug).exists()
