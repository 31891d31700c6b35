"""`rightslens redlines screen` and `rightslens suggest`: JSON lines in, JSON lines out, no database."""

import io
import json

from rightslens.cli import main


def run(monkeypatch, capsys, argv, lines):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_screen_writes_one_line_per_input_with_hits_in_the_issue_shape(monkeypatch, capsys):
    code, out, _ = run(
        monkeypatch,
        capsys,
        ["redlines", "screen", "--format", "json"],
        [
            json.dumps({"id": "a", "text": "We build a face database from social-media photos."}),
            json.dumps(
                {
                    "id": "b",
                    "text": "Nous n'utiliserons pas la reconnaissance des émotions.",
                    "lang": "fr",
                }
            ),
        ],
    )
    assert code == 0
    assert [o["id"] for o in out] == ["a", "b"]
    [hit] = out[0]["hits"]
    assert set(hit) == {"red_line", "confidence", "evidence"}
    assert hit["red_line"] == "rl-untargeted-facial-scraping"
    assert hit["evidence"] == "We build a face database from social-media photos."
    assert out[1]["hits"] == []


def test_screen_details_name_the_method_and_the_set_aside_red_lines(monkeypatch, capsys):
    text = "Cameras detect stress in the faces of our train drivers for safety reasons."
    _, [line], _ = run(
        monkeypatch,
        capsys,
        ["redlines", "screen", "--details"],
        [json.dumps({"id": "x", "text": text})],
    )
    assert line["method"].startswith("elements+semantic")
    assert {a["red_line"] for a in line["set_aside"]} >= {"rl-emotion-recognition-work-education"}


def test_bad_input_is_refused_with_the_line_number(monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, ["redlines", "screen"], ['{"id": "a"}'])
    assert code == 2 and out == []
    assert 'line 1: expected an object with a string "text"' in err


def test_suggest_writes_ranked_impacts_on_people(monkeypatch, capsys):
    text = "The tool ranks CVs of job applicants and rejects candidates automatically."
    code, [line], _ = run(
        monkeypatch,
        capsys,
        ["suggest", "--format", "json"],
        [json.dumps({"id": "s1", "text": text})],
    )
    assert code == 0 and line["id"] == "s1"
    first = line["suggestions"][0]
    assert set(first) == {"category", "also_categories", "rights", "title", "reasons", "score"}
    assert first["category"] == "cat-work" and "udhr-23" in first["rights"]
    # The leading suggestion also names the other category its impact falls in; the rest do not.
    assert first["also_categories"] == ["cat-equality"]
    assert all(s["also_categories"] == [] for s in line["suggestions"][1:])
    scores = [s["score"] for s in line["suggestions"]]
    assert scores == sorted(scores, reverse=True)


def test_a_possible_hit_adds_its_status_and_missing_elements_to_the_issue_shape():
    from rightslens.commands.redlines import _line
    from rightslens.core.screening_engine import FoundHit, Screening

    possible = FoundHit(
        "rl-emotion-recognition-work-education",
        "It flags who seems disengaged.",
        0.3,
        ("disengag",),
        ("inference: Emotions", "context: Work or recruitment"),
        ("data: Faces or facial images",),
        "elements+semantic (test)",
        "possible",
    )
    confirmed = FoundHit("rl-social-scoring", "s", 0.9, (), (), (), "m")
    line = _line("x", Screening((possible, confirmed), (), "m", "en"), details=False)
    first, second = line["hits"]
    assert first == {
        "red_line": "rl-emotion-recognition-work-education",
        "confidence": 0.3,
        "evidence": "It flags who seems disengaged.",
        "status": "possible",
        "missing": ["data: Faces or facial images"],
    }
    assert set(second) == {"red_line", "confidence", "evidence"}
