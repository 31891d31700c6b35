"""Load the demo organisation. Idempotent: running it twice changes nothing and loses nothing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from rightslens.accounts.models import Membership, Organisation, OrganisationKind, Role
from rightslens.common.discovery import app_modules

DEMO_EMAIL = "demo@rightslens.example"
DEMO_PASSWORD = "demo-password-2026"
DEMO_SLUG = "demo"


class Command(BaseCommand):
    help = "Create the demo organisation (Lumen AI) and its content, if not there already."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            user, org, created = ensure_demo_org()
            if created:
                # Each app with a demo.py adds its content, in INSTALLED_APPS (dependency) order.
                for _label, module in app_modules("demo"):
                    module.load(org, user)
        state = "created" if created else "already present, left unchanged"
        self.stdout.write(f"Demo organisation {state}. Log in as {DEMO_EMAIL} / {DEMO_PASSWORD}")


def ensure_demo_org() -> tuple[Any, Organisation, bool]:
    User = get_user_model()
    user = User.objects.filter(username=DEMO_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            username=DEMO_EMAIL, email=DEMO_EMAIL, password=DEMO_PASSWORD
        )
    org = Organisation.objects.filter(slug=DEMO_SLUG).first()
    if org is not None:
        return user, org, False
    org = Organisation.objects.create(
        name="Lumen AI (demo)", slug=DEMO_SLUG, kind=OrganisationKind.COMPANY
    )
    Membership.objects.create(
        user=user, organisation=org, role=Role.OWNER, is_grievance_officer=True
    )
    return user, org, True
