"""Wall time and peak memory of one register export, in process (issue 18).

Against an organisation made by `manage.py generate_org` in the database DATABASE_URL names
(PostgreSQL for the figures in README.md). Run one format per process, so the peak RSS is that
export's alone; the time covers the query and writing every byte (XLSX: the finished file).

    DATABASE_URL=postgres://... .venv/bin/python benchmarks/export_bench.py SLUG {csv,json,xlsx}
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    slug, fmt = sys.argv[1], sys.argv[2]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rightslens.settings")
    import django

    django.setup()
    from rightslens.accounts.models import Organisation
    from rightslens.assessments import exports

    org = Organisation.objects.get(slug=slug)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    rows = exports.iter_register_rows(organisation=org)
    if fmt == "xlsx":
        out = exports.register_xlsx(rows)
        size = out.seek(0, 2)
    else:
        stream = exports.register_csv(rows) if fmt == "csv" else exports.register_json(rows)
        size = sum(len(piece.encode()) for piece in stream)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"{slug} {fmt}: {wall:.2f} s, {size} bytes, peak RSS {before / 1024:.0f} -> "
        f"{peak / 1024:.0f} MB, load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
