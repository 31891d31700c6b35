"""Re-encrypt every encrypted field and attachment under the current grievance key."""

from __future__ import annotations

import argparse

from rightslens.commands.management import run_management_command


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(handler=run, needs_django=True)


def run(args: argparse.Namespace) -> int:
    return run_management_command("rotate_grievance_key")
