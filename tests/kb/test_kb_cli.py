"""`rightslens kb validate` and `rightslens kb stats`: exit codes, error format, JSON shape."""

import json
import re
import subprocess
import sys

from rightslens.cli import build_parser, main
from tests.kb.library_fixtures import GUIDANCE_ITEMS, RIGHTS_ITEMS, write_fixture_set, write_library

ERROR_LINE = re.compile(r"^(?P<path>\S+\.yaml):(?P<line>\d+) \[(?P<id>[^\]]+)\]: (?P<reason>.+)$")


def test_validate_exits_0_with_a_summary_for_good_libraries(tmp_path, capsys):
    assert main(["kb", "validate", "--dir", str(write_fixture_set(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "OK: 2 libraries, 6 items (1 unverified)" in out


def test_validate_exits_1_naming_file_line_id_and_reason(tmp_path, capsys):
    write_fixture_set(tmp_path)
    broken = GUIDANCE_ITEMS.replace("pillar: corporate_responsibility", "pillar: goodwill")
    path = write_library(tmp_path, "guidance", broken, library_id="fx-guidance")
    assert main(["kb", "validate", "--dir", str(tmp_path)]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    match = ERROR_LINE.match(first)
    assert match, first
    assert (
        match["path"] == str(path)
        and match["id"] == "fx-principle"
        and "'pillar'" in match["reason"]
    )
    line = int(match["line"])
    assert path.read_text().splitlines()[line - 1].strip() == "pillar: goodwill"


def test_validate_reports_an_error_in_each_broken_file(tmp_path, capsys):
    write_library(
        tmp_path,
        "a",
        "  - type: gadget\n    id: a-1\n    title: A\n    citations: [{source: src, locator: p. 1}]\n",
        library_id="a",
    )
    write_library(
        tmp_path,
        "b",
        "  - type: gadget\n    id: b-1\n    title: B\n    citations: [{source: src, locator: p. 1}]\n",
        library_id="b",
    )
    assert main(["kb", "validate", "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "[a-1]: unknown item type 'gadget'" in err and "[b-1]: unknown item type 'gadget'" in err


def test_validate_reports_a_cross_library_error(tmp_path, capsys):
    write_library(
        tmp_path, "guidance", GUIDANCE_ITEMS, library_id="fx-guidance"
    )  # rights library missing
    assert main(["kb", "validate", "--dir", str(tmp_path)]) == 1
    assert "refers to unknown id 'fx-right-privacy'" in capsys.readouterr().err


def test_stats_json_counts_types_per_library_and_unverified_items(tmp_path, capsys):
    assert main(["kb", "stats", "--format", "json", "--dir", str(write_fixture_set(tmp_path))]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["libraries"]["fx-rights"]["types"] == {"instrument": 1, "right": 2}
    assert stats["libraries"]["fx-guidance"]["unverified"] == 1
    assert stats["totals"] == {
        "items": 6,
        "unverified": 1,
        "deprecated": 0,
        "types": {
            "instrument": 1,
            "principle": 1,
            "right": 2,
            "risk_category": 1,
            "risk_example": 1,
        },
    }


def test_stats_text_is_readable(tmp_path, capsys):
    assert main(["kb", "stats", "--dir", str(write_fixture_set(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "fx-rights v1: 3 items, 0 unverified" in out and "total: 6 items, 1 unverified" in out


def test_kb_commands_do_not_need_django():
    for argv in (["kb", "validate"], ["kb", "stats"], ["kb", "schema"]):
        assert build_parser().parse_args(argv).needs_django is False


def test_the_shipped_knowledge_reports_its_counts_from_a_real_process():
    done = subprocess.run(
        [sys.executable, "-m", "rightslens.cli", "kb", "stats", "--format", "json"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["totals"]["items"] == sum(lib["items"] for lib in stats["libraries"].values())
    assert "due-diligence" in stats["libraries"]


def test_validate_with_previous_refuses_an_upgrade_that_removes_an_item(tmp_path, capsys):
    released = write_fixture_set(tmp_path / "released")
    without = RIGHTS_ITEMS.split("  - type: right\n    id: fx-right-expression")[0]
    candidate = write_fixture_set(tmp_path / "candidate", rights_version=2, rights_items=without)
    assert main(["kb", "validate", "--dir", str(candidate), "--previous", str(released)]) == 1
    assert "[fx-right-expression]: removes item" in capsys.readouterr().err
    assert main(["kb", "validate", "--dir", str(released), "--previous", str(released)]) == 0


def test_unverified_lists_each_unverified_item_with_its_reason(tmp_path, capsys):
    assert main(["kb", "unverified", "--dir", str(write_fixture_set(tmp_path))]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "fx-guidance [fx-ex-1] Memorised personal data leaks in outputs: Only reported in the press so far."
    ]
