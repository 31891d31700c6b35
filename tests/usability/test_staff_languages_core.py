"""The staff interface speaks French and Spanish: no English UI string is left on the main pages
of the base layout, assessments, inventory, accounts, notifications, search, imports and charts.

A text counts as a UI string of these apps when its English words are written in their templates or
Python sources. Left out, because they rightly read the same in every language or are not yet
translated (issue 16 lists them): what people entered and the demo's data (every text stored in the
database), knowledge-base text, names, codes and file formats, and the labels of stored values
(enum labels) and sentences built by the pure-Python core."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.conf.locale import LANG_INFO

from .crawl import demo
from .public_pages import visible_text
from .staff_pages import staff_pages, stored_text


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request in French or Spanish leaves that language active; later tests expect English."""
    yield
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


SAME_AS_ENGLISH = {
    "RightsLens",
    "rightslens",
    "CSV",
    "JSON",
    "XLSX",
    "PDF",
    "Excel (XLSX)",
    "(CSV, XLSX)",
    "API REST",
    "Authorization: Bearer &lt;token&gt;",
    "Authorization: Bearer <token>",
    *(LANG_INFO[code]["name_local"] for code, _name in settings.LANGUAGES),
}
# Words the language shares with English.
SAME_IN = {
    "fr": {
        "Impact",
        "Impacts",
        "Type",
        "Version",
        "Actions",
        "Action",
        "Note",
        "Invitation",
        "Description",
        "Dimension",
        "Observation",
        "Verdict",
        "Responsable",
        "impact",
        "impacts",
        "Versions",
        "Page",
        "Messages",
        "Total",
        "Document",
        "Option",
    },
    "es": {"Responsable", "No", "Total", "Global", "Real"},
}


def _knowledge_text() -> list[str]:
    from rightslens.common.knowledge import knowledge

    base = knowledge()
    text = [library.title for library in base.libraries.values()]
    for item in base.items.values():
        text.append(item.title)
        text.extend(str(value) for value in item.fields.values())
        text.extend(c.source.title for c in item.citations)
    return text


SLICE = [
    "templates",
    "assessments",
    "inventory",
    "accounts",
    "notifications",
    "search",
    "imports",
    "ux",
]
TRANSLATED_APPS = {"assessments", "accounts", "notifications"}
PIECES = re.compile(r"\s*(?:[;,·:()←→“”\"]|\s-\s|\s–\s)\s*")


def _ui_sources() -> str:
    root = Path(settings.BASE_DIR) / "rightslens"
    return "\n".join(
        path.read_text("utf-8")
        for app in SLICE
        for path in sorted((root / app).rglob("*"))
        if path.suffix in (".html", ".py") and "migrations" not in path.parts
    )


def _choice_labels() -> set[str]:
    """Labels of stored values: model choices, and the core's enum labels and verdicts."""
    import enum
    import importlib
    import pkgutil

    import rightslens.core
    from rightslens.core.effectiveness import VERDICT_TEXT
    from rightslens.core.vocabulary import label

    core: set[str] = set(VERDICT_TEXT.values())
    for info in pkgutil.walk_packages(rightslens.core.__path__, "rightslens.core."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum):
                for member in value:
                    core.add(label(member.name.lower()))
                    core.add(label(str(member.value)))
    labels = set(core)
    for model in apps.get_models():
        translated = model._meta.app_label in TRANSLATED_APPS
        for field in model._meta.get_fields():
            for _value, text in getattr(field, "flatchoices", None) or ():
                # In the translated apps only labels built from the core's ("4 – Severe") are left
                # out; their own labels must be translated.
                if not translated or re.sub(r"^\d+ – ", "", str(text)) in core:
                    labels.add(str(text))
    return labels


def _is_data(text: str, data: str, labels: set[str]) -> bool:
    """Stored data, knowledge text or a stored value's label, alone or joined by punctuation."""
    pieces = [p for p in PIECES.split(text) if sum(c.isalpha() for c in p) > 1]
    return text in data or text in labels or all(p in data or p in labels for p in pieces)


def _in_sources(text: str, sources: str) -> bool:
    text = text.rstrip(" :\xa0\u202f")  # a form label as label_tag writes it: "Name:"
    return re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", sources) is not None


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_english_ui_string_is_left_on_the_main_staff_pages(db, language):
    org, user = demo()
    english = staff_pages(org, user, "en")
    translated = staff_pages(org, user, language)
    # One long string to search: stored data and untranslated knowledge read the same everywhere.
    data = "\n".join(stored_text() + _knowledge_text() + [org.name, user.email])
    allowed = SAME_AS_ENGLISH | SAME_IN.get(language, set())
    labels, sources = _choice_labels(), _ui_sources()
    left: dict[str, list[str]] = {}
    for name, html in translated.items():
        english_text = set(visible_text(english[name]))
        assert english_text != set(visible_text(html)), f"{name}: the page did not change at all"
        found = [
            text
            for text in visible_text(html)
            if text in english_text
            and text not in allowed
            and sum(c.isalpha() for c in text) > 1
            and not text.startswith(("http", "/", "#"))
            and not _is_data(text, data, labels)
            and _in_sources(text, sources)
        ]
        if found:
            left[name] = sorted(set(found))
    report = "\n".join(f"{name}: {texts}" for name, texts in left.items())
    assert not left, f"{language} staff pages still show English:\n{report}"


def test_french_and_spanish_staff_pages_use_the_ungp_terms(db):
    org, user = demo()
    fr = staff_pages(org, user, "fr")
    es = staff_pages(org, user, "es")
    assert "Registre des impacts sur les droits de l’homme" in fr["register"]
    assert "Gravité pour les personnes" in fr["register"]
    assert "Registro de impactos en los derechos humanos" in es["register"]
    assert (
        "Principes directeurs relatifs aux entreprises et aux droits de l’homme" in fr["register"]
    )
    assert "Principios Rectores sobre las empresas y los derechos humanos" in es["register"]
    assert "Cycle de diligence raisonnable" in fr["assessment"]
    assert "Ciclo de debida diligencia" in es["assessment"]
    assert "ampleur 3" in fr["register"] and "Portée" in fr["impact"]  # severity, not the scoping


# ---- The core's own words (rightslens/ux/wording.py) ----------------------------------------------

UX_LOCALE = Path(settings.BASE_DIR) / "rightslens" / "ux" / "locale"
# Core labels that French or Spanish write as English does.
CORE_SAME = {
    "fr": {
        "Expert",
        "Comparable",
        "Possible",
        "Rare",
        "Probable",
        "Absent",
        "Permission",
        "Obligation",
        "Cause",
        "Satisfaction",
        "Restitution",
        "Version",
        "Accessible",
        "Transparent",
    },
    "es": {"Error", "Comparable", "Probable", "Neutral", "Irreversible", "Grave", "Severe", "No"},
}


# Sentences that French or Spanish write as English does.
SAME_SENTENCES = {"fr": {"fria.status"}, "es": set()}


def _ux_catalogue(language: str) -> dict[str, str]:
    import gettext

    with open(UX_LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]


def _core_enum_labels() -> set[str]:
    import enum
    import importlib
    import pkgutil

    import rightslens.core
    from rightslens.core.vocabulary import label

    found: set[str] = set()
    for info in pkgutil.walk_packages(rightslens.core.__path__, "rightslens.core."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum):
                for member in value:
                    raw = member.name.lower() if isinstance(member.value, int) else member.value
                    if str(raw):
                        found.add(label(str(raw)))
    return found


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_core_label_and_sentence_has_its_wording_in_the_language(language):
    from rightslens.ux.wording import FIXED_LABELS, SENTENCES

    catalogue = _ux_catalogue(language)
    labels = _core_enum_labels() | set(FIXED_LABELS)
    missing = sorted(t for t in labels if f"core\x04{t}" not in catalogue)
    assert not missing, f"{language}: core labels without wording: {missing}"
    untranslated = sorted(
        t for t in labels if catalogue[f"core\x04{t}"] == t and t not in CORE_SAME[language]
    )
    assert not untranslated, f"{language}: core labels left in English: {untranslated}"
    for key, english in SENTENCES.items():
        translated = catalogue.get(f"core:{key}\x04{english}")
        assert translated, (language, key)
        assert translated != english or key in SAME_SENTENCES[language], (language, key)
        # The parts that vary must all be kept, and nothing else asked for.
        assert set(re.findall(r"{(\w+)}", translated)) == set(re.findall(r"{(\w+)}", english)), key


def _sentences_built_by_the_core() -> list[tuple[str, str]]:
    """(expected id, sentence) for every sentence shape, as the core itself builds them."""
    from datetime import datetime, timedelta

    from rightslens.core import gates, involvement, lifecycle, quality
    from rightslens.core.disclosure.signoff import fria_approval_problems
    from rightslens.core.effectiveness import IndicatorRule, Point, group_result, series_verdict
    from rightslens.core.severity import rating_errors

    impact = quality.ImpactFacts(
        id=2,
        title="Face match errors",
        severe=True,
        affected_groups=0,
        vulnerable_groups=1,
        open_actions=0,
        all_actions=0,
        disaggregated_tracking=False,
        rationale_missing=("scale",),
        remedy_owed=True,
    )
    gap = quality.ImpactFacts(
        id=3,
        title="Wrong answers",
        severe=False,
        affected_groups=1,
        vulnerable_groups=0,
        open_actions=1,
        all_actions=1,
        disaggregated_tracking=True,
        response_gaps=("Provide remedy for the harm", "Cease or prevent your contribution"),
    )
    facts = quality.AssessmentFacts(
        id=1,
        title="A",
        all_categories=("cat-privacy",),
        considered_categories=frozenset(),
        impacts=(impact, gap),
        actions=(quality.ActionFacts(4, 2, "Retrain the model", True, False),),
        undecided_red_lines=1,
        overdue=True,
        system_changed=True,
        untested_languages=("sw", "pt"),
        category_titles={"cat-privacy": "Right to privacy"},
    )
    built = [(f"quality.{f.code}", f.message) for f in quality.run_checks(facts)]
    now = datetime(2026, 12, 6)
    for approved, opened in ((None, ()), (now - timedelta(days=900), ((7, now), (8, now)))):
        changed = now - timedelta(days=1)
        result = gates.system_clearance(
            approved_at=approved,
            system_changed_at=changed,
            open_assessments=tuple(
                gates.OpenAssessment(i, at - timedelta(days=2 if i == 7 else 0)) for i, at in opened
            ),
            now=now,
            review_period_days=365,
        )
        built += [("", r) for r in result.reasons]
    built += [("", text) for text in gates.CLEARANCE_TEXT.values()]
    award = gates.AwardFacts(
        screened=False,
        red_line_hits_undecided=False,
        use_stopped=False,
        vendor_conclusion="",
        vendor_conclusion_label="",
        assessment_state=None,
        named_clauses=(gates.NamedClause("Human rights audit", False),),
        affected_groups=(),
        unengaged_groups=("Children",),
    )
    built += [("", p) for p in gates.award_problems(award)]
    late = gates.AwardFacts(
        screened=True,
        red_line_hits_undecided=True,
        use_stopped=False,
        vendor_conclusion="escalate",
        vendor_conclusion_label="Escalate",
        assessment_state="in_review",
        named_clauses=(),
        affected_groups=("Children",),
        unengaged_groups=(),
    )
    built += [("", p) for p in gates.award_problems(late)]
    built += [
        ("", p)
        for p in gates.high_risk_conclusion_problems(
            conclusion="escalate", supply_conditions="", leverage_actions=0
        )
    ]
    categories = gates.CategoryFacts(
        titles={"cat-privacy": "Right to privacy", "cat-speech": "Freedom of expression"},
        decided=frozenset({"cat-speech"}),
        dismissed=frozenset({"cat-speech"}),
        open_suggestions=(("cat-speech", "Over-blocking of news"),),
    )
    built += [("", p) for p in gates.category_problems("full", categories)]
    built += [
        ("", p)
        for p in gates.severe_engagement_problems(
            (gates.SevereImpactEngagement("Face match errors", ("Migrants",), ("Migrants",), ""),)
        )
    ]
    refusal = lifecycle.ApprovalContext(
        lifecycle.State.DRAFT, True, False, ("Severe impact “A” has no action.",), 1
    )
    built += [("", r) for r in lifecycle.approval_refusals(refusal)]
    built += [("", t) for t in lifecycle.FLAG_TEXT.values()]
    for kind in involvement.Involvement:
        for actual in (True, False):
            for severe in (True, False):
                response = involvement.required_response(kind, actual=actual, severe=severe)
                built.append(("", response.guidance))
                built += [("", r.label) for r in response.requirements]
    built += [("", e) for e in rating_errors({}, actual=True, likelihood=2).values()]
    built += [
        ("", e)
        for e in rating_errors(
            {"scale": 4, "scope": 1, "irremediability": 1}, actual=False, likelihood=None
        ).values()
    ]
    rule = IndicatorRule(lower_is_better=True, tolerance=1.0, min_group_size=10, target=2.0)
    day = datetime(2026, 1, 1).date()
    series = [
        [],
        [Point(day, 1.0, 50)],
        [Point(day, 5.0, 50)],
        [Point(day, 5.0, 50), Point(day + timedelta(days=30), 4.0, 50)],
        [Point(day, 4.0, 50), Point(day + timedelta(days=30), 4.0, 50)],
    ]
    built += [("", series_verdict(rule, s)[1]) for s in series]
    overall = [Point(day, 3.0, 500)]
    built.append(("", group_result(rule, "age", "65+", [Point(day, 9.0, 40)], overall).reason))
    built.append(("", group_result(rule, "age", "15-17", [Point(day, 9.0, 4)], overall).reason))
    built += _suggestion_sentences()
    built += _business_model_sentences()
    built += _screening_sentences()
    built += [
        ("", p)
        for p in fria_approval_problems(
            in_review=False,
            approver_is_senior=False,
            unanswered=["Item 3: data"],
            independence=None,
        )
    ]
    return built


def _business_model_sentences() -> list[tuple[str, str]]:
    from rightslens.core import business_model as bm

    model = bm.BusinessModel(
        general_purpose=True,
        revenue_model=bm.RevenueModel.ADVERTISING,
        target_customers=(bm.TargetCustomer.PUBLIC_SECTOR, bm.TargetCustomer.CONSUMERS),
        release_speed=bm.ReleaseSpeed.RACED,
        release_style=bm.ReleaseStyle.DOWNLOADABLE,
        weights=bm.WeightsPolicy.OPEN,
    )
    risks = bm.inherent_risks(model)
    assert len(risks) == 6
    return [("", text) for r in risks for text in (r.risk, r.board_decision)]


def _screening_sentences() -> list[tuple[str, str]]:
    from rightslens.core.screening import (
        STATUS_LABELS,
        LegalStatus,
        LegalStatusKind,
        RedLineHit,
        legal_status_summary,
    )

    law = LegalStatus(LegalStatusKind.PROHIBITED_BY_LAW, "EU AI Act", "Art. 5(1)(f)")
    call = LegalStatus(LegalStatusKind.CALLED_FOR_BY_UN_EXPERTS, "OHCHR", "A/HRC/48/31")
    combinations = [(), (law,), (call,), (law, call)]
    built = [
        ("", legal_status_summary(RedLineHit("rl", "R", (), statuses, exceptions=exceptions)))
        for statuses in combinations
        for exceptions in ("", "Medical or safety reasons")
    ]
    labels = [STATUS_LABELS[k] for k in STATUS_LABELS if k != LegalStatusKind.PROHIBITED_BY_LAW]
    return built + [("", text) for text in labels]


def _pattern_matches(key: str, english: str) -> bool:
    from rightslens.ux.wording import _pattern

    return _pattern(key).match(english) is not None


def _suggestion_sentences() -> list[tuple[str, str]]:
    """Every reason and built-in title the suggestion rules give, for profiles that trigger them."""
    from rightslens.core.suggestions import RiskExample, SystemProfile, profile_keywords, suggest

    text = (
        "A chat companion app that generates images for school students, screens job applicants "
        "(hiring, recruit), uses face matching, serves a ministry, gives medical advice, runs in "
        "the workplace, covers election news, filters content, writes fiction, clones a voice, "
        "scores credit, decides welfare benefit claims, handles asylum cases and police reports."
    )
    profiles = [
        SystemProfile(
            kind="foundation_model",
            languages=("en", "sw", "pt"),
            countries=("KE", "BR"),
            sectors=("public sector",),
            weights="open",
            text=text,
        ),
        SystemProfile(kind="other_ai", vulnerable_groups=("vg-children",), text="A tutor."),
    ]
    example = RiskExample(
        "ex-1", "Any", "cat-child", affected_group_refs=("vg-children",), triggers_on=()
    )
    built: list[tuple[str, str]] = []
    for profile in profiles:
        built += [("", reason) for reason in profile_keywords(profile).values()]
        for suggestion in suggest(profile, [example]):
            built += [("", reason) for reason in suggestion.reasons]
            if not suggestion.example_id:
                built.append(("", suggestion.title))
    return built


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_sentences_the_core_builds_are_shown_in_the_language(language):
    from django.utils import translation

    from rightslens.ux.wording import core_text

    built = _sentences_built_by_the_core()
    codes = {key for key, _ in built if key}
    from rightslens.ux.wording import SENTENCES

    assert codes == {k for k in SENTENCES if k.startswith("quality.")}, "a finding is not built"
    shapes = {k for k in SENTENCES if k.startswith("suggest.")} - {
        "suggest.description_says",  # read from the description by impact_reading
        "suggest.treaty_people",
        "suggest.close_in_meaning",
        "suggest.learned_category",  # only with the learned models: tested below
        "suggest.learned_right",
        "suggest.closest_in_meaning",
    }
    matched = {
        k
        for k in shapes
        for _key, english in built
        if _pattern_matches(k, english) or SENTENCES[k].split("{")[0] in english
    }
    assert matched == shapes, f"suggestion sentences the test does not build: {shapes - matched}"
    left = []
    with translation.override(language):
        for key, english in built:
            shown = core_text(english, key or None)
            if shown == english or english in shown:
                left.append(english)
    assert not left, f"{language}: core sentences still in English: {left}"
    with translation.override("en"):
        # English reads as the core wrote it, except that a knowledge id becomes its title.
        changed = {e: core_text(e) for _key, e in built if core_text(e) != e}
    assert changed == {
        "It affects a group at heightened risk (vg-children).": (
            "It affects a group at heightened risk (Children)."
        )
    }


def test_a_sentence_keeps_its_parts_and_translates_the_parts_that_are_core_labels():
    from django.utils import translation

    from rightslens.ux.wording import core_text

    english = "“Wrong answers”: the plan does not yet cover: Provide remedy for the harm."
    with translation.override("fr"):
        shown = core_text(english)
    assert shown == "« Wrong answers » : le plan ne couvre pas encore : Réparer le préjudice."
    with translation.override("es"):
        assert core_text("A sentence the core never builds.") == "A sentence the core never builds."
    from rightslens.common.knowledge import knowledge

    privacy = knowledge().get("cat-privacy")
    with translation.override("es"):
        shown = core_text(f"Risk category “{privacy.title}” was never considered.")
    assert shown == f"La categoría de riesgo «{privacy.title_in('es')}» nunca se ha examinado."


def _first_impact_assessment(org):
    from rightslens.assessments.models import Assessment

    return Assessment.objects.filter(organisation=org, impacts__isnull=False).order_by("pk").first()


@pytest.mark.parametrize("language", ["fr", "es"])
def test_staff_pages_show_findings_bands_and_responses_in_the_language(db, language):
    from django.test import Client
    from django.utils import translation

    from rightslens.assessments.cycle_selectors import quality_findings
    from rightslens.assessments.models import Impact
    from rightslens.ux.wording import core_label, core_text, finding_text

    org, user = demo()
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    assessment = _first_impact_assessment(org)
    findings = quality_findings(assessment)
    assert findings, "the demo assessment should have quality findings to show"
    quality = " ".join(visible_text(client.get(f"/o/{org.slug}/quality/").content.decode()))
    with translation.override(language):
        wanted = [finding_text(f) for f in findings]
    for finding, translated in zip(findings, wanted, strict=True):
        assert finding.message not in quality, finding.message
        assert translated in quality, translated

    detail = client.get(f"/o/{org.slug}/assessments/{assessment.pk}/").content.decode()
    bands = set(re.findall(r'class="badge band-\d">([^<]*)<', detail))
    with translation.override(language):
        expected = {
            f"{b} – {core_label(n)}"
            for b, n in ((4, "severe"), (3, "high"), (2, "medium"), (1, "low"))
        }
    assert bands and bands <= expected, bands
    assert not bands & {"4 – Severe", "3 – High", "2 – Medium", "1 – Low"}

    impact = Impact.objects.filter(assessment=assessment).order_by("pk").first()
    page = " ".join(
        visible_text(client.get(f"/o/{org.slug}/impacts/{impact.pk}/").content.decode())
    )
    from rightslens.core.involvement import Involvement, required_response

    response = required_response(
        Involvement(impact.involvement), actual=impact.actual, severe=impact.severity_band == 4
    )
    with translation.override(language):
        guidance = core_text(response.guidance)
        requirement = core_text(response.requirements[0].label)
    assert response.guidance not in page and guidance in page
    assert requirement in page and requirement != response.requirements[0].label


@pytest.mark.parametrize(
    ("language", "headings", "english"),
    [
        (
            "fr",
            [
                "1. Périmètre",
                "4. Incidences classées par priorité",
                "Risque pour les personnes",
                "incidences sur les personnes recensées",
            ],
            ["1. Scope", "Risk to people", "impacts on people identified", "NOT CONSIDERED"],
        ),
        (
            "es",
            [
                "1. Alcance",
                "4. Impactos priorizados",
                "Riesgo para las personas",
                "impactos en las personas identificados",
            ],
            ["1. Scope", "Risk to people", "impacts on people identified", "NOT CONSIDERED"],
        ),
    ],
)
def test_the_pdf_report_has_its_headings_and_findings_in_the_language(
    db, language, headings, english
):
    import io

    from django.test import Client
    from django.utils import translation
    from pypdf import PdfReader

    from rightslens.assessments.cycle_selectors import quality_findings
    from rightslens.ux.wording import finding_text

    org, user = demo()
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    assessment = _first_impact_assessment(org)
    response = client.get(f"/o/{org.slug}/assessments/{assessment.pk}/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    for heading in headings:
        assert heading in text, heading
    for phrase in english:
        assert phrase not in text, phrase
    finding = quality_findings(assessment)[0]
    with translation.override(language):
        words = " ".join(finding_text(finding).split()[:4])
    assert words in text and finding.message not in text


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_impact_reading_reasons_read_in_the_language(language):
    """The reasons impact_reading gives ("Why:"), in the shapes it writes them."""
    from django.utils import translation

    from rightslens.ux.wording import core_text

    reasons = [
        "The description says “it rejects applicants with gaps in their CV”.",
        "“screens job applicants” is close in meaning to: A CV filter that ranks candidates",
        "It names people with a treaty of their own (CRPD): “wheelchair users”.",
    ]
    with translation.override(language):
        shown = [core_text(r) for r in reasons]
    for english, text in zip(reasons, shown, strict=True):
        assert text != english, english
    assert "screens job applicants" in shown[1] and "A CV filter that ranks candidates" in shown[1]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_questionnaire_answer_errors_read_in_the_language(language):
    from django.utils import translation

    from rightslens.core.questionnaire import answer_errors
    from rightslens.ux.wording import core_text

    errors = answer_errors([], {"q-unknown": "yes"})
    assert errors == {"q-unknown": "This question is not part of the questionnaire."}
    with translation.override(language):
        shown = core_text(errors["q-unknown"])
        choose = core_text("Choose one of: low, high.")
    assert shown != errors["q-unknown"]
    assert choose != "Choose one of: low, high." and "low, high" in choose


@pytest.mark.parametrize(
    "language,expected",
    [("fr", "modèle appris : 85 %"), ("es", "modelo aprendido: 85 %")],
)
def test_the_learned_layers_reason_is_shown_in_the_language(language, expected):
    from django.utils import translation

    from rightslens.core.impact_reading import LEARNED_REASON
    from rightslens.ux.wording import core_text

    english = LEARNED_REASON.format(percent=85)
    with translation.override(language):
        assert expected in core_text(english)
    with translation.override("en"):
        assert core_text(english) == english


@pytest.mark.parametrize(
    "language,expected,ground",
    [
        ("fr", "modèle appris : 72 %", "est la phrase dont le sens est le plus proche de"),
        ("es", "modelo aprendido: 72 %", "es la frase de sentido más cercano a"),
    ],
)
def test_a_suggestion_the_learned_models_wrote_reads_in_the_language(language, expected, ground):
    from django.utils import translation

    from rightslens.core.impact_reading import RIGHT_REASON, WRITTEN_REASON
    from rightslens.ux.wording import core_text

    written = WRITTEN_REASON.format(
        quoted="the app ranks tenants by arrears risk", example="A model flags tenants"
    )
    right = RIGHT_REASON.format(percent=72)
    with translation.override(language):
        shown = core_text(written)
        assert ground in shown
        assert "the app ranks tenants by arrears risk" in shown and "A model flags tenants" in shown
        assert expected in core_text(right)
