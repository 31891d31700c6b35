from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from .forms import unique_org_slug
from .models import Membership, Organisation, Role


@transaction.atomic
def account_signup(
    *, email: str, password: str, organisation_name: str, organisation_kind: str
) -> tuple[Any, Organisation]:
    """A new user and their organisation, with the user as its owner."""
    user = get_user_model().objects.create_user(username=email, email=email, password=password)
    org = Organisation.objects.create(
        name=organisation_name, slug=unique_org_slug(organisation_name), kind=organisation_kind
    )
    Membership.objects.create(
        user=user, organisation=org, role=Role.OWNER, is_grievance_officer=True
    )
    return user, org
