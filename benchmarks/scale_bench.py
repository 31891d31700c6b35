"""Scale benchmark: pages and API routes at demo, 10 % and full size, against a bare-view floor.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rl_bench \\
        .venv/bin/python benchmarks/scale_bench.py --prepare      # migrate, demo, s10, s100
    DATABASE_URL=... .venv/bin/python benchmarks/scale_bench.py --orgs demo,s10,s100 --n 20

Starts the server itself: gunicorn with --workers (default 2) sync workers, the production server
(or Django's runserver with --noreload, threaded, given --server runserver); benchmark-only
settings in benchmarks/scale/: DEBUG off, an X-Queries header, and the floor view. For each
organisation and route: median and p95 of N sequential requests, queries per request, and the
ratio of the median to the floor's median measured in the same run. Exports are timed once each,
with the largest worker's resident memory before and its peak (VmHWM) after. Prints a Markdown
table; --json writes the figures too. --prepare also runs VACUUM ANALYZE on PostgreSQL (the
planner needs statistics after a bulk load; autovacuum would gather them in time).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8718  # --port; another server already listening there is refused, not measured
PAGES = [
    ("dashboard", "/o/{slug}/"),
    ("register", "/o/{slug}/register/"),
    ("register by right", "/o/{slug}/register/?right={right}"),
    ("register by group", "/o/{slug}/register/?group={group}"),
    ("register page 3", "/o/{slug}/register/?cursor={cursor3}"),
    ("group suggestions", "/o/{slug}/register/options/groups/?q=a"),
    ("systems list", "/o/{slug}/systems/"),
    ("assessments list", "/o/{slug}/assessments/"),
    ("board brief", "/o/{slug}/board-brief/"),
    ("quality checks", "/o/{slug}/quality/"),
]
APIS = [
    ("register API", "/api/assessments/orgs/{slug}/register"),
    ("systems API", "/api/inventory/orgs/{slug}/systems"),
    ("assessments API", "/api/assessments/orgs/{slug}/assessments"),
]
EXPORTS = ["csv", "xlsx", "json"]


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.scale.settings"
    import django

    django.setup()


def prepare() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo")
    from rightslens.accounts.models import Organisation

    for slug, systems in (("s10", 100), ("s100", 1000)):
        if not Organisation.objects.filter(slug=slug).exists():
            started = time.monotonic()
            call_command(
                "generate_org", slug=slug, owner="bench@example.org", systems=systems, verbosity=0
            )
            print(f"generated {slug} in {time.monotonic() - started:.1f} s")
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def credentials(slug: str) -> tuple[str, str, dict[str, str]]:
    """A session cookie and an API token for the org's owner, plus values for the URLs."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from rightslens.accounts.models import Membership, Role
    from rightslens.assessments.models import Impact
    from rightslens.assessments.register import register_page

    membership = Membership.objects.select_related("user", "organisation").filter(
        organisation__slug=slug, role=Role.OWNER
    )[0]
    user = membership.user
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    from rightslens.api.tokens import token_issue

    org = membership.organisation
    token = token_issue(user=user, organisation=org, name="scale bench", can_write=False)[1]
    right = (
        Impact.objects.filter(organisation=org).values_list("rights", flat=True)[:1] or [[""]]
    )[0]
    first = register_page(organisation=org)
    cursor3 = ""
    if first.next_cursor:
        second = register_page(organisation=org, cursor=first.next_cursor)
        cursor3 = second.next_cursor
    group = Impact.affected_groups.through.objects.filter(impact__organisation=org).values_list(
        "affectedgroup_id", flat=True
    )[:1]
    values = {
        "slug": slug,
        "org_id": str(org.pk),
        "group": str(group[0]) if group else "",
        "right": right[0] if right else "",
        "cursor3": cursor3,
    }
    return session.session_key or "", token, values


def get(path: str, headers: dict[str, str]) -> tuple[float, int, str, int]:
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers=headers)
    started = time.perf_counter()
    try:
        opened = urllib.request.urlopen(request, timeout=300)  # noqa: S310  (our own server on 127.0.0.1)
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{path}: HTTP {error.code}") from error
    if opened.geturl() != request.full_url:  # a login redirect would time the login page
        raise SystemExit(f"{path}: redirected to {opened.geturl()}")
    with opened as response:  # noqa: S310  (our own server on 127.0.0.1)
        size = 0
        while chunk := response.read(1 << 16):
            size += len(chunk)
        queries = response.headers.get("X-Queries", "?")
        status = response.status
    return (time.perf_counter() - started) * 1000, status, queries, size


def timed(path: str, headers: dict[str, str], n: int) -> dict[str, object]:
    for _ in range(2 * int(SERVER["workers"])):  # warm every worker
        get(path, headers)
    times, queries, size = [], "?", 0
    for _ in range(n):
        ms, status, queries, size = get(path, headers)
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status}")
        times.append(ms)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"median_ms": statistics.median(times), "p95_ms": p95, "queries": queries, "bytes": size}


def rss_kb(pid: int) -> tuple[int, int]:
    """The largest resident set and the largest peak among the server's processes (gunicorn's
    workers are the master's children; runserver is one process)."""
    pids = [pid] + [
        int(child)
        for task in Path(f"/proc/{pid}/task").iterdir()
        for child in (task / "children").read_text().split()
    ]
    found = []
    for one in pids:
        try:
            lines = Path(f"/proc/{one}/status").read_text().splitlines()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in lines)
        found.append((int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])))
    return max(r for r, _ in found), max(h for _, h in found)


SERVER = {"kind": "gunicorn", "workers": 2}


def serve() -> subprocess.Popen[bytes]:
    import socket

    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            raise SystemExit(f"port {PORT} is in use by another server: choose one with --port")
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="benchmarks.scale.settings", PYTHONPATH=str(ROOT))
    if SERVER["kind"] == "gunicorn":
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            "rightslens.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(SERVER["workers"]),
            "--timeout",
            "300",
        ]
    else:
        command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"]
    server = subprocess.Popen(  # noqa: S603  (our own fixed command)
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=2)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not start")


def run(slugs: list[str], n: int, exports: bool) -> dict[str, object]:
    from django.conf import settings  # the session cookie's name (__Host-sessionid without DEBUG)

    results: dict[str, object] = {}
    server = serve()
    try:
        for slug in slugs:
            session, token, values = credentials(slug)
            page_headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"}
            api_headers = {"Authorization": f"Bearer {token}"}
            floor = timed(f"/bench/floor/{values['org_id']}/", page_headers, n)
            rows = {"floor (bare view, 50 rows)": floor}
            for name, url in PAGES:
                if ("{cursor3}" in url and not values["cursor3"]) or (
                    "{group}" in url and not values["group"]
                ):
                    continue
                rows[name] = timed(url.format(**values), page_headers, n)
            for name, url in APIS:
                rows[name] = timed(url.format(**values), api_headers, n)
            if exports:
                for fmt in EXPORTS:
                    before = rss_kb(server.pid)
                    ms, _, _, size = get(f"/o/{slug}/register/export.{fmt}", page_headers)
                    after = rss_kb(server.pid)
                    rows[f"export {fmt}"] = {
                        "median_ms": ms,
                        "p95_ms": ms,
                        "queries": "streamed",
                        "bytes": size,
                        "rss_before_mb": before[0] // 1024,
                        "rss_peak_mb": after[1] // 1024,
                    }
            for row in rows.values():
                row["ratio_to_floor"] = row["median_ms"] / floor["median_ms"]  # type: ignore[operator]
            results[slug] = rows
    finally:
        server.terminate()
        server.wait()
    return results


def table(results: dict[str, object]) -> str:
    lines = []
    for slug, rows in results.items():
        lines += [
            f"\n### {slug}\n",
            "| route | median ms | p95 ms | × floor | queries | KB | server RSS MB (before → peak) |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, r in rows.items():  # type: ignore[attr-defined]
            memory = f"{r['rss_before_mb']} → {r['rss_peak_mb']}" if "rss_peak_mb" in r else ""
            lines.append(
                f"| {name} | {r['median_ms']:.0f} | {r['p95_ms']:.0f} | {r['ratio_to_floor']:.1f} "
                f"| {r['queries']} | {r['bytes'] // 1024} | {memory} |"
            )
    return "\n".join(lines)


def main() -> None:
    global PORT  # noqa: PLW0603  (one setting for the module's helpers)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--orgs", default="demo,s10")
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--no-exports", action="store_true")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--server", choices=["gunicorn", "runserver"], default="gunicorn")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2 cores here)")
    args = parser.parse_args()
    SERVER.update(kind=args.server, workers=args.workers)
    PORT = args.port
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("note: DATABASE_URL is not PostgreSQL; figures are for SQLite", file=sys.stderr)
    django_setup()
    if args.prepare:
        prepare()
        return
    results = run(args.orgs.split(","), args.n, not args.no_exports)
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
