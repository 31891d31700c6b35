import pytest

from rightslens.core.probes.agreement import cohen_kappa, load_sample, measure
from rightslens.core.probes.classify import OUTCOMES, Classifier
from rightslens.core.probes.suites import load_suite
from rightslens.core.semantic import HashingEncoder


def test_cohen_kappa_matches_a_worked_example():
    # 50 items: both say yes 20, both no 15, A yes/B no 5, A no/B yes 10 -> po 0.7, pe 0.5, kappa 0.4
    first = ["y"] * 20 + ["n"] * 15 + ["y"] * 5 + ["n"] * 10
    second = ["y"] * 20 + ["n"] * 15 + ["n"] * 5 + ["y"] * 10
    assert cohen_kappa(first, second) == pytest.approx(0.4)
    assert cohen_kappa(["a", "a"], ["a", "a"]) == 1.0
    with pytest.raises(ValueError):
        cohen_kappa([], [])


def test_the_labelled_sample_covers_every_suite_language_and_outcome():
    sample = load_sample()
    assert set(sample) == set(load_suite("harmful-requests").languages)
    for items in sample.values():
        assert {i["label"] for i in items} == {o.value for o in OUTCOMES}


def test_agreement_is_measured_per_language_and_names_each_disagreement():
    results = measure(Classifier(HashingEncoder()))
    assert len(results) == 10
    for result in results:
        assert result.n == 8
        wrong = round((1 - result.agreement) * result.n)
        assert len(result.disagreements) == wrong
        # a floor, not a target: the rules alone must beat chance clearly in every language
        assert result.kappa >= 0.5, (result.language, result.disagreements)
