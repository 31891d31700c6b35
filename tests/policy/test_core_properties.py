from hypothesis import given, settings
from hypothesis import strategies as st

from rightslens.core.policy.analysis import analyse
from rightslens.core.policy.criteria import load_criteria
from rightslens.core.policy.provisions import sentences, split_provisions

LINES = st.sampled_from(
    [
        "Article 1",
        "Art. 2º Esta Lei não se aplica aos sistemas de defesa nacional.",
        "1. Providers shall carry out a human rights impact assessment.",
        "(2) Deployers may publish a summary;",
        "§ 3 Le fournisseur doit publier une analyse d'impact.",
        "Annex II",
        "",
        "   ",
        "\f",
        "Section 4: supervisory authority and penalties.",
        "This Act shall not apply to military uses.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=25))
def test_provisions_cover_the_text_in_order_and_every_evidence_slices_back(lines):
    text = "\n".join(lines)
    provisions = split_provisions(text)
    assert all(0 <= p.start < p.end <= len(text) for p in provisions)
    assert all(a.end <= b.start for a, b in zip(provisions, provisions[1:], strict=False))
    assert len({p.ref for p in provisions}) == len(provisions)
    for provision in provisions:
        for span in sentences(text, provision.start, provision.end):
            assert provision.start <= span.start < span.end <= provision.end
            assert text[span.start : span.end] == text[span.start : span.end].strip()
    for finding in analyse(text, load_criteria()).findings:
        assert finding.status in ("addressed", "partial", "absent", "contrary")
        assert 0.0 <= finding.confidence <= 1.0
        for item in finding.evidence:
            assert text[item.start : item.end] == item.text
