"""The `rightslens` command line. Subcommands are added by modules under rightslens.commands."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence

from rightslens.common.discovery import import_optional

# Each entry: subcommand name -> module with `add_arguments(parser)` and `run(args) -> int`.
COMMANDS = {
    "kb": "rightslens.commands.kb",
    "policy": "rightslens.commands.policy",
    "system": "rightslens.commands.system",
    "ci": "rightslens.commands.ci",
    "fria": "rightslens.commands.fria",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rightslens", description="Human rights due diligence for AI."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module_name in COMMANDS.items():
        if (module := import_optional(module_name)) is not None:
            module.add_arguments(sub.add_parser(name, help=module.__doc__))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # behave like a Unix tool when piped into `head`
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = build_parser().parse_args(argv)
    if getattr(args, "needs_django", False):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightslens.settings")
        import django

        django.setup()
        from django.db import DatabaseError

        try:
            return int(args.handler(args))
        except DatabaseError as exc:
            print(
                f"rightslens: database error: {exc}. Has it been migrated (make run)?",
                file=sys.stderr,
            )
            return 2
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
