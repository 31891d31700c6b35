from datetime import datetime, timedelta

import pytest

from rightslens.core.grievance import (
    RECEIPT_LENGTH,
    Gp31Criterion,
    Gp31Rating,
    GrievanceState,
    TargetTimes,
    can_transition,
    due_at,
    gp31_gaps,
    moves_from,
    receipt_code_digest,
    receipt_code_new,
    receipt_code_normalise,
    sniff_attachment_type,
    suppress_small,
)


def test_receipt_codes_are_long_grouped_and_unique():
    codes = {receipt_code_new() for _ in range(200)}
    assert len(codes) == 200
    code = codes.pop()
    assert len(code.replace("-", "")) == RECEIPT_LENGTH >= 20
    assert [len(g) for g in code.split("-")] == [5, 5, 5, 5, 5]


def test_it_forgives_case_spaces_and_lookalikes_when_normalising():
    code = receipt_code_new()
    typed = code.lower().replace("-", " ").replace("o", "0").replace("i", "1")
    assert receipt_code_normalise(typed) == code.replace("-", "")


@pytest.mark.parametrize("typed", ["", "ABC", "A" * 26, "ABCDE-FGHIJ-KLMNO-PQRST-UVWX9"])
def test_it_rejects_malformed_codes(typed):
    assert receipt_code_normalise(typed) is None


def test_the_digest_depends_on_the_key():
    code = receipt_code_normalise(receipt_code_new())
    assert receipt_code_digest(code, b"k1") != receipt_code_digest(code, b"k2")
    assert code not in receipt_code_digest(code, b"k1")


def test_states_follow_the_published_path():
    assert can_transition(GrievanceState.RECEIVED, GrievanceState.ACKNOWLEDGED)
    assert can_transition(GrievanceState.CLOSED, GrievanceState.APPEALED)
    assert not can_transition(GrievanceState.RECEIVED, GrievanceState.REMEDY_PROPOSED)
    assert not can_transition(GrievanceState.CLOSED, GrievanceState.RECEIVED)


def test_due_dates_come_from_the_target_times():
    received = datetime(2026, 1, 1)
    targets = TargetTimes(acknowledge_days=3)
    assert due_at(received, GrievanceState.ACKNOWLEDGED, targets) == received + timedelta(days=3)
    assert due_at(received, GrievanceState.CLOSED, targets) is None


def test_small_counts_are_suppressed_but_zero_and_five_are_shown():
    assert suppress_small({"a": 0, "b": 1, "c": 4, "d": 5, "e": 12}) == {
        "a": 0,
        "b": None,
        "c": None,
        "d": 5,
        "e": 12,
    }


def test_it_sniffs_only_pdf_png_and_jpeg():
    assert sniff_attachment_type(b"%PDF-1.7 ...") == "application/pdf"
    assert sniff_attachment_type(b"\x89PNG\r\n\x1a\nxxxx") == "image/png"
    assert sniff_attachment_type(b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert sniff_attachment_type(b"MZ\x90\x00") is None
    assert sniff_attachment_type(b"<html>") is None


def test_unrated_and_partly_met_criteria_are_gaps():
    gaps = gp31_gaps(
        {Gp31Criterion.LEGITIMATE: Gp31Rating.MET, Gp31Criterion.ACCESSIBLE: Gp31Rating.PARTLY_MET}
    )
    assert Gp31Criterion.LEGITIMATE not in gaps
    assert Gp31Criterion.ACCESSIBLE in gaps
    assert len(gaps) == 7


def test_a_received_case_is_acknowledged_before_it_can_be_closed():
    assert not can_transition(GrievanceState.RECEIVED, GrievanceState.CLOSED)
    assert moves_from(GrievanceState.RECEIVED) == (GrievanceState.ACKNOWLEDGED,)


def test_the_moves_offered_are_exactly_the_published_ones():
    for state in GrievanceState:
        offered = moves_from(state)
        assert all(can_transition(state, target) for target in offered)
        assert len(offered) == sum(can_transition(state, t) for t in GrievanceState)
