"""Run a manage.py command from the `rightslens` CLI, turning its errors into an exit code."""

from __future__ import annotations

import sys


def run_management_command(name: str, *args: str) -> int:
    from django.core.management import CommandError, call_command

    try:
        call_command(name, *args)
    except CommandError as exc:
        print(f"rightslens: {exc}", file=sys.stderr)
        return 1
    return 0
