"""Reloading knowledge in the running app: upgrades keep stored references working; bad reloads are refused."""

import logging

import pytest

from rightslens.assessments.models import Assessment, Impact
from rightslens.common import knowledge as knowledge_access
from rightslens.core.knowledge import LibraryError
from rightslens.inventory.models import AISystem
from tests.kb.library_fixtures import RIGHTS_ITEMS, write_fixture_set, write_library

DEPRECATE_EXPRESSION = RIGHTS_ITEMS.replace(
    "    related_refs: [fx-right-privacy]\n",
    "    related_refs: [fx-right-privacy]\n    deprecated: true\n    replaced_by: fx-right-privacy\n",
)
WITHOUT_EXPRESSION = RIGHTS_ITEMS.split("  - type: right\n    id: fx-right-expression")[0]


@pytest.fixture(autouse=True)
def fresh_knowledge():
    knowledge_access.use_knowledge(None)
    yield
    knowledge_access.use_knowledge(None)


@pytest.fixture
def impact(org):
    system = AISystem.objects.create(
        organisation=org,
        name="Helpdesk bot",
        purpose="Answer questions",
        lifecycle_stage="deploy",
        kind="generative_application",
    )
    assessment = Assessment.objects.create(organisation=org, system=system, title="Launch review")
    return Impact.objects.create(
        organisation=org,
        assessment=assessment,
        title="Chat logs expose users",
        rights=["fx-right-privacy", "fx-right-expression"],
        risk_category="fx-cat",
        scale=3,
        scope=2,
        irremediability=2,
        likelihood=2,
        involvement="cause",
    )


def stored_references(impact):
    impact.refresh_from_db()
    return [*impact.rights, impact.risk_category]


def test_an_upgrade_that_deprecates_an_item_keeps_the_impacts_references_resolving(
    tmp_path, impact
):
    v1 = knowledge_access.reload_knowledge(write_fixture_set(tmp_path / "v1"))
    assert v1.missing(stored_references(impact)) == []
    v2 = knowledge_access.reload_knowledge(
        write_fixture_set(tmp_path / "v2", rights_version=2, rights_items=DEPRECATE_EXPRESSION)
    )
    assert v2 is knowledge_access.knowledge()
    assert v2.libraries["fx-rights"].version == 2
    assert v2.missing(stored_references(impact)) == []
    assert v2.get("fx-right-expression").deprecated


def test_an_upgrade_that_removes_a_cited_item_is_refused_and_the_last_good_version_kept(
    tmp_path, impact, caplog
):
    v1 = knowledge_access.reload_knowledge(write_fixture_set(tmp_path / "v1"))
    with caplog.at_level(logging.ERROR, logger="rightslens.knowledge"):
        served = knowledge_access.reload_knowledge(
            write_fixture_set(tmp_path / "v2", rights_version=2, rights_items=WITHOUT_EXPRESSION)
        )
    assert served is v1 and knowledge_access.knowledge() is v1
    assert served.missing(stored_references(impact)) == []
    assert "[fx-right-expression]" in caplog.text and "deprecated: true" in caplog.text


def test_a_malformed_file_on_reload_keeps_the_last_good_version(tmp_path, caplog):
    v1 = knowledge_access.reload_knowledge(write_fixture_set(tmp_path / "v1"))
    broken = write_fixture_set(tmp_path / "v2", rights_version=2)
    write_library(
        broken,
        "guidance",
        "  - type: principle\n    id: [oops\n",
        library_id="fx-guidance",
        version=2,
    )
    with caplog.at_level(logging.ERROR, logger="rightslens.knowledge"):
        assert knowledge_access.reload_knowledge(broken) is v1
    assert "guidance.yaml" in caplog.text and "not valid YAML" in caplog.text


def test_a_downgrade_on_reload_keeps_the_higher_version(tmp_path):
    v2 = knowledge_access.reload_knowledge(
        write_fixture_set(
            tmp_path / "v2",
            rights_version=2,
            rights_items=RIGHTS_ITEMS.replace("Right to privacy", "Privacy v2"),
        )
    )
    assert knowledge_access.reload_knowledge(write_fixture_set(tmp_path / "v1")) is v2
    assert knowledge_access.knowledge().get("fx-right-privacy").title == "Privacy v2"


def test_with_no_good_version_yet_a_bad_load_is_an_error(tmp_path):
    broken = write_library(
        tmp_path,
        "guidance",
        "  - type: gadget\n    id: g\n    title: G\n    citations: [{source: src, locator: p}]\n",
        library_id="g",
    ).parent
    with pytest.raises(LibraryError):
        knowledge_access.reload_knowledge(broken)


def test_the_running_app_picks_up_changed_files_and_ignores_broken_ones(
    tmp_path, monkeypatch, caplog
):
    directory = write_fixture_set(tmp_path / "live")
    monkeypatch.setattr(knowledge_access, "KNOWLEDGE_DIR", directory)
    monkeypatch.setattr(knowledge_access, "CHECK_SECONDS", 0)
    assert knowledge_access.knowledge().libraries["fx-rights"].version == 1
    write_library(directory, "rights", DEPRECATE_EXPRESSION, library_id="fx-rights", version=2)
    upgraded = knowledge_access.knowledge()
    assert upgraded.libraries["fx-rights"].version == 2
    write_library(directory, "rights", WITHOUT_EXPRESSION, library_id="fx-rights", version=3)
    with caplog.at_level(logging.ERROR, logger="rightslens.knowledge"):
        assert knowledge_access.knowledge() is upgraded
        assert knowledge_access.knowledge() is upgraded
    assert (
        caplog.text.count("reload refused") == 1
    )  # a refused set of files is not retried until it changes
