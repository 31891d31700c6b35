"""The suggestion benchmark reads any case files it is given and reports each split on its own."""

import json

import pytest

from benchmarks import suggest_bench


def _write(path, cases):
    path.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    return path


HIRING = {
    "text": "The model ranks CVs of job applicants and rejects candidates before any interview.",
    "lang": "en",
    "primary_right": "udhr-23",
    "categories": ["cat-work"],
}


def test_each_split_found_is_reported_on_its_own_in_first_seen_order(tmp_path, monkeypatch, capsys):
    fresh = _write(tmp_path / "fresh.jsonl", [{**HIRING, "id": "f-1", "split": "fresh"}])
    dev = _write(
        tmp_path / "dev.jsonl",
        [
            {**HIRING, "id": "d-1", "split": "dev"},
            {**HIRING, "id": "d-2", "split": "dev", "primary_right": "crc-28"},
        ],
    )
    monkeypatch.setattr(
        "sys.argv",
        [
            "suggest_bench",
            "--encoder",
            "hashing-fake",
            "--json",
            "--cases",
            str(fresh),
            "--cases",
            str(dev),
        ],
    )
    assert suggest_bench.main() == 0
    report = json.loads(capsys.readouterr().out)
    assert list(report["splits"]) == ["fresh", "dev"]
    assert report["splits"]["fresh"]["cases"] == 1
    assert report["splits"]["fresh"]["primary_right_among_suggestions"] == 1.0
    assert report["splits"]["dev"]["primary_right_among_suggestions"] == 0.5
    assert report["all"]["cases"] == 3
    assert report["speed"]["suggest_ms_p95"] >= report["speed"]["suggest_ms_median"]


def test_a_case_without_a_split_counts_as_unsplit(tmp_path):
    cases = suggest_bench.read_cases([_write(tmp_path / "c.jsonl", [HIRING])])
    assert cases[0]["split"] == "unsplit" and cases[0]["id"] == "c.jsonl:1"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "c.jsonl:2: not JSON"),
        (json.dumps({"text": "x", "categories": []}), "c.jsonl:2: missing primary_right"),
    ],
)
def test_a_bad_line_is_named_with_its_file_and_number(tmp_path, line, message):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(HIRING) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        suggest_bench.read_cases([path])


def test_a_missing_file_is_refused_with_its_name(tmp_path):
    with pytest.raises(ValueError, match="cannot read .*absent.jsonl"):
        suggest_bench.read_cases([tmp_path / "absent.jsonl"])


def test_another_labellers_labels_score_only_the_cases_they_cover(tmp_path, monkeypatch, capsys):
    dev = _write(
        tmp_path / "dev.jsonl",
        [{**HIRING, "id": "d-1", "split": "dev"}, {**HIRING, "id": "d-2", "split": "dev"}],
    )
    labels = _write(
        tmp_path / "b.jsonl",
        [{"id": "d-2", "primary_right": "crc-28", "categories": ["cat-child"]}],
    )
    monkeypatch.setattr(
        "sys.argv",
        [
            "suggest_bench",
            "--encoder",
            "hashing-fake",
            "--json",
            "--cases",
            str(dev),
            "--labels",
            str(labels),
        ],
    )
    assert suggest_bench.main() == 0
    report = json.loads(capsys.readouterr().out)
    assert report["splits"]["dev"]["primary_right_among_suggestions"] == 1.0
    other = report["other_labeller"]["dev"]
    assert other["cases"] == 1
    assert other["primary_right_among_suggestions"] == 0.0
    assert other["category_recall"] == 0.0


def test_unreadable_labels_are_named_with_their_line(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"id": "x", "categories": []}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="b.jsonl:1: missing primary_right"):
        suggest_bench.read_labels(path)


@pytest.mark.parametrize(
    ("split", "tuning"),
    [("dev", True), ("dev-r3", True), ("heldout", False), ("heldout-r3", False), ("fresh", False)],
)
def test_only_dev_splits_are_read_for_tuning(split, tuning):
    assert suggest_bench.is_tuning_split(split) is tuning
