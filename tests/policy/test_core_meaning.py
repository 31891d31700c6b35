import json

from rightslens.core.policy.analysis import (
    InstrumentMeta,
    analyse,
    report_json,
    with_second_opinions,
)
from rightslens.core.policy.criteria import load_criteria, source_kind
from rightslens.core.policy.second_opinion import ask, locate, verify
from rightslens.core.semantic import HashingEncoder

LAW = (
    "Article 1\nThis Act applies to providers of AI systems.\n\n"
    "Article 2\nProviders shall carry out a human rights impact assessment before deployment.\n\n"
    "Article 3\nAny person affected may lodge a complaint with the supervisory authority."
)


class CountingEncoder(HashingEncoder):
    def __init__(self) -> None:
        super().__init__()
        self.texts = 0

    def encode(self, texts):  # type: ignore[no-untyped-def]
        self.texts += len(texts)
        return super().encode(texts)


def test_provisions_are_encoded_once_per_document():
    encoder = CountingEncoder()
    criteria = load_criteria()
    analyse(LAW + "\n", criteria, InstrumentMeta(language="en"), encoder=encoder)
    first = encoder.texts
    analyse(LAW + "\n", criteria, InstrumentMeta(language="en"), encoder=encoder)
    assert encoder.texts - first == len(criteria)  # only the criteria, not the provisions again


def test_closest_provisions_put_the_lexical_match_first():
    report = analyse(LAW, load_criteria(), InstrumentMeta(language="en"), encoder=HashingEncoder())
    c2 = next(f for f in report.findings if f.code == "C2")
    assert c2.closest[0] == "Art. 2"


def test_a_quote_the_text_does_not_contain_is_dropped():
    opinions = verify(
        LAW,
        {
            "C2": {
                "status": "addressed",
                "quotes": [
                    "carry out a human rights\n impact assessment",
                    "an invented duty to do good",
                ],
            },
            "C7": {"status": "maybe", "quotes": []},
        },
    )
    assert set(opinions) == {"C2"}
    quote = opinions["C2"].quotes[0]
    assert LAW[quote.start : quote.end] == "carry out a human rights impact assessment"
    assert opinions["C2"].dropped_quotes == 1


def test_locate_maps_collapsed_whitespace_back_to_raw_offsets():
    text = "Providers   shall\n\npublish reports."
    found = locate(text, "shall publish reports")
    assert found is not None and text[found.start : found.end] == "shall\n\npublish reports"


def test_the_second_opinion_sits_beside_the_rules_status():
    answer = {"C2": {"status": "partial", "quotes": ["Providers shall carry out"], "reason": "r"}}
    reply = json.dumps({"choices": [{"message": {"content": json.dumps(answer)}}]}).encode()
    opinions = ask(LAW, load_criteria(), "http://model.invalid/v1", "m", transport=lambda *_: reply)
    report = with_second_opinions(
        analyse(LAW, load_criteria(), InstrumentMeta(language="en")), opinions
    )
    row = next(c for c in report_json(report)["criteria"] if c["id"] == "C2")  # type: ignore[union-attr]
    assert row["status"] == "addressed" and row["second_opinion"]["status"] == "partial"


def test_every_criterion_carries_its_sources_and_what_kind_of_demand_it_is():
    report = analyse(LAW, load_criteria(), InstrumentMeta(language="en"))
    for finding in report.findings:
        assert finding.sources and finding.basis
    assert source_kind("Guiding Principles on Business and Human Rights, Principle 3") == "ungp"
    assert (
        source_kind("UN: AI resolution must prioritise human rights (ARTICLE 19 and others)")
        == "civil_society"
    )
