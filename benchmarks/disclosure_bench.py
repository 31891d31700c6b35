"""How long each regulatory output takes for an organisation with 50 systems (issue 15).

Builds a throw-away SQLite database: 50 systems, each with an assessment (half approved), four
impacts with two actions each (one human-review measure with an indicator and measurements),
engagement events and grievances; then renders, through the web views, each output the issue
names: a FRIA as JSON, DOCX and PDF and its notification pack, the ESRS S4 draft page, the public
S4 page and the public transparency page listing all 50 systems. Reports seconds (median and
slowest of the repeats). Figures, not a test: nothing passes or fails on a clock.

    .venv/bin/python benchmarks/disclosure_bench.py [--systems 50] [--repeat 3] [--json]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _setup(db_path: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightslens.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _build(n_systems: int) -> tuple[object, object, object]:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from rightslens.accounts.models import Membership, Organisation, Role
    from rightslens.assessments.models import (
        Action,
        ActionPlan,
        Assessment,
        Impact,
        Indicator,
        Measurement,
    )
    from rightslens.disclosure.models import EsrsDraft, Fria, TransparencyPage
    from rightslens.engagement.models import EngagementEvent, Stakeholder
    from rightslens.grievances.services import grievance_submit
    from rightslens.inventory.models import AffectedGroup, AISystem

    org = Organisation.objects.create(name="Bench Org", slug="bench")
    user = get_user_model().objects.create_user(
        "bench@example.test", "bench@example.test", "pw-bench-2026"
    )
    Membership.objects.create(user=user, organisation=org, role=Role.OWNER)
    stakeholder = Stakeholder.objects.create(
        organisation=org, name="NGO", kind="proxy", region="africa"
    )
    today = datetime.date(2026, 6, 1)
    systems = []
    for n in range(n_systems):
        system = AISystem.objects.create(
            organisation=org,
            name=f"System {n:02d}",
            purpose=f"Purpose {n}",
            lifecycle_stage="deploy",
            kind="other_ai",
            value_chain_roles=["deployer"],
            countries=["KE", "BR"],
            languages=["en", "sw"],
        )
        AffectedGroup.objects.create(
            organisation=org, system=system, name="Users", vulnerable=n % 2 == 0
        )
        approved = n % 2 == 0
        assessment = Assessment.objects.create(
            organisation=org,
            system=system,
            title=f"Assessment {n}",
            context_of_use="Context",
            status="approved" if approved else "draft",
            approved_at=timezone.now() if approved else None,
            approved_by=user if approved else None,
        )
        for k in range(4):
            impact = Impact.objects.create(
                organisation=org,
                assessment=assessment,
                title=f"Impact {n}.{k}",
                rights=["udhr-19", "udhr-12"],
                risk_category="cat-privacy",
                scale=1 + k % 4,
                scope=2,
                irremediability=2,
                likelihood=2,
                involvement="cause",
                severity_band=1 + k % 4,
                priority=k,
            )
            for a in range(2):
                action = Action.objects.create(
                    organisation=org,
                    impact=impact,
                    action_type="remedy" if a else "mitigate",
                    description=f"Action {a}",
                    status="done" if a else "in_progress",
                )
                if a == 0:
                    ActionPlan.objects.create(
                        organisation=org, action=action, mitigation_type="mit-human-review"
                    )
                    indicator = Indicator.objects.create(
                        organisation=org, action=action, name="Overturned", target=5
                    )
                    for m in range(3):
                        Measurement.objects.create(
                            organisation=org,
                            indicator=indicator,
                            measured_on=today - datetime.timedelta(days=30 * m),
                            value=5 + m,
                            n=100,
                        )
            event = EngagementEvent.objects.create(
                organisation=org,
                title=f"Event {n}",
                held_on=today,
                phase="identify",
                method="workshop",
                heard="Heard",
                changed="Changed",
            )
            event.participants.add(stakeholder)
            event.impacts.add(impact)
        systems.append(system)
    for g in range(20):
        grievance_submit(organisation=org, content=f"Grievance {g}", language="en")
    fria = Fria.objects.create(
        organisation=org, system=systems[0], template_id="fria-rightslens-v1"
    )
    draft = EsrsDraft.objects.create(
        organisation=org,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        published_items=["S4-1", "S4-2", "S4-3", "S4-4", "S4-5"],
    )
    page = TransparencyPage.objects.create(organisation=org, enabled=True)
    page.systems.set(systems)
    return user, fria, draft


def _time(client, url: str, repeat: int) -> dict[str, float]:
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - start)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return {"median_s": round(statistics.median(seconds), 3), "max_s": round(max(seconds), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _setup(str(Path(tmp) / "bench.sqlite3"))
        from django.test import Client

        user, fria, draft = _build(args.systems)
        client = Client()
        client.force_login(user)
        public = Client()
        f = f"/o/bench/disclosure/fria/{fria.pk}/"
        urls = {
            "FRIA page": f,
            "FRIA JSON": f + "fria.json",
            "FRIA DOCX": f + "fria.docx",
            "FRIA PDF": f + "fria.pdf",
            "notification pack": f + "notification.zip",
            "ESRS S4 draft": f"/o/bench/disclosure/esrs/{draft.pk}/",
            "disclosure overview": "/o/bench/disclosure/",
        }
        figures = {name: _time(client, url, args.repeat) for name, url in urls.items()}
        figures["public ESRS S4 page"] = _time(public, f"/t/bench/s4/{draft.pk}/", args.repeat)
        figures["public transparency page"] = _time(public, "/t/bench/", args.repeat)
    if args.json:
        print(
            json.dumps(
                {"systems": args.systems, "repeat": args.repeat, "figures": figures}, indent=2
            )
        )
    else:
        print(f"{args.systems} systems, {args.repeat} repeats (seconds)")
        for name, row in figures.items():
            print(f"  {name:<26} median {row['median_s']:>6.3f}   slowest {row['max_s']:>6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
