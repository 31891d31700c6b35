"""Tenancy fixtures: one object for every `<int:..._id>` URL kwarg the accounts URLs use."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from rightslens.accounts.models import Membership, Organisation, Role


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    colleague = get_user_model().objects.create_user(
        username=f"colleague@{organisation.slug}.test", email=f"colleague@{organisation.slug}.test"
    )
    member = Membership.objects.create(
        user=colleague, organisation=organisation, role=Role.CONTRIBUTOR
    )
    return {"member_id": member.pk}
