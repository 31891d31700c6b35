import yaml

from benchmarks.policy_corpus_bench import CORPUS, cohen_kappa

HELD_OUT = (
    "artificial intelligence act",
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
