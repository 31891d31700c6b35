"""A model's claim is kept only if it quotes words that are in the description."""

from rightslens.core.llm_review import Claim, verified

TEXT = "Our kiosks read the facial expressions of shoppers to gauge their mood."


def test_a_claim_quoting_the_description_is_kept_whatever_the_case_and_accents():
    claims = [
        Claim("rl-emotion-recognition-other-contexts", "READ the facial expressions of shoppers")
    ]
    assert verified(claims, TEXT, ["rl-emotion-recognition-other-contexts"]) == claims


def test_invented_quotes_unknown_ids_and_tiny_quotes_are_dropped():
    claims = [
        Claim("rl-emotion-recognition-other-contexts", "detects lies of shoppers"),
        Claim("rl-made-up", "facial expressions of shoppers"),
        Claim("rl-emotion-recognition-other-contexts", "the"),
    ]
    assert verified(claims, TEXT, ["rl-emotion-recognition-other-contexts"]) == []


def test_the_cli_falls_back_to_offline_when_no_endpoint_is_set(monkeypatch, capsys):
    import io
    import json

    from rightslens.cli import main

    monkeypatch.delenv("RIGHTSLENS_LLM_ENDPOINT", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"id": "a", "text": TEXT}) + "\n"))
    assert main(["redlines", "screen", "--llm"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["llm"].startswith("not used")
    assert [h["red_line"] for h in line["hits"]] == ["rl-emotion-recognition-other-contexts"]


def test_the_cli_keeps_only_the_model_claims_that_quote_the_description(monkeypatch, capsys):
    import io
    import json

    from rightslens.cli import main

    text = "The app collects the location of every driver in the city."
    monkeypatch.setenv("RIGHTSLENS_LLM_ENDPOINT", "http://127.0.0.1:9/v1")
    monkeypatch.setattr(
        "rightslens.commands.redlines.ask",
        lambda *a: [
            Claim("rl-mass-surveillance", "collects the location of every driver"),
            Claim("rl-social-scoring", "scores every driver's behaviour"),
        ],
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"id": "a", "text": text}) + "\n"))
    assert main(["redlines", "screen", "--llm"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert [h["red_line"] for h in line["hits"]] == ["rl-mass-surveillance"]
    assert line["hits"][0]["method"] == "llm" and line["llm"] == "offline+llm-reviewed"
