import pytest

from rightslens.assessments.models import Assessment
from rightslens.errors import FieldErrors
from rightslens.inventory import services
from rightslens.inventory.models import AffectedGroup, AISystem
from rightslens.inventory.testing import make_system

VALID = {
    "name": "Helpdesk bot",
    "purpose": "Answers customer questions",
    "value_chain_roles": ["deployer"],
    "lifecycle_stage": "deploy",
    "kind": "generative_application",
    "weights": "not_applicable",
    "countries": "ke, BR",
    "languages": "en, sw, pt-br",
    "sectors": "retail",
}


def test_it_adds_a_system_with_normalised_codes(org, owner_client):
    response = owner_client.post("/o/acme/systems/new/", VALID)
    system = AISystem.objects.get(organisation=org)
    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/systems/{system.pk}/"
    assert system.countries == ["KE", "BR"]
    assert system.languages == ["en", "sw", "pt-BR"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("countries", "KE, XX", "Not ISO 3166 country codes: XX"),
        ("languages", "en, klingon", "Not language codes: klingon"),
        ("value_chain_roles", [], "Say which role"),
        ("name", "", "This field is required"),
    ],
)
def test_it_refuses_bad_input_next_to_the_field_and_saves_nothing(
    org, owner_client, field, value, message
):
    response = owner_client.post("/o/acme/systems/new/", VALID | {field: value})
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert not AISystem.objects.exists()


def test_it_filters_by_kind_stage_role_and_archive(org, owner, owner_client):
    chat = services.system_create(
        organisation=org, actor=owner, **(VALID | {"countries": [], "languages": [], "sectors": []})
    )
    model = make_system(org, "Scoring model")
    services.system_archive(system=model, actor=owner)

    def names(query):
        return {s.name for s in owner_client.get("/o/acme/systems/" + query).context["systems"]}

    assert names("") == {chat.name}
    assert names("?kind=other_ai&archived=all") == {"Scoring model"}
    assert names("?lifecycle_stage=deploy&archived=archived") == {"Scoring model"}
    assert names("?role=deployer") == {chat.name}
    assert names("?role=developer&archived=all") == {"Scoring model"}


def test_the_list_answers_htmx_with_the_table_only(org, owner_client):
    make_system(org)
    response = owner_client.get("/o/acme/systems/", HTTP_HX_REQUEST="true")
    assert b"<table" in response.content
    assert b"<html" not in response.content


def test_archiving_keeps_an_assessed_system_and_deleting_it_is_refused(org, owner, owner_client):
    system = make_system(org)
    Assessment.objects.create(organisation=org, system=system, title="A")
    owner_client.post(f"/o/acme/systems/{system.pk}/archive/")
    system.refresh_from_db()
    assert system.is_archived
    with pytest.raises(FieldErrors) as exc:
        services.system_delete(system=system, actor=owner)
    assert "archive it instead" in exc.value.fields["system"]
    assert AISystem.objects.filter(pk=system.pk).exists()


def test_a_material_edit_is_stamped_but_a_name_fix_is_not(org, owner):
    system = make_system(org)
    services.system_update(system=system, actor=owner, name="Renamed")
    assert system.changed_at is None
    services.system_update(system=system, actor=owner, countries=["KE", "ID"])
    assert system.changed_at is not None
    assert AISystem.objects.get(pk=system.pk).countries == ["KE", "ID"]


def test_an_affected_group_links_to_a_knowledge_base_vulnerable_group(org, owner, owner_client):
    system = make_system(org)
    url = f"/o/acme/systems/{system.pk}/groups/new/"
    owner_client.post(
        url, {"name": "Teenagers", "vulnerable": "on", "vulnerability": "vg-children"}
    )
    assert AffectedGroup.objects.get(name="Teenagers").vulnerability == "vg-children"
    response = owner_client.post(
        url, {"name": "Other", "vulnerable": "on", "vulnerability": "vg-nonexistent"}
    )
    assert response.status_code == 400
    assert "vulnerability" in response.context["form"].errors
    with pytest.raises(FieldErrors) as exc:
        services.affected_group_create(
            system=system, actor=owner, name="X", vulnerability="udhr-19", vulnerable=True
        )
    assert "not a vulnerable group" in exc.value.fields["vulnerability"]


def test_a_component_and_vendor_are_recorded(org, owner_client):
    system = make_system(org)
    owner_client.post(
        f"/o/acme/systems/{system.pk}/components/new/",
        {"name": "Screening model", "vendor": "TalentSift"},
    )
    page = owner_client.get(f"/o/acme/systems/{system.pk}/")
    assert "Screening model (TalentSift)" in page.content.decode()


def test_a_viewer_sees_the_inventory_but_cannot_add(org, viewer_client):
    make_system(org)
    assert viewer_client.get("/o/acme/systems/").status_code == 200
    assert viewer_client.post("/o/acme/systems/new/", VALID).status_code == 403
    assert AISystem.objects.count() == 1
