"""Tenancy fixtures: one object for every `<int:..._id>` URL kwarg the notifications URLs use."""

from __future__ import annotations

from typing import Any

from rightslens.accounts.models import Membership, Organisation

from .models import Kind, Notification


def tenancy_objects(organisation: Organisation, user: Any) -> dict[str, int]:
    recipient = Membership.objects.get(organisation=organisation, user=user)
    notification = Notification.objects.create(
        organisation=organisation,
        recipient=recipient,
        kind=Kind.ACTION_DUE,
        subject="Action due",
        link=f"/o/{organisation.slug}/tasks/",
        key="tenancy:action",
    )
    return {"notification_id": notification.pk}
