"""The learned red-line layer's model: training, storage, versioning and the digest checks."""

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from rightslens.core.knowledge.loader import load_directory
from rightslens.core.redline_model import (
    FORMAT_VERSION,
    SHIPPED_MODEL,
    UNIT,
    UNIT_TEXT,
    Example,
    ModelError,
    RedLineModel,
    data_digest,
    dumps,
    features_of,
    fit_logistic,
    load,
    loads,
    save,
    shipped_model,
    train,
)

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"


def _clusters(seed: int = 0, n: int = 40, dim: int = 8):
    """Two clouds of points: red line "rl-a" around +2 on the first axis, the rest around -2."""
    rng = np.random.default_rng(seed)
    a = rng.normal(0, 0.4, size=(n, dim))
    a[:, 0] += 2.0
    b = rng.normal(0, 0.4, size=(n, dim))
    b[:, 0] -= 2.0
    return a, b


def test_newton_logistic_regression_separates_two_clouds():
    a, b = _clusters()
    x = np.vstack([a, b])
    y = np.concatenate([np.ones(len(a)), np.zeros(len(b))])
    weights, bias = fit_logistic(x, y, l2=0.1)
    predicted = (x @ weights + bias) > 0
    assert predicted.tolist() == (y > 0).tolist()
    # The first axis carries the difference, so it carries the largest weight.
    assert int(np.argmax(np.abs(weights))) == 0


def test_training_on_a_tiny_set_gives_each_red_line_its_own_probabilities():
    a, b = _clusters()
    examples = [Example(v, frozenset({"rl-a"})) for v in a] + [
        Example(v, frozenset({"rl-b"})) for v in b
    ]
    model = train(examples, ["rl-a", "rl-b", "rl-unseen"], encoder="toy", l2=0.5)
    test_a, test_b = _clusters(seed=1, n=10)
    p_a, p_b = model.probabilities(test_a), model.probabilities(test_b)
    # Unseen points of each cloud are classified on the right side, and every one of them is
    # likelier under its own red line than any point of the other cloud.
    assert (p_a[:, 0] > 0.5).all() and (p_a[:, 1] < 0.5).all()
    assert (p_b[:, 1] > 0.5).all() and (p_b[:, 0] < 0.5).all()
    assert p_a[:, 0].min() > p_b[:, 0].max() and p_b[:, 1].min() > p_a[:, 1].max()
    # A red line without a single positive example is never predicted.
    assert (p_a[:, 2] < 1e-6).all() and (p_b[:, 2] < 1e-6).all()


def test_unlabelled_examples_are_negatives_for_every_red_line():
    a, b = _clusters()
    examples = [Example(v, frozenset({"rl-a"})) for v in a] + [Example(v, frozenset()) for v in b]
    model = train(examples, ["rl-a"], encoder="toy", l2=0.5)
    assert model.probabilities(b)[:, 0].max() < 0.1


def test_a_saved_model_loads_with_the_same_probabilities_and_metadata(tmp_path):
    a, b = _clusters()
    examples = [Example(v, frozenset({"rl-a"})) for v in a] + [Example(v, frozenset()) for v in b]
    model = train(examples, ["rl-a"], encoder="toy", threshold=0.8, meta={"trained": "2026-12-06"})
    again = load(save(model, tmp_path / "models" / "m.json"))
    assert again.encoder == "toy" and again.threshold == 0.8
    assert again.meta["trained"] == "2026-12-06"
    assert np.allclose(again.probabilities(a), model.probabilities(a), atol=1e-4)


def test_an_altered_or_foreign_file_is_refused(tmp_path):
    a, b = _clusters()
    model = train(
        [Example(v, frozenset({"rl-a"})) for v in a] + [Example(v, frozenset()) for v in b],
        ["rl-a"],
        encoder="toy",
    )
    document = json.loads(dumps(model))
    document["model"]["bias"][0] += 1.0
    with pytest.raises(ModelError, match="digest"):
        loads(json.dumps(document))
    document = json.loads(dumps(model))
    document["format"] = FORMAT_VERSION + 1
    with pytest.raises(ModelError, match="format"):
        loads(json.dumps(document))
    with pytest.raises(ModelError):
        loads("[1, 2, 3]")
    with pytest.raises(ModelError, match="cannot read"):
        load(tmp_path / "absent.json")


def test_the_shipped_model_is_offered_only_to_the_encoder_it_was_trained_for(tmp_path):
    a, b = _clusters()
    model = train(
        [Example(v, frozenset({"rl-a"})) for v in a] + [Example(v, frozenset()) for v in b],
        ["rl-a"],
        encoder="toy",
    )
    path = save(model, tmp_path / "m.json")
    assert shipped_model("toy", path) is not None
    assert shipped_model("hashing-fake", path) is None
    # An unreadable file turns the layer off instead of failing the screen.
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert shipped_model("toy", broken) is None


def test_the_training_data_digest_changes_with_a_text_or_a_label():
    base = [("Text one.", ["rl-a"]), ("Text two.", [])]
    assert data_digest(base) == data_digest([("Text one.", ["rl-a"]), ("Text two.", [])])
    assert data_digest(base) != data_digest([("Text one.", ["rl-b"]), ("Text two.", [])])
    assert data_digest(base) != data_digest([("Text one!", ["rl-a"]), ("Text two.", [])])


def test_the_shipped_model_is_intact_covers_the_library_and_was_trained_on_dev_only():
    model = load(SHIPPED_MODEL)  # raises if the file was altered after training
    red_lines = {i.id for i in load_directory(KNOWLEDGE).items.values() if i.type == "red_line"}
    assert set(model.red_line_ids) == red_lines
    assert model.encoder.startswith("multilingual-e5-small")
    splits = model.meta["splits"]
    assert splits and all(str(s).startswith("dev") for s in splits)  # type: ignore[union-attr]
    assert len(str(model.meta["training_data_sha256"])) == 64
    assert 0.5 <= model.threshold < 1.0
    assert model.free_threshold is None or model.threshold <= model.free_threshold < 1.0


def test_optional_settings_round_trip_and_old_files_keep_their_digest(tmp_path):
    a, b = _clusters()
    examples = [Example(v, frozenset({"rl-a"})) for v in a] + [Example(v, frozenset()) for v in b]
    plain = train(examples, ["rl-a"], encoder="toy")
    # A model without the optional settings writes none of them (files written before keep
    # their parameter digest).
    assert not {"features", "thresholds", "free_threshold"} & set(json.loads(dumps(plain))["model"])
    tuned = RedLineModel(
        **{**plain.__dict__, "thresholds": (0.7,), "free_threshold": 0.97, "features": "unit"}
    )
    again = loads(dumps(tuned))
    assert again.thresholds == (0.7,) and again.free_threshold == 0.97
    assert again.threshold_for("rl-a") == 0.7
    document = json.loads(dumps(tuned))
    document["model"]["thresholds"] = [0.7, 0.8]
    document["model_sha256"] = hashlib.sha256(
        json.dumps(document["model"], sort_keys=True).encode()
    ).hexdigest()
    with pytest.raises(ModelError, match="one threshold per red line"):
        loads(json.dumps(document))


def test_unit_and_text_features_append_the_texts_mean():
    rows = np.asarray([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    out = features_of(rows, UNIT_TEXT)
    assert out.shape == (3, 4)
    assert np.allclose(out[:, :2], rows) and np.allclose(out[:, 2:], [2 / 3, 2 / 3])
    given = features_of(rows, UNIT_TEXT, context=[0.5, 0.0])
    assert np.allclose(given[:, 2:], [0.5, 0.0])
    assert features_of(rows, UNIT) is rows
    with pytest.raises(ModelError):
        features_of(rows, "bag-of-words")


def test_a_unit_and_text_model_trains_on_doubled_vectors_and_reads_encoder_vectors():
    a, b = _clusters()
    examples = [
        Example(features_of(a[i : i + 1], UNIT_TEXT)[0], frozenset({"rl-a"})) for i in range(len(a))
    ]
    examples += [
        Example(features_of(b[i : i + 1], UNIT_TEXT)[0], frozenset()) for i in range(len(b))
    ]
    model = train(examples, ["rl-a"], encoder="toy", features=UNIT_TEXT)
    assert model.dim == a.shape[1] and model.mean.shape == (2 * a.shape[1],)
    test_a, test_b = _clusters(seed=1, n=10)
    assert (model.probabilities(test_a)[:, 0] > 0.5).all()
    assert (model.probabilities(test_b)[:, 0] < 0.5).all()
    again = loads(dumps(model))
    assert again.features == UNIT_TEXT
    assert np.allclose(again.probabilities(test_a), model.probabilities(test_a), atol=1e-4)


def test_training_reads_dev_r5_and_cuts_it_into_two_folds():
    from benchmarks import redline_train

    cases = redline_train.dev_cases()
    assert cases and all(str(c["split"]).startswith("dev") for c in cases)
    r5 = [c for c in cases if c["split"] == "dev-r5"]
    assert len(r5) >= 100
    assert {redline_train.fold_of(c) for c in r5} == {"dev-r5/0", "dev-r5/1"}
    dev = [c for c in cases if c["split"] == "dev"]
    assert {redline_train.fold_of(c) for c in dev} == {f"dev/{i}" for i in range(4)}
    assert {redline_train.fold_of(c) for c in cases if c["split"] == "dev-vendor"} == {"dev-vendor"}
