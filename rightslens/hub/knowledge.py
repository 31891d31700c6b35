"""The knowledge base as the running app sees it: loaded once, cached, last good version kept."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from rightslens.core.knowledge import KnowledgeBase, load_directory

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
log = logging.getLogger("rightslens.knowledge")


@lru_cache(maxsize=1)
def knowledge() -> KnowledgeBase:
    return load_directory(KNOWLEDGE_DIR)
