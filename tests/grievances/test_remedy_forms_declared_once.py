"""Forms of remedy are declared once: ids in the core enum (= the knowledge base's items), the
words people read in one translated mapping; choices, labels and plain words come from it."""

from __future__ import annotations

import dataclasses

from rightslens.common.knowledge import knowledge, use_knowledge
from rightslens.core.grievance import RemedyForm
from rightslens.grievances.apps import remedy_forms_check
from rightslens.grievances.forms import RemedyForm as RemedyFormForm
from rightslens.grievances.models import REMEDY_FORM_CHOICES, REMEDY_FORM_PLAIN, Remedy


def test_every_list_of_remedy_forms_is_the_core_enum_in_order():
    ids = [form.value for form in RemedyForm]
    assert [value for value, _label in REMEDY_FORM_CHOICES] == ids
    assert list(REMEDY_FORM_PLAIN) == ids
    assert [v for v, _l in Remedy._meta.get_field("form").choices] == ids
    assert [v for v, _l in RemedyFormForm().fields["remedy_form"].choices] == ids


def test_the_knowledge_base_offers_exactly_these_forms():
    assert remedy_forms_check() == []
    assert {i.id for i in knowledge().by_type("remedy_form")} == {f.value for f in RemedyForm}


def test_the_app_refuses_to_start_when_the_library_lost_a_form():
    kb = knowledge()
    dropped = dataclasses.replace(
        kb, items={k: v for k, v in kb.items.items() if k != RemedyForm.COMPENSATION.value}
    )
    use_knowledge(dropped)
    try:
        errors = remedy_forms_check()
    finally:
        use_knowledge(None)
    assert errors and errors[0].id == "rightslens.E002"
    assert "remedy-compensation" in errors[0].msg
