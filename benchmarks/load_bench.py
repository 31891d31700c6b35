"""Load benchmark: N concurrent virtual users for D seconds against a running RightsLens server.

Standard library only (threads + urllib). Staff users log in once each (their own session cookie
and CSRF token) and then browse with a short think time: dashboard, register (plain, filtered by
band and by right, and the next page), assessment list and pages, impact pages, systems list,
board brief, and the JSON APIs with a bearer token the script creates through the tokens page. A
share of the users are members of the public on the grievance channel: each GETs the form (a
fresh single-use token), waits longer than the minimum fill time, and POSTs a grievance. Now and
then a staff user uploads a short policy text (which starts its analysis in that worker, or on
the broker when one is set).

It reports, per route: count, errors, median and p95 in ms; overall requests, errors and
throughput; and, every few seconds, the RSS of each gunicorn worker (from /proc), with the peak
per worker.

It starts nothing except, with --start-gunicorn, `gunicorn rightslens.wsgi` under production-like
settings (DEBUG off) and `benchmarks.load_settings`, which raises the grievance channel's
per-organisation budget for the benchmark only. Against a server you started yourself, start it
with DJANGO_SETTINGS_MODULE=benchmarks.load_settings for the same reason (otherwise the channel
answers 429 after 60 submissions an hour, as it should in production). See benchmarks/README.md
("Load").
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED_RE = re.compile(r'name="started" value="([^"]+)"')
TOKEN_RE = re.compile(r'<code id="raw-token">([^<]+)</code>')


# ---- HTTP with a per-user cookie jar ---------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect is an answer to record, not to follow


_OPENER = urllib.request.build_opener(_NoRedirect)


@dataclass
class Answer:
    status: int
    body: str
    headers: Any
    seconds: float


class Session:
    """One virtual user's cookies. Kept by hand: production cookies are `Secure` (`__Host-`),
    which http.cookiejar would not send over the plain HTTP of a local benchmark."""

    def __init__(self, base: str, timeout: float) -> None:
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def request(
        self,
        path: str,
        *,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        cookies: bool = True,
    ) -> Answer:
        headers = dict(headers or {})
        if cookies and self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = urllib.request.Request(self.base + path, data=data, headers=headers)  # noqa: S310  (http(s) base URL from the command line)
        start = time.perf_counter()
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:  # noqa: S310  (the benchmarked server)
                body = response.read().decode("utf-8", "replace")
                status, answer_headers = response.status, response.headers
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")
            status, answer_headers = exc.code, exc.headers
        seconds = time.perf_counter() - start
        if cookies:
            for raw in answer_headers.get_all("Set-Cookie") or []:
                name, _, rest = raw.partition("=")
                value = rest.split(";", 1)[0]
                if value in ('""', "") or "max-age=0" in raw.lower():
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value
        return Answer(status, body, answer_headers, seconds)

    def form_post(self, path: str, fields: dict[str, str], referer: str) -> Answer:
        body = urllib.parse.urlencode(fields).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": self.base + referer,
        }
        return self.request(path, data=body, headers=headers)

    def multipart_post(
        self,
        path: str,
        fields: dict[str, str],
        files: dict[str, tuple[str, bytes, str]],
        referer: str,
        *,
        cookies: bool = True,
    ) -> Answer:
        boundary = uuid.uuid4().hex
        parts: list[bytes] = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                + value.encode()
                + b"\r\n"
            )
        for name, (filename, content, content_type) in files.items():
            parts.append(
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
                ).encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": self.base + referer,
        }
        return self.request(path, data=b"".join(parts), headers=headers, cookies=cookies)


# ---- Results ---------------------------------------------------------------------------------


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def record(self, route: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.times[route].append(seconds)
            if error:
                self.errors[route] += 1
                if len(self.error_samples[route]) < 3:
                    self.error_samples[route].append(error)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


# ---- The mix ---------------------------------------------------------------------------------


@dataclass
class Targets:
    """What the staff users browse, found once before the clock starts."""

    org: str
    assessments: list[int]
    impacts: list[int]
    right: str
    register_next: str
    token: str


def _ids(html: str, pattern: str) -> list[int]:
    return sorted({int(x) for x in re.findall(pattern, html)})


def login(session: Session, email: str, password: str) -> None:
    page = session.request("/accounts/login/")
    match = CSRF_RE.search(page.body)
    if page.status != 200 or not match:
        raise RuntimeError(f"login page: HTTP {page.status}")
    answer = session.form_post(
        "/accounts/login/",
        {"csrfmiddlewaretoken": match.group(1), "username": email, "password": password},
        referer="/accounts/login/",
    )
    if answer.status != 302 or "/accounts/login" in (answer.headers.get("Location") or ""):
        raise RuntimeError(
            f"login as {email} failed (HTTP {answer.status}); a second factor is not supported"
        )


def discover(session: Session, org: str) -> Targets:
    listing = session.request(f"/o/{org}/assessments/")
    assessments = _ids(listing.body, rf"/o/{re.escape(org)}/assessments/(\d+)/")
    register = session.request(f"/o/{org}/register/")
    impacts = _ids(register.body, rf"/o/{re.escape(org)}/impacts/(\d+)/")
    if not assessments or not impacts:
        raise RuntimeError(f"organisation {org!r} has no assessments or impacts to browse")
    tokens_page = session.request(f"/o/{org}/tokens/")
    csrf = CSRF_RE.search(tokens_page.body)
    if not csrf:
        raise RuntimeError(f"tokens page: HTTP {tokens_page.status}")
    created = session.form_post(
        f"/o/{org}/tokens/",
        {
            "csrfmiddlewaretoken": csrf.group(1),
            "name": f"load bench {time.strftime('%Y-%m-%d %H:%M')}",
            "access": "read",
            "days": "30",
        },
        referer=f"/o/{org}/tokens/",
    )
    token = TOKEN_RE.search(created.body)
    if not token:
        raise RuntimeError(f"could not create an API token (HTTP {created.status})")
    # The most common right, to filter by; a cursor some way down the register, to page with.
    api = session.request(
        f"/api/assessments/orgs/{org}/register?limit=10",
        headers={"Authorization": f"Bearer {token.group(1)}"},
    )
    rows = json.loads(api.body) if api.status == 200 else []
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for right_id in row.get("rights", []):
            counts[right_id] += 1
    right = max(counts, key=lambda k: counts[k]) if counts else ""
    cursor = re.search(r"[?&]cursor=([^&>]+)", api.headers.get("Link") or "")
    register_next = f"?cursor={cursor.group(1)}" if cursor else ""
    return Targets(org, assessments, impacts, right, register_next, token.group(1))


def staff_routes(t: Targets) -> list[tuple[str, int, Any]]:
    """(route name, weight, path or a function of the random generator giving the path)."""
    o = t.org
    routes: list[tuple[str, int, Any]] = [
        ("dashboard", 3, f"/o/{o}/"),
        ("register", 3, f"/o/{o}/register/"),
        ("register ?band=4", 1, f"/o/{o}/register/?band=4"),
        ("assessment list", 2, f"/o/{o}/assessments/"),
        ("assessment page", 2, lambda r: f"/o/{o}/assessments/{r.choice(t.assessments)}/"),
        ("impact page", 3, lambda r: f"/o/{o}/impacts/{r.choice(t.impacts)}/"),
        ("systems list", 2, f"/o/{o}/systems/"),
        ("board brief", 1, f"/o/{o}/board-brief/"),
        ("api register", 1, f"/api/assessments/orgs/{o}/register?limit=50"),
        ("api systems", 1, f"/api/inventory/orgs/{o}/systems?limit=100"),
        ("api assessments", 1, f"/api/assessments/orgs/{o}/assessments?limit=100"),
    ]
    if t.right:
        routes.append(("register ?right=", 1, f"/o/{o}/register/?right={t.right}"))
    if t.register_next:
        routes.append(("register paged", 1, f"/o/{o}/register/{t.register_next}"))
    return routes


class Clock:
    """Started once every user has logged in (by the barrier's action, before any is released)."""

    def __init__(self) -> None:
        self.end: float | None = None

    def start(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def running(self) -> bool:
        return self.end is not None and time.monotonic() < self.end


class UploadBudget:
    """At most one policy upload per `interval` seconds across all users."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.next_at = time.monotonic() + min(interval, 10.0)
        self.lock = threading.Lock()

    def take(self) -> bool:
        if self.interval <= 0:
            return False
        with self.lock:
            if time.monotonic() < self.next_at:
                return False
            self.next_at = time.monotonic() + self.interval
            return True


def _call(
    stats: Stats, route: str, call: Any, *args: Any, ok: tuple[int, ...] = (200,), **kwargs: Any
) -> Answer | None:
    try:
        answer: Answer = call(*args, **kwargs)
    except (OSError, http.client.HTTPException) as exc:
        stats.record(route, 0.0, f"{type(exc).__name__}: {exc}")
        return None
    error = None if answer.status in ok else f"HTTP {answer.status}"
    stats.record(route, answer.seconds, error)
    return answer


def staff_user(
    n: int,
    args: argparse.Namespace,
    targets: Targets,
    clock: Clock,
    stats: Stats,
    uploads: UploadBudget,
    ready: threading.Barrier,
) -> None:
    rng = random.Random(args.seed * 1000 + n)
    session = Session(args.base_url, args.timeout)
    email, password = args.accounts[n % len(args.accounts)]
    try:
        login(session, email, password)
    except Exception as exc:  # reported, and this user sits the run out
        stats.record("login", 0.0, str(exc))
        ready.wait()
        return
    routes = staff_routes(targets)
    weights = [w for _, w, _ in routes]
    api_headers = {"Authorization": f"Bearer {targets.token}"}
    ready.wait()
    while clock.running():
        if uploads.take():
            _policy_upload(session, targets.org, stats)
        else:
            name, _w, path = rng.choices(routes, weights)[0]
            path = path(rng) if callable(path) else path
            headers = api_headers if name.startswith("api ") else None
            _call(stats, name, session.request, path, headers=headers)
        time.sleep(args.think * rng.uniform(0.5, 1.5))


def _policy_upload(session: Session, org: str, stats: Stats) -> None:
    home = session.request(f"/o/{org}/policy/")
    csrf = CSRF_RE.search(home.body)
    if not csrf:
        stats.record("policy upload", home.seconds, f"policy page HTTP {home.status}")
        return
    text = (
        "Section 1. Providers of AI systems shall assess risks to human rights before deployment.\n"
        "Section 2. Affected people shall have access to an effective remedy and a complaint "
        "mechanism.\nSection 3. The authority may require an independent audit.\n"
    ) * 3
    fields = {
        "csrfmiddlewaretoken": csrf.group(1),
        "title": f"Load bench policy {uuid.uuid4().hex[:8]}",
        "jurisdiction": "KE",
        "kind": "law",
        "binding": "1",
        "level": "national",
        "label": "",
        "language": "en",
        "text": "",
    }
    files = {"file": ("policy.txt", text.encode(), "text/plain")}
    _call(
        stats,
        "policy upload",
        session.multipart_post,
        f"/o/{org}/policy/",
        fields,
        files,
        f"/o/{org}/policy/",
        ok=(302,),
    )


def public_user(
    n: int, args: argparse.Namespace, clock: Clock, stats: Stats, ready: threading.Barrier
) -> None:
    """A member of the public: no cookies at all (the channel sets none), a fresh form each time."""
    rng = random.Random(args.seed * 1000 + 500 + n)
    session = Session(args.base_url, args.timeout)
    path = f"/g/{args.org}/"
    ready.wait()
    while clock.running():
        form = _call(stats, "grievance form", session.request, path, cookies=False)
        started = STARTED_RE.search(form.body) if form else None
        if not started:
            time.sleep(args.think)
            continue
        time.sleep(args.fill * rng.uniform(1.0, 1.5))  # a person writing; over the minimum
        fields = {
            "content": f"The assistant refused my claim without a reason ({uuid.uuid4().hex[:6]}).",
            "name": "",
            "contact": "",
            "website": "",
            "started": started.group(1),
        }
        answer = _call(
            stats, "grievance submit", session.multipart_post, path, fields, {}, path, cookies=False
        )
        if answer is not None and answer.status == 200 and "started" in answer.body:
            # 200 with the form again means the form was refused (e.g. over budget): an error.
            with stats.lock:
                stats.errors["grievance submit"] += 1
                if len(stats.error_samples["grievance submit"]) < 3:
                    stats.error_samples["grievance submit"].append("form shown again (refused)")
        time.sleep(args.think * rng.uniform(0.5, 1.5))


# ---- gunicorn and memory --------------------------------------------------------------------


def start_gunicorn(args: argparse.Namespace) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchmarks.load_settings",
            "RIGHTSLENS_DEBUG": "0",
            "RIGHTSLENS_SSL_REDIRECT": "0",  # plain HTTP on 127.0.0.1; cookies stay Secure
            "RIGHTSLENS_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "RIGHTSLENS_BIND": f"127.0.0.1:{args.port}",
            "WEB_CONCURRENCY": str(args.workers),
            "RIGHTSLENS_GUNICORN_LOG_LEVEL": "warning",
        }
    )
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    # A server already on the port (another run's, say) would answer /healthz for ours, which
    # would then fail to bind and exit: refuse rather than measure the wrong server.
    try:
        socket.create_connection(("127.0.0.1", args.port), timeout=2).close()
    except OSError:
        pass
    else:
        raise RuntimeError(f"port {args.port} is already in use: choose another --port")
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "-c", "python:rightslens.ops.gunicorn_conf", "rightslens.wsgi"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{args.base_url}/healthz", timeout=2)  # noqa: S310
            time.sleep(1)
            if process.poll() is not None:
                raise RuntimeError("gunicorn exited at start (is the port in use?)")
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("gunicorn exited at start") from None
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The parent pid is the 2nd field after the command name (which may contain spaces).
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _gunicorn_masters() -> list[int]:
    masters = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if "gunicorn" in cmdline and "rightslens.wsgi" in cmdline:
            parent_cmd = Path(f"/proc/{parent}/cmdline")
            try:
                is_worker = b"gunicorn" in parent_cmd.read_bytes()
            except OSError:
                is_worker = False
            if not is_worker:
                masters.append(int(entry.name))
    return masters


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class MemorySampler(threading.Thread):
    """Every `interval` seconds: each gunicorn worker's RSS; keeps the peak per worker pid."""

    def __init__(self, master: int | None, interval: float, clock: Clock) -> None:
        super().__init__(daemon=True)
        self.master, self.interval, self.clock = master, interval, clock
        self.peaks: dict[int, float] = {}
        self.samples = 0

    def run(self) -> None:
        while self.clock.running():
            if self.master:
                for pid in _children(self.master):
                    rss = _rss_mb(pid)
                    if rss is not None:
                        self.peaks[pid] = max(self.peaks.get(pid, 0.0), rss)
                self.samples += 1
            time.sleep(self.interval)


# ---- Run and report --------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    setup = Session(args.base_url, args.timeout)
    email, password = args.accounts[0]
    login(setup, email, password)
    targets = discover(setup, args.org)
    public_n = round(args.users * args.public_share)
    staff_n = args.users - public_n
    stats, uploads, clock = Stats(), UploadBudget(args.upload_interval), Clock()
    ready = threading.Barrier(args.users + 1, action=lambda: clock.start(args.duration))
    threads = [
        threading.Thread(
            target=staff_user, args=(i, args, targets, clock, stats, uploads, ready), daemon=True
        )
        for i in range(staff_n)
    ] + [
        threading.Thread(target=public_user, args=(i, args, clock, stats, ready), daemon=True)
        for i in range(public_n)
    ]
    for thread in threads:
        thread.start()
    ready.wait()  # every user has logged in: the clock runs from here
    masters = [args.gunicorn_pid] if args.gunicorn_pid else _gunicorn_masters()
    sampler = MemorySampler(masters[0] if masters else None, args.rss_interval, clock)
    sampler.start()
    started = time.monotonic()
    for thread in threads:
        thread.join(args.duration + args.timeout + 30)
    elapsed = time.monotonic() - started
    return _report(args, stats, elapsed, sampler, staff_n, public_n, masters)


def _report(
    args: argparse.Namespace,
    stats: Stats,
    elapsed: float,
    sampler: MemorySampler,
    staff_n: int,
    public_n: int,
    masters: list[int],
) -> dict[str, Any]:
    routes = {}
    for route in sorted(stats.times):
        ok_times = [t for t in stats.times[route] if t > 0]
        routes[route] = {
            "count": len(stats.times[route]),
            "errors": stats.errors.get(route, 0),
            "median_ms": round(statistics.median(ok_times) * 1000, 1) if ok_times else None,
            "p95_ms": round(_p95(ok_times) * 1000, 1) if ok_times else None,
            "max_ms": round(max(ok_times) * 1000, 1) if ok_times else None,
            "error_samples": stats.error_samples.get(route, []),
        }
    every = [t for times in stats.times.values() for t in times if t > 0]
    total = sum(r["count"] for r in routes.values())
    return {
        "base_url": args.base_url,
        "org": args.org,
        "users": {"staff": staff_n, "public": public_n},
        "duration_s": round(elapsed, 1),
        "think_s": args.think,
        "requests": total,
        "errors": sum(r["errors"] for r in routes.values()),
        "throughput_rps": round(total / elapsed, 2) if elapsed else 0.0,
        "median_ms": round(statistics.median(every) * 1000, 1) if every else None,
        "p95_ms": round(_p95(every) * 1000, 1) if every else None,
        "routes": routes,
        "gunicorn_master": masters[0] if masters else None,
        "rss_samples": sampler.samples,
        "worker_peak_rss_mb": {str(pid): round(mb, 1) for pid, mb in sorted(sampler.peaks.items())},
        "date_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
    }


def table(result: dict[str, Any]) -> str:
    lines = [
        f"{result['users']['staff']} staff + {result['users']['public']} public users for "
        f"{result['duration_s']} s against {result['base_url']} (org {result['org']}, "
        f"think {result['think_s']} s), {result['date_utc']} UTC",
        "",
        f"| {'route':<22} | count | errors | median ms | p95 ms | max ms |",
        f"|{'-' * 24}|-------|--------|-----------|--------|--------|",
    ]
    for route, r in result["routes"].items():
        lines.append(
            f"| {route:<22} | {r['count']:>5} | {r['errors']:>6} | {r['median_ms']!s:>9} | "
            f"{r['p95_ms']!s:>6} | {r['max_ms']!s:>6} |"
        )
    lines += [
        "",
        f"Overall: {result['requests']} requests, {result['errors']} errors, "
        f"{result['throughput_rps']} requests/s, median {result['median_ms']} ms, "
        f"p95 {result['p95_ms']} ms.",
    ]
    if result["worker_peak_rss_mb"]:
        peaks = ", ".join(f"{pid}: {mb} MB" for pid, mb in result["worker_peak_rss_mb"].items())
        lines.append(
            f"gunicorn master {result['gunicorn_master']}, workers' peak RSS "
            f"({result['rss_samples']} samples): {peaks}"
        )
    else:
        lines.append("No gunicorn workers found: RSS not sampled (use --gunicorn-pid).")
    for route, r in result["routes"].items():
        for sample in r["error_samples"]:
            lines.append(f"error on {route}: {sample}")
    return "\n".join(lines)


def _accounts(value: str) -> list[tuple[str, str]]:
    pairs = []
    for item in value.split(","):
        email, _, password = item.partition(":")
        if not password:
            raise argparse.ArgumentTypeError("accounts are email:password, comma-separated")
        pairs.append((email.strip(), password))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=600, help="seconds")
    parser.add_argument("--org", default="demo", help="organisation slug (the demo's: demo)")
    parser.add_argument(
        "--accounts",
        type=_accounts,
        default=[("demo@rightslens.example", "demo-password-2026")],
        help="email:password[,email:password...] shared round-robin by the staff users",
    )
    parser.add_argument("--public-share", type=float, default=0.2, help="share of public users")
    parser.add_argument("--think", type=float, default=1.0, help="mean think time, seconds")
    parser.add_argument(
        "--fill", type=float, default=3.5, help="seconds a public user takes to fill the form"
    )
    parser.add_argument(
        "--upload-interval",
        type=float,
        default=60,
        help="one policy upload per this many s (0: none)",
    )
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--rss-interval", type=float, default=3)
    parser.add_argument("--gunicorn-pid", type=int, default=0, help="master pid to sample")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the result here")
    parser.add_argument("--start-gunicorn", action="store_true")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--database-url", default="", help="DATABASE_URL for --start-gunicorn")
    args = parser.parse_args(argv)
    args.base_url = args.base_url or f"http://127.0.0.1:{args.port}"
    process = None
    if args.start_gunicorn:
        process = start_gunicorn(args)
        args.gunicorn_pid = process.pid
    try:
        result = run(args)
    finally:
        if process is not None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    result["gunicorn_started_by_bench"] = bool(process)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
