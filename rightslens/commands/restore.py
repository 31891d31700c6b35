"""Verify a backup and replace all data with it; a wrong key is refused before any change."""

from __future__ import annotations

import argparse

from rightslens.commands.management import run_management_command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="The backup archive.")
    parser.add_argument("--check", action="store_true", help="Only verify; change nothing.")
    parser.add_argument("--yes", action="store_true", help="Do not ask before replacing data.")
    parser.set_defaults(handler=run, needs_django=True)


def run(args: argparse.Namespace) -> int:
    flags = [flag for flag, on in (("--check", args.check), ("--yes", args.yes)) if on]
    return run_management_command("restore", args.path, *flags)
