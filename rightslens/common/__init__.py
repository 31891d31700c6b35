"""Cross-cutting pieces shared by every app: encrypted fields, knowledge access, uploads, PDF,
organisation views and app discovery. Depends on the core and Django, never on a domain app."""
