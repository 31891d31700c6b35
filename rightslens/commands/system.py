"""Read an AI system's record and its assessments (system show | system list)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="system_command", required=True)
    show = sub.add_parser(
        "show", help="Print one system and its assessments (status, version, approval)."
    )
    show.add_argument("--org", required=True, help="Organisation slug.")
    show.add_argument("--system", required=True, type=int, help="System id.")
    show.add_argument("--format", choices=["json", "text"], default="text")
    listing = sub.add_parser("list", help="List the organisation's systems.")
    listing.add_argument("--org", required=True, help="Organisation slug.")
    listing.add_argument("--format", choices=["json", "text"], default="text")
    listing.add_argument("--archived", action="store_true", help="Include archived systems.")
    parser.set_defaults(handler=run, needs_django=True)


def run(args: argparse.Namespace) -> int:
    if args.system_command == "list":
        return _list(args)
    return _show(args)


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def system_document(org_slug: str, system_id: int) -> dict[str, Any] | None:
    from rightslens.assessments.cycle_selectors import system_clearance
    from rightslens.assessments.selectors import assessment_record
    from rightslens.inventory.models import AISystem
    from rightslens.inventory.selectors import system_record

    system = AISystem.objects.filter(organisation__slug=org_slug, pk=system_id).first()
    if system is None:
        return None
    return system_record(system) | {
        "organisation": org_slug,
        "assessments": [assessment_record(a) for a in system.assessments.order_by("-created_at")],
        "clearance": system_clearance(system),
    }


def _show(args: argparse.Namespace) -> int:
    document = system_document(args.org, args.system)
    if document is None:
        return _fail(f"No system {args.system} in organisation '{args.org}'.")
    if args.format == "json":
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    print(f"{document['name']} (#{document['id']}): {document['purpose']}")
    print(
        f"  kind {document['kind']}, stage {document['lifecycle_stage']}, roles {', '.join(document['value_chain_roles'])}"
    )
    print(
        f"  countries {', '.join(document['countries']) or '-'}; languages {', '.join(document['languages']) or '-'}"
    )
    print(f"  {document['clearance']['status_text']}")
    for a in document["assessments"]:
        approved = f", approved {a['approved_at']}" if a["approved_at"] else ""
        print(f"  assessment #{a['id']} v{a['version']}: {a['title']} [{a['status']}{approved}]")
    return 0


def _list(args: argparse.Namespace) -> int:
    from rightslens.accounts.models import Organisation
    from rightslens.inventory.selectors import SystemFilters, systems_for

    organisation = Organisation.objects.filter(slug=args.org).first()
    if organisation is None:
        return _fail(f"No organisation '{args.org}'.")
    filters = SystemFilters(archived="all" if args.archived else "active")
    rows = [
        {"id": s.pk, "name": s.name, "kind": s.kind, "archived": s.is_archived}
        for s in systems_for(organisation=organisation, filters=filters)
    ]
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            print(
                f"{row['id']}\t{row['name']}\t{row['kind']}{' (archived)' if row['archived'] else ''}"
            )
    return 0
