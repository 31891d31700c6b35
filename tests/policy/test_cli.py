import json

from rightslens.cli import main
from tests.policy.pdfs import scanned_pdf
from tests.policy.samples import PORTUGUESE_BILL


def test_policy_check_prints_the_json_shape(tmp_path, capsys):
    path = tmp_path / "projeto.txt"
    path.write_text(PORTUGUESE_BILL, encoding="utf-8")
    assert main(["policy", "check", str(path), "--lang", "pt", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) >= {"instrument", "criteria", "method", "seconds"}
    assert payload["instrument"]["language"] == "pt"
    assert [c["id"] for c in payload["criteria"]] == [f"C{n}" for n in range(1, 22)]
    c11 = payload["criteria"][10]
    assert c11["status"] == "contrary"
    evidence = c11["evidence"][0]
    assert set(evidence) == {"ref", "text", "start", "end"}
    assert PORTUGUESE_BILL[evidence["start"] : evidence["end"]] == evidence["text"]
    assert isinstance(c11["confidence"], float) and c11["explanation"]


def test_policy_check_fails_clearly_on_a_missing_file(tmp_path, capsys):
    assert main(["policy", "check", str(tmp_path / "nope.pdf"), "--format", "json"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_policy_check_fails_clearly_on_a_scan(tmp_path, capsys):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    assert main(["policy", "check", str(path), "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert "no text layer" in captured.err and captured.out == ""


def test_policy_check_text_format_lists_every_criterion(tmp_path, capsys):
    path = tmp_path / "act.txt"
    path.write_text("Article 1\nProviders shall publish transparency reports.", encoding="utf-8")
    assert main(["policy", "check", str(path), "--binding"]) == 0
    out = capsys.readouterr().out
    assert "C8   addressed" in out and "C16" in out


def test_second_opinion_without_an_endpoint_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RIGHTSLENS_LLM_ENDPOINT", raising=False)
    path = tmp_path / "act.txt"
    path.write_text("Article 1\nProviders shall publish transparency reports.", encoding="utf-8")
    assert main(["policy", "check", str(path), "--second-opinion"]) == 2
    assert "RIGHTSLENS_LLM_ENDPOINT" in capsys.readouterr().err
