"""Knowledge libraries: versioned, cited, schema-validated YAML files loaded into frozen objects."""

from .loader import (
    LibraryError,
    build_knowledge_base,
    load_directory,
    load_library_file,
    parse_library,
)
from .model import Citation, Item, KnowledgeBase, Library, Source

__all__ = [
    "Citation",
    "Item",
    "KnowledgeBase",
    "Library",
    "LibraryError",
    "Source",
    "build_knowledge_base",
    "load_directory",
    "load_library_file",
    "parse_library",
]
