from rightslens.core.suggestions import (
    RiskExample,
    SystemProfile,
    profile_keywords,
    suggest,
    untested_languages,
)

ASSISTANT = SystemProfile(
    kind="generative_application",
    languages=("en", "sw", "pt", "id"),
    countries=("KE", "BR", "ID"),
    vulnerable_groups=("vg-children",),
    text="A multilingual chat assistant",
    safety_tested_languages=("en",),
)


def test_market_entry_assistant_gets_expression_privacy_and_child_suggestions_with_reasons():
    categories = {s.category_ref for s in suggest(ASSISTANT, [])}
    assert {"cat-expression", "cat-privacy", "cat-child"} <= categories
    for suggestion in suggest(ASSISTANT, []):
        assert suggestion.reasons and all(r.strip() for r in suggestion.reasons)


def test_a_single_language_internal_tool_gets_no_language_suggestions():
    profile = SystemProfile(kind="other_ai", languages=("en",), text="invoice matching")
    assert suggest(profile, []) == []
    assert "multilingual" not in profile_keywords(profile)


def test_knowledge_examples_match_on_triggers_and_groups_and_system_kind():
    examples = [
        RiskExample(
            "ex-child-1", "Grooming", "cat-child", ("generative_application",), ("vg-children",), ()
        ),
        RiskExample("ex-work-1", "Hiring bias", "cat-work", (), (), ("hiring",)),
        RiskExample(
            "ex-privacy-1", "Memorised data", "cat-privacy", ("foundation_model",), (), ("chatbot",)
        ),
    ]
    found = {s.example_id: s for s in suggest(ASSISTANT, examples) if s.example_id}
    assert set(found) == {"ex-child-1"}
    assert "vg-children" in found["ex-child-1"].reasons[0]


def test_untested_languages_lists_languages_never_safety_tested():
    assert untested_languages(ASSISTANT) == ("sw", "pt", "id")
    assert (
        untested_languages(
            SystemProfile(kind="x", languages=("en-GB",), safety_tested_languages=("en",))
        )
        == ()
    )


def test_suggestions_carry_the_groups_at_heightened_risk_they_fall_on():
    examples = [
        RiskExample(
            "ex-expression-2",
            "Over-blocking",
            "cat-expression",
            (),
            ("vg-low-resource-languages", "vg-minorities"),
            ("multilingual",),
        )
    ]
    found = {s.key: s for s in suggest(ASSISTANT, examples)}
    assert found["ex-expression-2"].affected_group_refs == (
        "vg-low-resource-languages",
        "vg-minorities",
    )
    by_category = {s.category_ref: s for s in found.values() if not s.example_id}
    assert by_category["cat-child"].affected_group_refs == ("vg-children",)
    assert by_category["cat-equality"].affected_group_refs == ("vg-low-resource-languages",)
    assert by_category["cat-privacy"].affected_group_refs == ()


def test_cues_match_whole_words_not_fragments_of_other_words():
    profile = SystemProfile(
        kind="generative_application",
        text="A machine-learning interface for minority-language newsrooms; flags borderline "
        "posts and shows how readers benefit.",
    )
    keywords = profile_keywords(profile)
    for wrong in ("biometric", "children", "education", "migration", "welfare"):
        assert wrong not in keywords, wrong


def test_cues_still_find_inflected_words_and_punctuated_text():
    profile = SystemProfile(
        kind="generative_application",
        text="Screens CVs for recruitment; used by schoolchildren? No: by teenagers, at the border.",
        sectors=("public_sector",),
    )
    keywords = profile_keywords(profile)
    for expected in ("hiring", "children", "migration", "public_sector"):
        assert expected in keywords, expected


def test_welfare_education_and_biometric_uses_are_still_recognised():
    keywords = profile_keywords(
        SystemProfile(
            kind="other_ai",
            text="Triage of benefits claims, a homework tutor, and facial recognition at the gate.",
        )
    )
    for expected in ("welfare", "education", "biometric"):
        assert expected in keywords, expected
