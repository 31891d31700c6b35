import pytest
import yaml

from benchmarks.policy_corpus_bench import CORPUS, cohen_kappa

HELD_OUT = (
    # The EU AI Act by its number and its short title in brackets, as the Official Journal gives
    # it: "Transparency in Frontier Artificial Intelligence Act" (California SB 53) is another law.
    "(artificial intelligence act)",
    "laying down harmonised rules on artificial intelligence",
    "nist ai",
    "78/265",
    "2338",
    "24-205",
    "c-27",
    "artificial intelligence and data act",
    "ai basic act",
    "model ai governance framework",
)


def test_cohen_kappa_matches_a_worked_example():
    first = ["a", "a", "p", "x", "x", "x"]
    second = ["a", "p", "p", "x", "x", "a"]
    # observed 4/6; expected (2*2 + 1*2 + 3*2) / 36 = 12/36
    assert cohen_kappa(first, second) == round((4 / 6 - 12 / 36) / (1 - 12 / 36), 3)


def test_the_corpus_has_twelve_real_instruments_in_four_languages_and_none_held_out():
    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    instruments = corpus["instruments"]
    assert len(instruments) >= 12
    assert len({i["language"] for i in instruments.values()}) >= 4
    assert {True, False} <= {i["binding"] for i in instruments.values()}
    for name, item in instruments.items():
        text = (CORPUS.parent / item["text_file"]).read_text(encoding="utf-8").lower()
        assert item["source_url"].startswith("https://"), name
        assert not any(h in name or h in text[:300] for h in HELD_OUT), name
        assert len(item["labels"]["a"]) == 21


def test_no_labelled_split_holds_an_instrument_the_issue_holds_out():
    """Every corpus the learned reading trains on, not only the first: a held-out instrument once
    slipped into a later split (the NIST AI RMF in policy_fresh25) and was removed."""
    from benchmarks.policy_calibration_train import CORPORA

    for corpus_file in CORPORA:
        corpus = yaml.safe_load(corpus_file.read_text(encoding="utf-8"))
        for name, item in corpus["instruments"].items():
            text = (corpus_file.parent / item["text_file"]).read_text(encoding="utf-8")
            seen = " ".join([name, str(item.get("title", "")), text[:300]]).lower()
            assert not any(h in seen for h in HELD_OUT), (corpus_file.parent.name, name)


def test_every_split_in_the_corpus_is_reported_on_its_own(tmp_path, monkeypatch, capsys):
    """A split added to corpus.yaml (e.g. "fresh") is reported without code changes, and
    --split keeps the others out."""
    import json
    import shutil

    from benchmarks import policy_corpus_bench as bench

    corpus = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    name, item = next(iter(corpus["instruments"].items()))
    fresh = {**item, "split": "fresh", "labels": {"a": item["labels"]["a"]}}  # one labeller so far
    corpus["instruments"] = {name: item, "new-one": fresh}
    shutil.copy(CORPUS.parent / item["text_file"], tmp_path / item["text_file"])
    (tmp_path / "corpus.yaml").write_text(yaml.safe_dump(corpus), encoding="utf-8")
    monkeypatch.setattr(bench, "CORPUS", tmp_path / "corpus.yaml")

    assert bench.main(["--encoder", "hashing-fake", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result["splits"]) == [item["split"], "fresh"]
    assert result["splits"]["fresh"]["items"] == len(reference_labels(fresh))
    assert set(result["confusion"]) == {item["split"], "fresh"}
    assert result["labellers"]["fresh"]["kappa"] is None  # no second labeller yet
    assert result["labellers"][item["split"]]["items"] == len(item["labels"]["a"])

    assert bench.main(["--encoder", "hashing-fake", "--json", "--split", "fresh"]) == 0
    only = json.loads(capsys.readouterr().out)
    assert list(only["splits"]) == ["fresh"]
    assert {r["instrument"] for r in only["rows"]} == {"new-one"}

    with pytest.raises(SystemExit):
        bench.main(["--split", "nonexistent"])


def reference_labels(item):
    from benchmarks.policy_corpus_bench import reference

    return reference(item["labels"])


def test_source_notes_that_open_a_corpus_file_are_not_read_as_instrument_text(tmp_path):
    from benchmarks.policy_corpus_bench import instrument_text

    path = tmp_path / "law.txt"
    path.write_text(
        "# Source: a register\n# Included: section 54\n\nAct 2015\n54 Duties\n# not a note\n"
    )
    assert instrument_text(path) == "Act 2015\n54 Duties\n# not a note\n"
