"""Write a signed backup archive of the database and media (encrypted fields stay encrypted)."""

from __future__ import annotations

import argparse

from rightslens.commands.management import run_management_command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="Where to write the archive (tar.gz, created 0600).")
    parser.set_defaults(handler=run, needs_django=True)


def run(args: argparse.Namespace) -> int:
    return run_management_command("backup", args.path)
