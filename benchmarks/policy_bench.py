"""Policy alignment checker benchmark: agreement with the dev-set labels, and speed.

Run: .venv/bin/python benchmarks/policy_bench.py [--devset ../shared/devsets/policy] [--json]

Reports, per criterion, the checker's status against the expert label (exact agreement, and
"present" agreement: addressed-or-partial versus absent/contrary), then the seconds needed to
analyse a synthetic 150-page regulation built from varied provisions (about 3,000 characters a page),
given as seconds per 100 pages.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rightslens.core.policy.analysis import InstrumentMeta, analyse  # noqa: E402
from rightslens.core.policy.criteria import load_criteria  # noqa: E402
from rightslens.core.policy.retrieval import provision_vectors  # noqa: E402
from rightslens.core.policy.structure import cross_references, definitions  # noqa: E402
from rightslens.core.semantic import default_encoder  # noqa: E402

DEFAULT_DEVSET = ROOT.parent / "shared" / "devsets" / "policy"
PAGE_CHARS = 3000
PRESENT = {"addressed", "partial"}

# Varied provision templates for the speed test: obligations, definitions, exemptions, remedies.
_PROVISIONS = [
    "Providers of high-risk AI systems shall carry out a fundamental rights impact assessment before "
    "placing the system on the market and shall keep it up to date throughout its lifecycle.",
    "For the purposes of this Regulation, 'deployer' means any natural or legal person using an AI "
    "system under its authority, except where the system is used in a personal non-professional activity.",
    "The competent authority may impose administrative fines of up to {n} million euro for breaches "
    "of the obligations laid down in this Article.",
    "Any person affected by a decision taken on the basis of the output of an AI system shall have "
    "the right to obtain an explanation and to lodge a complaint with the supervisory authority.",
    "Member States shall ensure that public bodies that procure AI systems publish a register of "
    "those systems and the assessments made before their use.",
    "This Regulation shall not apply to AI systems used exclusively for purposes of national "
    "security, provided that such use is strictly necessary and proportionate.",
    "The Commission shall issue guidance and provide technical assistance to small and medium-sized "
    "enterprises and start-ups, including through regulatory sandboxes.",
    "Providers shall document the data sources, the design choices and the results of testing, and "
    "shall make a summary of that documentation publicly available.",
]


def _kind(raw: str) -> str:
    raw = raw.lower()
    for word, kind in (
        ("code", "code_of_conduct"),
        ("bill", "law"),
        ("law", "law"),
        ("decree", "regulation"),
        ("regulation", "regulation"),
        ("guidance", "guidance"),
    ):
        if word in raw:
            return kind
    return "law"


def instrument_agreement(labels_file: Path) -> list[dict[str, object]]:
    """Score one labelled instrument: one row per criterion."""
    data = yaml.safe_load(labels_file.read_text(encoding="utf-8"))
    instrument_id = next(k for k in data if k != "metadata")
    labels = data[instrument_id]
    source = labels["source"]
    text = (labels_file.parent / source["text_file"]).read_text(encoding="utf-8")
    meta = InstrumentMeta(
        title=source["title"],
        kind=_kind(str(source.get("type", ""))),
        binding=bool(source["binding"]),
        date=str(source["date"]),
        language=str(source["language"]).split("-")[0],
    )
    report = analyse(text, load_criteria(), meta)
    rows = []
    for finding in report.findings:
        if finding.code not in labels:
            continue  # criteria added after the instrument was labelled
        label = labels[finding.code]
        quotes = [_collapse(e["quote"]) for e in label.get("evidence") or []]
        passages = [_collapse(e.text) for e in finding.evidence]
        found = sum(1 for q in quotes if any(q in p or p in q for p in passages))
        expected = str(label["status"])
        acceptable = [expected, *label.get("also_acceptable", [])]
        rows.append(
            {
                "instrument": instrument_id,
                "id": finding.code,
                "name": label.get("name", ""),
                "label": expected,
                "checker": str(finding.status),
                "exact": str(finding.status) == expected,
                "present_agrees": (str(finding.status) in PRESENT) == (expected in PRESENT),
                "acceptable": str(finding.status) in acceptable,
                "label_quotes": len(quotes),
                "quotes_found": found,
            }
        )
    return rows


def devset_agreement(devset: Path) -> list[dict[str, object]]:
    """Rows for every labelled instrument (`*.labels.yaml`) in the folder."""
    rows: list[dict[str, object]] = []
    for labels_file in sorted(devset.glob("*.labels.yaml")):
        rows.extend(instrument_agreement(labels_file))
    return rows


def _collapse(text: str) -> str:
    return " ".join(text.split())


def synthetic_regulation(pages: int) -> str:
    parts, article, total = [], 1, 0
    while total < pages * PAGE_CHARS:
        body = " ".join(
            p.format(n=article % 40 + 1)
            for p in _PROVISIONS[article % 3 :] + _PROVISIONS[: article % 3]
        )
        block = f"Article {article}\nSubject matter {article}\n1. {body}\n2. {_PROVISIONS[article % len(_PROVISIONS)].format(n=7)}\n\n"
        parts.append(block)
        total += len(block)
        article += 1
    return "".join(parts)


def speed(pages: int = 150) -> dict[str, float]:
    text = synthetic_regulation(pages)
    default_encoder().encode(["warm up"])  # the model is loaded once per process, not per check
    started, cpu = time.perf_counter(), time.process_time()
    report = analyse(
        text, load_criteria(), InstrumentMeta(kind="regulation", binding=True, language="en")
    )
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu
    structure_started = time.perf_counter()
    definitions(text, report.provisions)
    cross_references(text, report.provisions)
    structure_seconds = time.perf_counter() - structure_started
    return {
        "encoder": default_encoder().name,
        "encoded_articles": len(provision_vectors(default_encoder(), text, report.provisions)),
        "structure_seconds": round(structure_seconds, 2),
        "pages": pages,
        "characters": len(text),
        "provisions": len(report.provisions),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "seconds_per_100_pages": round(seconds * 100 / pages, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = devset_agreement(args.devset)
    timing = speed()
    exact = sum(bool(r["exact"]) for r in rows) / len(rows)
    present = sum(bool(r["present_agrees"]) for r in rows) / len(rows)
    acceptable = sum(bool(r["acceptable"]) for r in rows) / len(rows)
    if args.json:
        print(
            json.dumps(
                {
                    "criteria": rows,
                    "exact": exact,
                    "present": present,
                    "acceptable": acceptable,
                    "speed": timing,
                },
                indent=2,
            )
        )
        return 0
    print(
        f"{'instrument':<22} {'id':<4} {'criterion':<26} {'label':<10} {'checker':<10} exact present"
    )
    for r in rows:
        print(
            f"{str(r['instrument'])[:22]:<22} {r['id']:<4} {r['name']:<26} {r['label']:<10} {r['checker']:<10} {'yes' if r['exact'] else 'no':<5} {'yes' if r['present_agrees'] else 'no'}"
        )
    quotes = sum(int(r["label_quotes"]) for r in rows)
    found = sum(int(r["quotes_found"]) for r in rows)
    print(f"\nLabelled evidence quotes overlapping a passage the checker cites: {found}/{quotes}")
    print(
        f"Exact agreement: {exact:.0%}   present/absent agreement: {present:.0%}   within also_acceptable: {acceptable:.0%}"
    )
    print(
        f"Speed: {timing['pages']} pages ({timing['characters']:,} chars, {timing['provisions']} provisions) "
        f"in {timing['seconds']} s wall ({timing['cpu_seconds']} s CPU, load average {timing['load_average_1min']}) "
        f"= {timing['seconds_per_100_pages']} s per 100 pages "
        f"(encoder: {timing['encoder']}, {timing['encoded_articles']} articles encoded); definitions and cross-references: {timing['structure_seconds']} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
