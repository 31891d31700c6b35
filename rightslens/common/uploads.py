"""One upload policy for every file people send us: type, size and content, checked the same way.

Trust the bytes, not the name or the browser's claim: a file is accepted only when its first bytes
match a type the policy allows (text types: no NUL bytes). Where a policy `trusts_name`, the name's
extension must also name an allowed type and agree with the bytes. Sizes are checked on the
declared size and again on what is actually read, so a lying header cannot slip a large file in.

Each place that takes uploads declares an `UploadPolicy` (which kinds, how large, which form
field) and calls `upload_check`; it gets the checked bytes and the type to store, or FieldErrors
naming the field, with nothing written.

Zip containers (DOCX, XLSX, ZIP) are also checked before anything parses them: the sizes their
entries declare may add up to at most 50 MB, expand at most 100 times the file's size, and come
in at most 2,000 entries, so a small "zip bomb" is refused at once. The zip reader (which the
DOCX and XLSX parsers use too) never returns more than an entry declares, so these sums bound
what parsing can ever expand to.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from rightslens.errors import FieldErrors

MB = 1024 * 1024
#: Limits on zip containers, checked on the entries' declared sizes before any parsing.
MAX_EXPANDED_BYTES = 50 * MB
MAX_EXPANSION_RATIO = 100
MAX_ARCHIVE_ENTRIES = 2000
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class FileKind:
    name: str
    extensions: tuple[str, ...]
    content_type: str
    #: The signature the file starts with; None for plain text (then: no NUL bytes).
    magic: bytes | None

    def matches(self, head: bytes) -> bool:
        if self.magic is None:
            return b"\x00" not in head
        return head.startswith(self.magic)


KINDS: dict[str, FileKind] = {
    k.name: k
    for k in (
        FileKind("pdf", (".pdf",), "application/pdf", b"%PDF-"),
        FileKind("png", (".png",), "image/png", b"\x89PNG\r\n\x1a\n"),
        FileKind("jpeg", (".jpg", ".jpeg"), "image/jpeg", b"\xff\xd8\xff"),
        FileKind(
            "xlsx",
            (".xlsx",),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ZIP_MAGIC,
        ),
        FileKind(
            "docx",
            (".docx",),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ZIP_MAGIC,
        ),
        FileKind("zip", (".zip",), "application/zip", ZIP_MAGIC),
        FileKind("txt", (".txt",), "text/plain", None),
        FileKind("csv", (".csv",), "text/csv", None),
        FileKind("md", (".md",), "text/markdown", None),
        FileKind("html", (".html", ".htm"), "text/html", None),
        FileKind("json", (".json",), "application/json", None),
    )
}
_HEAD = 2048


@dataclass(frozen=True)
class UploadPolicy:
    kinds: tuple[str, ...]
    max_bytes: int = 5 * MB
    field: str = "file"
    #: Require the file name's extension to name an allowed kind (and agree with the bytes).
    trusts_name: bool = True
    #: Without `trusts_name`: take a file with no known signature and no NUL bytes as the first
    #: allowed text kind (its reader then decides what it is).
    text_fallback: bool = False

    def allowed(self) -> list[FileKind]:
        return [KINDS[k] for k in self.kinds]

    def extensions(self) -> list[str]:
        return sorted(e for k in self.allowed() for e in k.extensions)


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    kind: FileKind
    data: bytes

    @property
    def content_type(self) -> str:
        return self.kind.content_type

    @property
    def size(self) -> int:
        return len(self.data)


def _too_large(policy: UploadPolicy) -> str:
    # The public grievance channel shows these to complainants: keep its limits' messages translated.
    if policy.max_bytes == 2 * MB:
        return _("This file is too large: the limit is 2 MB.")
    if policy.max_bytes == 5 * MB:
        return _("This file is too large: the limit is 5 MB.")
    return _("This file is too large: the limit is %(mb)s MB.") % {"mb": policy.max_bytes // MB}


def _kind_by_name(name: str, policy: UploadPolicy) -> FileKind | None:
    lowered = name.lower()
    return next(
        (k for k in policy.allowed() if any(lowered.endswith(e) for e in k.extensions)), None
    )


def _refuse(policy: UploadPolicy, message: str) -> FieldErrors:
    return FieldErrors({policy.field: message})


def archive_problem(data: bytes) -> str:
    """Why a zip container may not be opened (too large or too compressed when expanded), or "".

    Reads only the central directory. A container the zip reader cannot open is left to the
    file's own parser, which says in its words that the file is damaged."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return ""
    if len(entries) > MAX_ARCHIVE_ENTRIES:
        return _("This file holds %(parts)s parts; the limit is %(limit)s.") % {
            "parts": number_format(len(entries), force_grouping=True),
            "limit": number_format(MAX_ARCHIVE_ENTRIES, force_grouping=True),
        }
    expanded = sum(entry.file_size for entry in entries)
    if expanded > MAX_EXPANDED_BYTES:
        return _("This file would expand to %(mb)s MB when opened; the limit is %(limit)s MB.") % {
            "mb": number_format(expanded // MB, force_grouping=True),
            "limit": MAX_EXPANDED_BYTES // MB,
        }
    if expanded > MAX_EXPANSION_RATIO * max(len(data), 1):
        return _(
            "This file is compressed more than %(ratio)s times over; we do not open such files."
        ) % {"ratio": MAX_EXPANSION_RATIO}
    return ""


def _accepted(name: str, kind: FileKind, data: bytes) -> tuple[str, CheckedUpload | None]:
    if kind.magic == ZIP_MAGIC and (problem := archive_problem(data)):
        return problem, None
    return "", CheckedUpload(name, kind, data)


def _text_kind(policy: UploadPolicy, head: bytes) -> FileKind | None:
    if not policy.text_fallback:
        return None
    return next((k for k in policy.allowed() if k.magic is None and k.matches(head)), None)


def upload_problem(upload: Any, policy: UploadPolicy) -> tuple[str, CheckedUpload | None]:
    """(problem, None) for a refused file, ("", checked) for an accepted one."""
    if upload is None:
        return "Choose a file.", None
    name = str(getattr(upload, "name", "") or "upload")
    by_name = _kind_by_name(name, policy)
    if policy.trusts_name and by_name is None:
        return f"Attach a file of one of these types: {', '.join(policy.extensions())}.", None
    if (getattr(upload, "size", None) or 0) > policy.max_bytes:
        return _too_large(policy), None
    data = upload.read(policy.max_bytes + 1)
    if hasattr(upload, "seek"):
        upload.seek(0)
    if len(data) > policy.max_bytes:
        return _too_large(policy), None
    if not data:
        return "The file is empty.", None
    head = data[:_HEAD]
    if by_name is not None and policy.trusts_name:
        if not by_name.matches(head):
            what = "text" if by_name.magic is None else f"a {by_name.name.upper()} file"
            return f"This file is not really {what}, whatever its name says.", None
        return _accepted(name, by_name, data)
    sniffed = next((k for k in policy.allowed() if k.magic and k.matches(head)), None)
    sniffed = sniffed or _text_kind(policy, head)
    if sniffed is None:
        if set(policy.kinds) == {"pdf", "png", "jpeg"}:
            return _("We can only accept PDF, PNG or JPEG files."), None
        names = ", ".join(k.name.upper() for k in policy.allowed())
        return f"We can only accept these files: {names}.", None
    return _accepted(name, sniffed, data)


def upload_check(upload: Any, *, policy: UploadPolicy) -> CheckedUpload:
    """The checked upload, or FieldErrors on the policy's field (nothing is written)."""
    problem, checked = upload_problem(upload, policy)
    if checked is None:
        raise _refuse(policy, problem)
    return checked
