"""User and document content is escaped wherever it is shown (no stored XSS)."""

from __future__ import annotations

import pytest

from conftest import client_for, make_member
from rightslens.accounts.models import Role
from rightslens.grievances.services import grievance_submit
from rightslens.policy.testing import make_version

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('rl')</script>"


def test_grievance_content_is_escaped_on_the_officers_case_page(org):
    officer = make_member(org, "officer@acme.test", Role.ASSESSOR, officer=True)
    grievance, _ = grievance_submit(organisation=org, content=f"It said {SCRIPT}", language="en")
    page = client_for(officer).get(f"/o/acme/grievances/{grievance.pk}/").content.decode()
    assert "&lt;script&gt;alert(" in page
    assert SCRIPT not in page


def test_uploaded_policy_text_is_escaped_in_evidence_and_in_context(org, owner):
    text = (
        f"Article 1\nProviders shall carry out a human rights impact assessment {SCRIPT} "
        "before deployment.\n\nArticle 2\nRemedy shall be provided to affected people.\n"
    )
    version = make_version(org, owner, text=text, title=f"Act {SCRIPT}")
    client = client_for(owner)
    scorecard = client.get(f"/o/acme/policy/versions/{version.pk}/").content.decode()
    assert SCRIPT not in scorecard
    assert "&lt;script&gt;" in scorecard
    context = client.get(f"/o/acme/policy/versions/{version.pk}/passage/0-{len(text)}/")
    assert context.status_code == 200
    assert SCRIPT not in context.content.decode()
    assert "&lt;script&gt;alert(" in context.content.decode()


def test_a_system_name_is_escaped_in_the_inventory(owner_client, org):
    from rightslens.inventory.testing import make_system

    make_system(org, f"Bot {SCRIPT}")
    page = owner_client.get("/o/acme/systems/").content.decode()
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page
