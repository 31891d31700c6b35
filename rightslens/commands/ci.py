"""For CI pipelines: ask a RightsLens server whether a system needs an assessment (ci check)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
from typing import Any

#: Exit codes, so a pipeline can stop or warn (the server computes the status; these mirror
#: rightslens.core.gates.EXIT_CODES, kept here because this command runs without Django):
CLEARED = 0  # a current approved assessment covers the system as it is now
USAGE_OR_SERVER_ERROR = 2
NEEDS_ASSESSMENT = 3  # nothing current covers the system: an assessment is needed
IN_PROGRESS = 4  # an assessment is open but not approved: in progress, not cleared
EXIT_CODES = {"cleared": CLEARED, "assessment_needed": NEEDS_ASSESSMENT, "in_progress": IN_PROGRESS}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="ci_command", required=True)
    check = sub.add_parser(
        "check",
        help="Exit 0 if cleared (a current approved assessment covers the system as it is now), "
        "3 if an assessment is needed, 4 if one is in progress but not approved, 2 on errors.",
    )
    check.add_argument("--url", default=os.environ.get("RIGHTSLENS_URL", ""), help="Server URL.")
    check.add_argument("--token", default=os.environ.get("RIGHTSLENS_TOKEN", ""), help="API token.")
    check.add_argument("--org", required=True, help="Organisation slug.")
    check.add_argument("--system", required=True, type=int, help="System id.")
    check.add_argument(
        "--start", action="store_true", help="Open the suggested assessment if needed."
    )
    check.add_argument("--trigger", default="context_change", help="Trigger recorded with --start.")
    check.add_argument("--note", default="", help="What changed, recorded with --start.")
    check.add_argument("--format", choices=["json", "text"], default="text")
    parser.set_defaults(handler=run, needs_django=False)


class ApiError(Exception):
    pass


def _call(
    args: argparse.Namespace, method: str, path: str, body: dict[str, Any] | None = None
) -> Any:
    url = args.url.rstrip("/") + path
    if not url.startswith(("http://", "https://")):
        raise ApiError(
            "--url (or RIGHTSLENS_URL) must be an http(s) address of a RightsLens server"
        )
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)  # noqa: S310 (checked above)
    request.add_header("Authorization", f"Bearer {args.token}")
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        detail = json.loads(exc.read() or b"{}").get("error", {}).get("message", exc.reason)
        raise ApiError(f"{method} {path}: {exc.code} {detail}") from exc
    except urllib.error.URLError as exc:
        raise ApiError(f"cannot reach {args.url}: {exc.reason}") from exc


def run(args: argparse.Namespace) -> int:
    if not args.token:
        print(
            "rightslens ci: an API token is needed (--token or RIGHTSLENS_TOKEN)", file=sys.stderr
        )
        return USAGE_OR_SERVER_ERROR
    base = f"/api/cycle/orgs/{args.org}/systems/{args.system}"
    try:
        status = _call(args, "GET", f"{base}/assessment-status")
        if status["needs_assessment"] and args.start:
            kind = status["suggested_kind"]
            body = {"kind": kind, "trigger": args.trigger, "trigger_note": args.note}
            status["started"] = _call(args, "POST", f"{base}/assessments", body)
    except ApiError as exc:
        print(f"rightslens ci: {exc}", file=sys.stderr)
        return USAGE_OR_SERVER_ERROR
    _report(status, args.format)
    return EXIT_CODES.get(status.get("status", ""), USAGE_OR_SERVER_ERROR)


def _report(status: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(status, indent=2))
        return
    print(status["status_text"])
    if status["needs_assessment"]:
        print(f"A {status['suggested_kind']} assessment is needed:")
    for reason in status["reasons"]:
        print(f"  - {reason}")
    if "started" in status:
        print(f"Started: {status['started']['url']}")
