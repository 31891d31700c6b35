"""Generate an organisation of realistic size and variety, for measuring and load-testing.

    manage.py generate_org --slug big --owner owner@example.org --systems 1000 --impacts 50000

Sizes not given follow in proportion to the full size (1,000 systems, 5,000 assessments, 50,000
impacts, 20,000 actions, 5,000 grievances): assessments follow the systems, actions and
grievances the impacts. Systems, groups, assessments,
impacts and actions are bulk-created with the same invariants as the services (band and priority
come from the core rules); grievances go through `grievance_submit`, so their text is encrypted.
Deterministic for a given --seed.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from rightslens.accounts.models import Membership, Organisation, OrganisationKind, Role
from rightslens.assessments import catalogue
from rightslens.assessments.models import (
    Action,
    ActionStatus,
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    Impact,
    ImpactStatus,
)
from rightslens.assessments.rules import impact_apply_rules
from rightslens.core.involvement import ActionType, Involvement
from rightslens.core.vocabulary import LifecycleStage, SystemKind, ValueChainRole
from rightslens.inventory.models import AffectedGroup, AISystem

FULL = {
    "systems": 1000,
    "assessments": 5000,
    "impacts": 50000,
    "actions": 20000,
    "grievances": 5000,
}
BATCH = 2000
PURPOSES = [
    "Screens job applications",
    "Answers customer questions in chat",
    "Scores credit applications",
    "Moderates user posts",
    "Transcribes and summarises calls",
    "Recommends content to readers",
    "Generates marketing images",
    "Flags suspected fraud in claims",
]
GROUPS = [
    ("Job applicants", False),
    ("Customers", False),
    ("Content moderators", True),
    ("Children and young users", True),
    ("Speakers of minority languages", True),
    ("People with disabilities", True),
    ("Migrant workers", True),
    ("Residents of served regions", False),
]
HARMS = [
    "Discriminatory outcomes for {g}",
    "Exposure of personal data of {g}",
    "Wrongful denial of service to {g}",
    "Chilling effect on expression of {g}",
    "Unsafe advice given to {g}",
    "Psychological harm to {g}",
]
LANGS = ["en", "pt", "es", "fr", "sw", "hi", "ar", "id"]
COUNTRIES = ["BR", "KE", "IN", "DE", "US", "ID", "NG", "FR"]


def sizes(systems: int | None, impacts: int | None) -> dict[str, int]:
    """Counts for each kind of record: the given ones, the rest in proportion to the full size
    (assessments follow the systems; actions and grievances follow the impacts)."""
    if systems is None and impacts is None:
        systems = FULL["systems"]
    if systems is None:
        systems = max(1, round(impacts * FULL["systems"] / FULL["impacts"]))  # type: ignore[operator]  # set above
    if impacts is None:
        impacts = round(systems * FULL["impacts"] / FULL["systems"])
    per_impact = impacts / FULL["impacts"]
    return {
        "systems": systems,
        "assessments": max(1, round(systems * FULL["assessments"] / FULL["systems"])),
        "impacts": impacts,
        "actions": round(per_impact * FULL["actions"]),
        "grievances": round(per_impact * FULL["grievances"]),
    }


class Command(BaseCommand):
    help = "Generate an organisation of realistic size for performance work (see the module doc)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--slug", required=True)
        parser.add_argument("--owner", required=True, help="Owner's email (created if new).")
        parser.add_argument("--systems", type=int)
        parser.add_argument("--impacts", type=int)
        parser.add_argument("--assessments", type=int)
        parser.add_argument("--actions", type=int)
        parser.add_argument("--grievances", type=int)
        parser.add_argument("--seed", type=int, default=18)
        parser.add_argument("--password", default="generated-password-2026")

    def handle(self, *args: Any, **options: Any) -> None:
        if Organisation.objects.filter(slug=options["slug"]).exists():
            raise CommandError(f"An organisation with slug {options['slug']!r} already exists.")
        counts = sizes(options["systems"], options["impacts"])
        for key in ("assessments", "actions", "grievances"):
            if options[key] is not None:
                counts[key] = options[key]
        started = time.monotonic()
        generate_org(
            slug=options["slug"],
            owner_email=options["owner"],
            password=options["password"],
            counts=counts,
            seed=options["seed"],
        )
        took = time.monotonic() - started
        summary = ", ".join(f"{v:,} {k}" for k, v in counts.items())
        self.stdout.write(f"Generated {options['slug']}: {summary} in {took:.1f} s")


@transaction.atomic
def generate_org(
    *, slug: str, owner_email: str, password: str, counts: dict[str, int], seed: int = 18
) -> Organisation:
    rnd = random.Random(seed)
    User = get_user_model()
    user = User.objects.filter(username=owner_email).first() or User.objects.create_user(
        username=owner_email, email=owner_email, password=password
    )
    org = Organisation.objects.create(
        name=f"Generated {slug}", slug=slug, kind=OrganisationKind.COMPANY
    )
    Membership.objects.create(
        user=user, organisation=org, role=Role.OWNER, is_grievance_officer=True
    )
    systems = _systems(org, counts["systems"], rnd)
    groups = _groups(org, systems, rnd)
    assessments = _assessments(org, systems, counts["assessments"], user, rnd)
    impacts = _impacts(org, assessments, groups, counts["impacts"], rnd)
    _actions(org, impacts, counts["actions"], rnd)
    _grievances(org, counts["grievances"], rnd)
    return org


def _systems(org: Organisation, n: int, rnd: random.Random) -> list[AISystem]:
    roles = [r.value for r in ValueChainRole]
    rows = [
        AISystem(
            organisation=org,
            name=f"{rnd.choice(PURPOSES).split()[0]} system {i + 1:04d}",
            purpose=rnd.choice(PURPOSES),
            value_chain_roles=rnd.sample(roles, 2),
            lifecycle_stage=rnd.choice(list(LifecycleStage)).value,
            kind=rnd.choice(list(SystemKind)).value,
            countries=rnd.sample(COUNTRIES, rnd.randint(1, 4)),
            sectors=["technology"],
            languages=rnd.sample(LANGS, rnd.randint(1, 3)),
        )
        for i in range(n)
    ]
    return AISystem.objects.bulk_create(rows, batch_size=BATCH)


def _groups(
    org: Organisation, systems: list[AISystem], rnd: random.Random
) -> dict[int, list[AffectedGroup]]:
    rows = [
        AffectedGroup(organisation=org, system=s, name=name, vulnerable=vulnerable)
        for s in systems
        for name, vulnerable in rnd.sample(GROUPS, 3)
    ]
    by_system: dict[int, list[AffectedGroup]] = {}
    for g in AffectedGroup.objects.bulk_create(rows, batch_size=BATCH):
        by_system.setdefault(g.system_id, []).append(g)
    return by_system


def _assessments(
    org: Organisation, systems: list[AISystem], n: int, user: Any, rnd: random.Random
) -> list[Assessment]:
    kinds = [k.value for k in AssessmentKind]
    statuses = [AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW, AssessmentStatus.APPROVED]
    rows = [
        Assessment(
            organisation=org,
            system=systems[i % len(systems)],
            title=f"{systems[i % len(systems)].name}: assessment {i // len(systems) + 1}",
            kind=rnd.choice(kinds),
            status=rnd.choices(statuses, weights=[5, 2, 3])[0],
            created_by=user,
            scope_languages=systems[i % len(systems)].languages,
            scope_countries=systems[i % len(systems)].countries,
        )
        for i in range(n)
    ]
    return Assessment.objects.bulk_create(rows, batch_size=BATCH)


def _impacts(
    org: Organisation,
    assessments: list[Assessment],
    groups: dict[int, list[AffectedGroup]],
    n: int,
    rnd: random.Random,
) -> list[Impact]:
    rights = [rid for _, group in catalogue.right_choices() for rid, _ in group]
    categories = [cid for cid, _ in catalogue.risk_category_choices()] or ["other"]
    involvements = [i.value for i in Involvement]
    rows, links = [], []
    for i in range(n):
        assessment = assessments[i % len(assessments)]
        chosen = rnd.sample(groups[assessment.system_id], rnd.randint(1, 2))
        actual = rnd.random() < 0.15
        impact = Impact(
            organisation=org,
            assessment=assessment,
            title=rnd.choice(HARMS).format(g=chosen[0].name.lower()),
            description="Generated for scale testing.",
            rights=rnd.sample(rights, rnd.randint(1, 3)),
            risk_category=rnd.choice(categories),
            actual=actual,
            scale=rnd.randint(1, 4),
            scope=rnd.randint(1, 4),
            irremediability=rnd.randint(1, 4),
            likelihood=None if actual else rnd.randint(1, 5),
            involvement=rnd.choice(involvements),
            business_risk=rnd.choice([None, 1, 2, 3, 4]),
            status=rnd.choices(list(ImpactStatus), weights=[6, 2, 2])[0],
        )
        impact_apply_rules(impact)  # the same band and priority the services would store
        if impact.status != ImpactStatus.OPEN:  # bulk_create skips save(), which stamps this
            impact.closed_at = timezone.now()
        rows.append(impact)
        links.append(chosen)
    created = Impact.objects.bulk_create(rows, batch_size=BATCH)
    through = Impact.affected_groups.through
    through.objects.bulk_create(
        [
            through(impact_id=impact.pk, affectedgroup_id=g.pk)
            for impact, chosen in zip(created, links, strict=True)
            for g in chosen
        ],
        batch_size=BATCH,
    )
    return created


def _actions(org: Organisation, impacts: list[Impact], n: int, rnd: random.Random) -> None:
    types = [t.value for t in ActionType]
    today = date.today()
    if not n:
        return
    targets = rnd.sample(impacts, min(n, len(impacts)))
    rows = [
        Action(
            organisation=org,
            impact=targets[i % len(targets)],
            action_type=rnd.choice(types),
            description=f"Generated action {i + 1}",
            owner=rnd.choice(["Trust and safety", "Legal", "Product", "Data science"]),
            due_date=today + timedelta(days=rnd.randint(-60, 180)),
            status=rnd.choice(list(ActionStatus)).value,
        )
        for i in range(n)
    ]
    Action.objects.bulk_create(rows, batch_size=BATCH)


def _grievances(org: Organisation, n: int, rnd: random.Random) -> None:
    from rightslens.grievances.services import grievance_submit  # grievances build on this app

    for i in range(n):
        grievance_submit(
            organisation=org,
            content=f"Generated grievance {i + 1}: the system treated me unfairly.",
            language=rnd.choice(LANGS),
            name="" if rnd.random() < 0.6 else f"Complainant {i + 1}",
        )
