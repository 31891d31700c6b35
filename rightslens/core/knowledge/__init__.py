"""Knowledge libraries: versioned, cited, schema-validated YAML files loaded into frozen objects."""

from .loader import LibraryError, load_directory, load_library_file
from .model import Citation, Item, KnowledgeBase, Library, Source

__all__ = [
    "Citation",
    "Item",
    "KnowledgeBase",
    "Library",
    "LibraryError",
    "Source",
    "load_directory",
    "load_library_file",
]
