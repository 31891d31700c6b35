"""The learned category layer of impact suggestions: training, storage, and how its probabilities
change what is shown (fake encoder, hand-set weights)."""

import json
from pathlib import Path

import numpy as np
import pytest

from rightslens.core.impact_reading import ImpactReader, display
from rightslens.core.knowledge.loader import load_directory
from rightslens.core.semantic import HashingEncoder
from rightslens.core.suggestion_model import (
    FORMAT_VERSION,
    SHIPPED_MODEL,
    CategoryModel,
    Combination,
    Example,
    ModelError,
    dumps,
    features,
    fit_logistic,
    load,
    loads,
    save,
    shipped_model,
    train,
)

KNOWLEDGE = Path(__file__).resolve().parents[2] / "rightslens" / "knowledge"
FAKE = HashingEncoder()
CATEGORIES = ("cat-equality", "cat-harm", "cat-privacy", "cat-work")


@pytest.fixture(scope="module")
def items():
    return list(load_directory(KNOWLEDGE).items.values())


def hand_set(probabilities: dict[str, float], combination: Combination) -> CategoryModel:
    """A model for the fake encoder whose weights are zero: each category's probability is set
    by its bias alone, whatever the text."""
    dim = 2 * FAKE.dim
    ids = tuple(probabilities)
    bias = np.array([np.log(p / (1 - p)) for p in probabilities.values()])
    return CategoryModel(
        encoder=FAKE.name,
        category_ids=ids,
        pooling="max+mean",
        mean=np.zeros(dim),
        scale=np.ones(dim),
        weights=np.zeros((len(ids), dim)),
        bias=bias,
        combination=combination,
    )


def test_features_pool_sentences_by_max_and_mean_then_add_the_whole_text():
    sentences = np.array([[1.0, 0.0], [0.0, 0.5]])
    assert features(sentences, None, "max+mean").tolist() == [1.0, 0.5, 0.5, 0.25]
    assert features(sentences, [0.3, 0.4], "max+mean+text").tolist() == [
        1.0,
        0.5,
        0.5,
        0.25,
        0.3,
        0.4,
    ]
    # One sentence is its own whole text.
    assert features(sentences[:1], None, "max+mean+text").tolist()[-2:] == [1.0, 0.0]
    with pytest.raises(ModelError):
        features(sentences, None, "sum")


def test_newton_logistic_regression_separates_two_clouds_in_both_solvers():
    rng = np.random.default_rng(0)
    for dim in (4, 120):  # fewer features than rows, then more (the Woodbury branch)
        a = rng.normal(0, 0.4, size=(40, dim))
        a[:, 0] += 2.0
        b = rng.normal(0, 0.4, size=(40, dim))
        b[:, 0] -= 2.0
        x = np.vstack([a, b])
        y = np.concatenate([np.ones(40), np.zeros(40)])
        weights, bias = fit_logistic(x, y, np.ones(80), l2=1.0)
        assert ((x @ weights + bias) > 0).tolist() == (y > 0).tolist()
        assert int(np.argmax(np.abs(weights))) == 0


def test_library_wordings_count_as_positives_of_their_category_only():
    rng = np.random.default_rng(1)
    axis = np.array([3.0, 0, 0, 0, 0, 0])
    work = [Example(rng.normal(0, 0.3, 6) + axis, frozenset({"cat-work"})) for _ in range(20)]
    harm = [Example(rng.normal(0, 0.3, 6) - axis, frozenset({"cat-harm"})) for _ in range(20)]
    ids = ["cat-work", "cat-harm", "cat-privacy"]

    def fit(positive_only: bool) -> dict[str, float]:
        # Privacy wordings right in the cat-work cloud.
        wordings = [
            Example(axis, frozenset({"cat-privacy"}), 1.0, positive_only) for _ in range(10)
        ]
        model = train(work + harm + wordings, ids, encoder="toy", pooling="max+mean", l2=1.0)
        return model.probabilities(axis)

    kept, counted = fit(True), fit(False)
    assert kept["cat-harm"] < 0.1 and kept["cat-privacy"] > 0.5
    # As positives only, the wordings do not teach cat-work that its own cloud is not cat-work;
    # as ordinary examples they would.
    assert kept["cat-work"] > 0.9
    assert counted["cat-work"] < kept["cat-work"] - 0.1


def test_a_model_survives_the_round_trip_and_refuses_an_altered_file(tmp_path):
    model = hand_set({"cat-work": 0.9, "cat-harm": 0.1}, Combination(0.2, 0.3, 0.8, False))
    path = save(model, tmp_path / "m.json")
    again = load(path)
    assert again.category_ids == model.category_ids
    assert again.combination == model.combination
    assert again.pooling == "max+mean"
    x = np.ones(2 * FAKE.dim)
    assert again.probabilities(x) == pytest.approx(model.probabilities(x), abs=1e-5)
    document = json.loads(path.read_text())
    assert document["format"] == FORMAT_VERSION
    document["model"]["bias"][0] = 5.0
    with pytest.raises(ModelError, match="digest"):
        loads(json.dumps(document))
    document["format"] = 99
    with pytest.raises(ModelError, match="format"):
        loads(json.dumps(document))
    with pytest.raises(ModelError):
        load(tmp_path / "missing.json")


def test_the_shipped_model_is_skipped_with_another_encoder_and_loaded_with_its_own(tmp_path):
    model = hand_set({"cat-work": 0.9}, Combination())
    path = tmp_path / "m.json"
    path.write_text(dumps(model))
    assert shipped_model("another-encoder", path) is None
    assert shipped_model(FAKE.name, path) is not None
    assert shipped_model(FAKE.name, tmp_path / "absent.json") is None
    # The fake encoder never gets the shipped (e5) model: its reader runs on the patterns alone.
    assert ImpactReader(list(load_directory(KNOWLEDGE).items.values()), FAKE).category_model is None


def test_the_shipped_model_names_its_encoder_training_data_and_settings():
    model = load(SHIPPED_MODEL)
    assert model.encoder.startswith("multilingual-e5-small")
    assert len(str(model.meta["training_data_sha256"])) == 64
    assert set(model.meta["splits"]) >= {"dev", "dev-r3"}  # type: ignore[arg-type]
    assert not any(str(s).startswith(("heldout", "fresh")) for s in model.meta["splits"])  # type: ignore[attr-defined]
    categories = {
        i.id for i in load_directory(KNOWLEDGE).items.values() if i.type == "risk_category"
    }
    assert set(model.category_ids) == categories


TEXT = (
    "The model ranks CVs of job applicants and rejects candidates before any interview. "
    "It also reads their social media profiles and keeps their photos."
)


def test_without_a_model_the_display_is_the_patterns_own(items):
    reader = ImpactReader(items, FAKE, category_model=None)
    assert reader.category_probabilities(reader.read(TEXT)) is None
    assert reader.suggest(TEXT) == display(reader.read(TEXT).ranked, reader._also)
    assert reader.suggest(TEXT)
    assert "learned" not in reader.method


def test_an_unlikely_category_is_dropped_but_the_lead_stays(items):
    plain = ImpactReader(items, FAKE, category_model=None).suggest(TEXT)
    categories = [s.category_ref for s in plain]
    assert len(set(categories)) >= 2, categories
    lead = categories[0]
    probabilities = {c: (0.9 if c == lead else 0.05) for c in CATEGORIES + tuple(categories)}
    # Even the lead's own category is unlikely here: it stays because the lead is kept.
    probabilities[lead] = 0.05
    reader = ImpactReader(
        items, FAKE, category_model=hand_set(probabilities, Combination(drop_below=0.2))
    )
    shown = reader.suggest(TEXT)
    assert [s.pattern_id for s in shown] == [plain[0].pattern_id]
    assert "learned categories" in reader.method
    # Dropping the lead too leaves nothing when every category is unlikely.
    strict = hand_set(probabilities, Combination(drop_below=0.2, keep_lead=False))
    assert ImpactReader(items, FAKE, category_model=strict).suggest(TEXT) == []


def test_the_leads_other_categories_need_the_model_to_agree(items, monkeypatch):
    import rightslens.core.impact_reading as reading

    monkeypatch.setattr(reading, "LEAD_CATEGORIES_FROM", 0.0)
    plain = ImpactReader(items, FAKE, category_model=None).suggest(TEXT)
    others = plain[0].also_category_refs
    assert others, "the lead's pattern names other categories"
    probabilities = {c: 0.9 for c in CATEGORIES}
    probabilities.update({others[0]: 0.1})
    model = hand_set(probabilities, Combination(also_from=0.2))
    shown = ImpactReader(items, FAKE, category_model=model).suggest(TEXT)
    assert shown[0].also_category_refs == others[1:]


def test_a_likely_category_brings_back_a_found_suggestion_with_its_quoted_reasons(items):
    reader = ImpactReader(items, FAKE, category_model=None)
    ranked = reader.read(TEXT).ranked
    shown = {c for s in reader.suggest(TEXT) for c in s.category_refs}
    hidden = [s for s in ranked if s.category_ref not in shown]
    assert hidden, "some pattern found in the text is not shown"
    wanted = hidden[0].category_ref
    model = hand_set({wanted: 0.95, "cat-harm": 0.5}, Combination(add_from=0.8))
    learned = ImpactReader(items, FAKE, category_model=model).suggest(TEXT)
    added = [s for s in learned if s.category_ref == wanted]
    assert [s.pattern_id for s in added] == [hidden[0].pattern_id]
    # It keeps the patterns' reasons quoting the description and says why it is back.
    assert any("The description says" in r for r in added[0].reasons)
    assert "(learned model: 95%)" in added[0].reasons[-1]
    assert added[0].title.endswith(".") and added[0].title == hidden[0].title
    # A likely category that no pattern found in the text adds nothing (no reason to quote).
    absent = next(c for c in CATEGORIES if c not in {s.category_ref for s in ranked})
    model = hand_set({absent: 0.99}, Combination(add_from=0.8))
    same = ImpactReader(items, FAKE, category_model=model).suggest(TEXT)
    assert [(s.pattern_id, s.category_refs, s.reasons) for s in same] == [
        (s.pattern_id, s.category_refs, s.reasons) for s in reader.suggest(TEXT)
    ]


def test_a_likely_category_the_patterns_missed_gets_its_closest_pattern_quoting_a_sentence(items):
    reader = ImpactReader(items, FAKE, category_model=None)
    reading = reader.read(TEXT)
    found = {s.category_ref for s in reading.ranked}
    found |= {c for s in reader.suggest(TEXT) for c in s.category_refs}
    # A category with some likeness to a sentence (the fake encoder shares few words).
    missed = next(c for c in reading.closest if c not in found)
    model = hand_set({missed: 0.9}, Combination(add_from=0.8, write_from=0.6))
    learned = ImpactReader(items, FAKE, category_model=model).suggest(TEXT)
    written = [s for s in learned if s.category_ref == missed]
    assert len(written) == 1
    pattern = next(p for p in reader.patterns if p.id == written[0].pattern_id)
    # Written from one of the category's own patterns, as an impact on people with its rights.
    assert pattern.category_ref == missed
    assert written[0].title == pattern.title and written[0].right_refs[0] == pattern.right_refs[0]
    # Its ground is a sentence of the description, quoted, and the pattern example it is near.
    ground, why = written[0].reasons
    quoted = ground.split("”")[0].lstrip("“").rstrip(" …")
    assert quoted and quoted in TEXT
    assert any(ground.endswith(e) for e in pattern.examples)
    assert why.endswith("(learned model: 90%).")
    # Below write_from, or without it, nothing is written.
    for combo in (Combination(add_from=0.8, write_from=0.95), Combination(add_from=0.8)):
        quiet = ImpactReader(items, FAKE, category_model=hand_set({missed: 0.9}, combo))
        assert missed not in {s.category_ref for s in quiet.suggest(TEXT)}


def test_a_combination_with_write_from_survives_the_model_file(tmp_path):
    combo = Combination(drop_below=0.1, add_from=0.3, keep_lead=False, write_from=0.55)
    model = hand_set({"cat-work": 0.7}, combo)
    assert load(save(model, tmp_path / "m.json")).combination == combo


def test_the_check_command_says_when_the_shipped_model_is_stale(tmp_path, capsys):
    from benchmarks import suggest_train

    class Args:
        out = str(SHIPPED_MODEL)

    # The shipped model was trained on today's dev cases and library wordings.
    assert suggest_train.check(Args()) == 0, capsys.readouterr().out
    # A model whose training data digest differs is reported stale.
    document = json.loads(SHIPPED_MODEL.read_text())
    document["meta"]["training_data_sha256"] = "0" * 64
    stale = tmp_path / "stale.json"
    stale.write_text(json.dumps(document))
    Args.out = str(stale)
    assert suggest_train.check(Args()) == 1
    assert "stale" in capsys.readouterr().out


def test_training_reads_dev_splits_only_and_never_a_fresh_file():
    from benchmarks import suggest_train

    assert all(not p.name.startswith("fresh") for p in suggest_train.case_files())
    splits = {c["split"] for c in suggest_train.dev_cases()}
    assert splits and all(s == "dev" or s.startswith("dev-") for s in splits)
