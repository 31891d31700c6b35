"""Export a system's fundamental rights impact assessment (EU AI Act Art. 27) as JSON, DOCX or PDF."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="fria_command", required=True)
    export = sub.add_parser(
        "export",
        help="The latest FRIA of the system (its frozen copy once approved); without one, a "
        "preview computed from the register.",
    )
    export.add_argument("--org", required=True, help="Organisation slug.")
    export.add_argument("--system", required=True, type=int, help="System id.")
    export.add_argument("--format", choices=["json", "docx", "pdf"], default="json")
    export.add_argument("--output", type=Path, help="File to write (default: standard output).")
    parser.set_defaults(handler=run, needs_django=True)


def run(args: argparse.Namespace) -> int:
    from rightslens.disclosure import exports
    from rightslens.disclosure.selectors import fria_json, latest_fria
    from rightslens.inventory.models import AISystem

    system = AISystem.objects.filter(organisation__slug=args.org, pk=args.system).first()
    if system is None:
        print(f"No system {args.system} in organisation '{args.org}'.", file=sys.stderr)
        return 1
    document = fria_json(system=system, fria=latest_fria(system=system))
    if args.format == "json":
        body = json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    elif args.format == "docx":
        body = exports.fria_docx(document)
    else:
        body = exports.fria_pdf(document)
    if args.output is not None:
        args.output.write_bytes(body)
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    return 0
