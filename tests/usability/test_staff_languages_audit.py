"""Every audit verb the code records has its sentence in French and Spanish.

The verbs are read from the source: the `verb` given to `audit_record(...)`, and to the helpers
that pass theirs on to it (a function with a `verb` parameter: `_move(..., "fria.submit")`), and
`verb = "..."` assignments next to such a call."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2] / "rightslens"
UX_LOCALE = ROOT / "ux" / "locale"


def _strings(node: ast.AST) -> set[str]:
    return {
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _verbs_in_the_code() -> set[str]:
    trees = [
        ast.parse(path.read_text(encoding="utf-8"))
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.parts and "core" not in path.relative_to(ROOT).parts[:1]
    ]
    # Functions that take a verb and pass it on: name -> the verb's position among their arguments.
    passing: dict[str, int] = {"audit_record": -1}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name != "audit_record":
                names = [a.arg for a in node.args.args]
                if "verb" in names or "verb" in [a.arg for a in node.args.kwonlyargs]:
                    passing[node.name] = names.index("verb") if "verb" in names else -1
    found: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name not in passing:
                    continue
                given = [k.value for k in node.keywords if k.arg == "verb"]
                at = passing[name]
                if not given and 0 <= at < len(node.args):
                    given = [node.args[at]]
                for value in given:
                    found |= _strings(value)
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "verb" for t in node.targets
            ):
                found |= _strings(node.value)
    return found


def test_the_source_reading_finds_the_verbs_behind_helpers():
    verbs = _verbs_in_the_code()
    assert len(verbs) >= 80, len(verbs)
    # Literal, through a helper by position, through a conditional and through an assignment.
    assert {"system.archive", "fria.submit", "action.assign", "member.deactivate"} <= verbs
    assert {"policy.finding_override", "assessment.return", "impact.grievance_linked"} <= verbs
    assert all(re.fullmatch(r"[a-z_]+(\.[a-z_]+)?", v) for v in verbs), verbs


def test_every_verb_the_code_records_has_a_sentence():
    from rightslens.ux.audit_wording import verbs

    missing = sorted(_verbs_in_the_code() - verbs())
    assert not missing, (
        f"audit verbs without a sentence in rightslens/ux/audit_wording.py: {missing}"
    )


# Sentences a language writes as English does.
SAME = {"fr": set(), "es": {"%(field)s: %(value)s"}}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_audit_sentence_and_field_label_has_its_wording(language):
    from rightslens.core.vocabulary import label
    from rightslens.ux.audit_wording import AUDITED_FIELDS, CONTEXT, SHAPES

    with open(UX_LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as handle:
        catalogue = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    for english in {e for _verb, _shape, e in SHAPES} | {"%(field)s: %(value)s", "system"}:
        wording = catalogue.get(f"{CONTEXT}\x04{english}")
        assert wording, (language, english)
        assert wording != english or english in SAME[language], (language, english)
        assert sorted(re.findall(r"%\((\w+)\)s", wording)) == sorted(
            re.findall(r"%\((\w+)\)s", english)
        ), (language, english)
    same_field = {"fr": {"Description", "Note"}, "es": set()}[language] | {"Responsable"}
    for field in AUDITED_FIELDS:
        wording = catalogue.get(f"core\x04{label(field)}")
        assert wording and (wording != label(field) or wording in same_field), (language, field)


@pytest.mark.parametrize(
    ("language", "verb", "summary", "expected"),
    [
        ("fr", "system.archive", "", "Système d’IA archivé"),
        ("es", "system.archive", "", "Sistema de IA archivado"),
        ("en", "system.archive", "", "AI system archived"),
        ("fr", "fria.submit", "FRIA v2 → in_review", "Version 2 de la FRIA envoyée en revue"),
        ("es", "grievance.state", "State received -> in_progress", None),
        ("fr", "action.assign", "Unassigned", "Action sans attribution"),
        ("es", "action.assign", "Assigned to Ana Ruiz", "Acción asignada a Ana Ruiz"),
        (
            "fr",
            "invitation.send",
            "Invited a@b.test as Owner",
            "Invitation envoyée à a@b.test comme Responsable",
        ),
        (
            "es",
            "organisation.independent_signoff",
            "Independent sign-off not required",
            "La aprobación independiente ya no es obligatoria",
        ),
        # An unknown verb, or a summary in an older wording: shown as stored.
        ("fr", "someday.new", "Something happened", "Something happened"),
        ("fr", "fria.start", "An older wording", "An older wording"),
        ("fr", "system.restore", "", "Système d’IA sorti des archives"),
    ],
)
def test_a_record_reads_in_the_language(db, language, verb, summary, expected):
    from rightslens.ux.audit_wording import audit_text

    with translation.override(language):
        shown = audit_text(verb, summary)
    if expected is None:  # the states are shown as their labels, not as stored codes
        assert shown.startswith("Estado del caso modificado: ") and "in_progress" not in shown
    else:
        assert shown == expected
