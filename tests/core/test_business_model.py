from rightslens.core.business_model import (
    BusinessModel,
    ReleaseSpeed,
    ReleaseStyle,
    RevenueModel,
    TargetCustomer,
    WeightsPolicy,
    inherent_risks,
)


def model(**overrides):
    base = dict(
        general_purpose=False,
        revenue_model=RevenueModel.ENTERPRISE_LICENCE,
        target_customers=(TargetCustomer.ENTERPRISES,),
        release_speed=ReleaseSpeed.GATED,
        release_style=ReleaseStyle.STAGED_ACCESS,
        weights=WeightsPolicy.CLOSED,
    )
    return BusinessModel(**{**base, **overrides})


def codes(m):
    return [r.code for r in inherent_risks(m)]


def test_a_narrow_gated_closed_model_carries_no_listed_risk():
    assert codes(model()) == []


def test_an_open_general_purpose_raced_model_goes_to_the_board():
    found = codes(
        model(general_purpose=True, weights=WeightsPolicy.OPEN, release_speed=ReleaseSpeed.RACED)
    )
    assert found == ["general-purpose", "release-pressure", "open-weights"]


def test_state_and_consumer_customers_each_raise_a_decision():
    risks = inherent_risks(
        model(target_customers=(TargetCustomer.PUBLIC_SECTOR, TargetCustomer.CONSUMERS))
    )
    assert [r.code for r in risks] == ["state-customers", "consumer-scale"]
    assert all(r.board_decision.endswith("?") and "practice 1" in r.source for r in risks)


def test_advertising_revenue_is_flagged():
    assert "attention-revenue" in codes(model(revenue_model=RevenueModel.ADVERTISING))
