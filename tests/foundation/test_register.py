import pytest

from rightslens.assessments.models import Action, Assessment
from rightslens.assessments.register import RegisterFilters, register_rows, severity_picture
from rightslens.assessments.testing import make_impact
from rightslens.inventory.testing import make_system


@pytest.fixture
def impacts(org, other_org):
    chat = Assessment.objects.create(
        organisation=org, system=make_system(org, "Chat"), title="Chat"
    )
    fraud = Assessment.objects.create(
        organisation=org, system=make_system(org, "Fraud model"), title="Fraud"
    )
    theirs = Assessment.objects.create(
        organisation=other_org, system=make_system(other_org), title="Theirs"
    )
    return {
        "wide_likely": make_impact(
            chat, title="Wide and likely", scope=3, likelihood=5, business_risk=4
        ),
        "severe_rare": make_impact(
            chat, title="Severe but rare", irremediability=4, likelihood=1, rights=["udhr-19"]
        ),
        "actual": make_impact(
            fraud,
            title="Actual discrimination",
            scale=4,
            actual=True,
            likelihood=None,
            involvement="contribute",
            rights=["udhr-7"],
        ),
        "minor": make_impact(
            fraud, title="Minor", scale=1, scope=1, irremediability=1, likelihood=5
        ),
        "foreign": make_impact(theirs, title="Other organisation's impact"),
    }


def test_severity_dominates_and_irremediable_comes_first(org, impacts):
    titles = [row.impact.title for row in register_rows(organisation=org)]
    assert titles == ["Severe but rare", "Actual discrimination", "Wide and likely", "Minor"]


def test_filters_keep_the_register_rank(org, impacts):
    rows = register_rows(
        organisation=org, filters=RegisterFilters(system=impacts["minor"].assessment.system_id)
    )
    assert [(r.rank, r.impact.title) for r in rows] == [(2, "Actual discrimination"), (4, "Minor")]
    assert [
        r.impact.title
        for r in register_rows(organisation=org, filters=RegisterFilters(right="udhr-7"))
    ] == ["Actual discrimination"]
    assert [
        r.impact.title for r in register_rows(organisation=org, filters=RegisterFilters(band=4))
    ] == ["Severe but rare", "Actual discrimination"]
    assert [
        r.impact.title
        for r in register_rows(organisation=org, filters=RegisterFilters(involvement="contribute"))
    ] == ["Actual discrimination"]


def test_each_row_says_what_response_is_required_and_whether_actions_cover_it(org, impacts):
    actual = impacts["actual"]
    Action.objects.create(organisation=org, impact=actual, action_type="cease", description="Stop")
    Action.objects.create(
        organisation=org, impact=actual, action_type="remedy", description="Pay", status="cancelled"
    )
    row = next(r for r in register_rows(organisation=org) if r.impact == actual)
    assert [r.code for r in row.response.requirements] == [
        "stop_contribution",
        "leverage",
        "remedy",
    ]
    assert [r.code for r in row.unmet] == [
        "leverage",
        "remedy",
    ]  # a cancelled action covers nothing


def test_the_page_shows_business_risk_apart_and_hides_other_organisations(
    org, impacts, owner_client
):
    page = owner_client.get("/o/acme/register/").content.decode()
    assert "Risk to the business (separate)" in page
    assert "4 – Critical" in page
    assert "Other organisation" not in page
    table = page[page.index('class="register"') :]
    assert table.index("Severe but rare") < table.index("Wide and likely")


def test_the_register_answers_htmx_with_the_table_only(org, impacts, owner_client):
    response = owner_client.get("/o/acme/register/?band=4", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body
    assert "Severe but rare" in body and "Minor" not in body


def test_the_picture_puts_every_more_severe_impact_left_of_every_less_severe_one(org, impacts):
    picture = severity_picture(register_rows(organisation=org))
    assert [c.label for c in picture.columns] == ["Severe", "High", "Medium", "Low"]
    happened = picture.rows[0]
    assert happened.actual and [r.impact.title for r in happened.cells[0][1]] == [
        "Actual discrimination"
    ]
    column_of = {
        r.impact.title: i
        for row in picture.rows
        for i, (_, rows) in enumerate(row.cells)
        for r in rows
    }
    assert column_of["Severe but rare"] < column_of["Wide and likely"] < column_of["Minor"]


def test_sorting_by_business_risk_reorders_the_view_but_not_the_ranks(org, impacts):
    rows = register_rows(organisation=org, filters=RegisterFilters(sort="business_risk"))
    assert rows[0].impact.title == "Wide and likely"  # business risk 4
    assert rows[0].rank == 3  # still third in the order to address impacts on people


def test_a_severe_impacts_required_response_says_it_is_severe(org, impacts):
    rows = {r.impact.title: r for r in register_rows(organisation=org)}
    assert "severe" in rows["Severe but rare"].response.guidance
    assert "severe" not in rows["Minor"].response.guidance
