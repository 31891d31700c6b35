"""Moved to `rightslens.common.knowledge` (knowledge access is shared by every app). Kept as a
re-export for code written against the old path; new code imports from rightslens.common."""

from rightslens.common.knowledge import (  # noqa: F401
    CHECK_SECONDS,
    KNOWLEDGE_DIR,
    knowledge,
    reload_knowledge,
    use_knowledge,
)
