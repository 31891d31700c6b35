"""The knowledge base as the running app sees it: loaded once, cached, last good version kept.

`knowledge()` notices when the library files change (checked at most every CHECK_SECONDS) and
reloads them through `reload_knowledge()`. A reload that fails (bad YAML, a schema error, a
dangling reference, a downgrade, or an upgrade that removes an item assessments may cite) is
logged and refused: the app keeps serving the last good version.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from django.core import checks

from rightslens.core.knowledge import KnowledgeBase, LibraryError, load_directory

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
CHECK_SECONDS = 2.0
log = logging.getLogger("rightslens.knowledge")

_lock = threading.RLock()
_current: KnowledgeBase | None = None
_fingerprint: tuple[tuple[str, int, int], ...] | None = None  # of the files last tried
_checked_at = 0.0
_pinned = False  # set by use_knowledge(): tests decide what is loaded


def _files_fingerprint(directory: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.glob("*.yaml"))
    )


def knowledge() -> KnowledgeBase:
    """The loaded knowledge base (loaded from KNOWLEDGE_DIR on first use, reloaded when files change)."""
    global _checked_at
    if _current is not None and (_pinned or time.monotonic() - _checked_at < CHECK_SECONDS):
        return _current
    with _lock:
        _checked_at = time.monotonic()
        if _current is None or _files_fingerprint(KNOWLEDGE_DIR) != _fingerprint:
            return reload_knowledge()
        return _current


def reload_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Load the libraries again; on any LibraryError log it and keep serving the last good version.

    The new set is checked against the loaded one, so a downgrade, a removed item or a retyped
    item is refused too (see rightslens.core.knowledge.loader, "Upgrades").
    """
    global _current, _fingerprint
    directory = directory or KNOWLEDGE_DIR
    with _lock:
        _fingerprint = _files_fingerprint(directory)
        try:
            _current = load_directory(directory, previous=_current)
        except LibraryError as exc:
            if _current is None:
                raise
            log.error("knowledge reload refused, keeping the loaded version: %s", exc)
        return _current


def use_knowledge(kb: KnowledgeBase | None) -> None:
    """Serve `kb` without watching the files (tests); None goes back to loading from KNOWLEDGE_DIR."""
    global _current, _pinned, _fingerprint
    with _lock:
        _current, _pinned, _fingerprint = kb, kb is not None, None


#: Item types the apps cannot work without: choice lists and the guided pass come from them.
REQUIRED_TYPES = (
    "right",
    "risk_category",
    "vulnerable_group",
    "mitigation_type",
    "leverage_kind",
    "dd_trigger",
)


def knowledge_problems() -> list[str]:
    """What is missing from the loaded knowledge base; empty when the apps can start."""
    try:
        kb = knowledge()
    except Exception as exc:  # noqa: BLE001  (any load failure is reported, not swallowed)
        return [f"The knowledge base in {KNOWLEDGE_DIR} could not be loaded: {exc}"]
    return [
        f"The knowledge base offers no '{item_type}' items; the app needs them."
        for item_type in REQUIRED_TYPES
        if not kb.offered(item_type)
    ]


def knowledge_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Django system check: the app refuses to start (runserver, migrate, check) without the
    knowledge it builds its choice lists from. There are no built-in fallbacks."""
    return [
        checks.Error(problem, hint="Restore rightslens/knowledge/*.yaml.", id="rightslens.E001")
        for problem in knowledge_problems()
    ]
