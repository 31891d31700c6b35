"""One upload policy: type, size and content, the same for every place that takes files."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rightslens.common.uploads import MB, UploadPolicy, upload_check
from rightslens.errors import FieldErrors

BY_NAME = UploadPolicy(kinds=("pdf", "txt"), max_bytes=1 * MB)
BY_BYTES = UploadPolicy(kinds=("pdf", "png", "jpeg"), field="attachment", trusts_name=False)
PDF = b"%PDF-1.7\n..."
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def _refused(upload, policy) -> str:
    with pytest.raises(FieldErrors) as refused:
        upload_check(upload, policy=policy)
    return refused.value.fields[policy.field]


def test_an_accepted_file_comes_back_with_its_bytes_and_type():
    checked = upload_check(SimpleUploadedFile("report.PDF", PDF), policy=BY_NAME)
    assert (checked.data, checked.content_type, checked.size) == (PDF, "application/pdf", len(PDF))


def test_the_name_must_name_an_allowed_type():
    assert "one of these types: .pdf, .txt" in _refused(SimpleUploadedFile("x.exe", PDF), BY_NAME)


def test_a_file_whose_bytes_contradict_its_name_is_refused():
    assert "not really a PDF" in _refused(SimpleUploadedFile("x.pdf", b"MZ\x90\x00"), BY_NAME)
    assert "not really text" in _refused(SimpleUploadedFile("x.txt", b"a\x00b"), BY_NAME)


def test_size_is_checked_on_what_is_read_not_only_on_what_is_declared():
    big = SimpleUploadedFile("x.txt", b"a" * (MB + 1))
    assert "too large" in _refused(big, BY_NAME)
    lying = SimpleUploadedFile("x.txt", b"a" * (MB + 1))
    lying.size = 10
    assert "too large" in _refused(lying, BY_NAME)


def test_empty_and_missing_files_are_refused():
    assert _refused(SimpleUploadedFile("x.txt", b""), BY_NAME) == "The file is empty."
    assert _refused(None, BY_NAME) == "Choose a file."


def test_a_bytes_only_policy_ignores_the_name_and_sniffs_the_type():
    checked = upload_check(SimpleUploadedFile("photo.txt", PNG), policy=BY_BYTES)
    assert checked.content_type == "image/png"
    message = _refused(SimpleUploadedFile("a.pdf", b"#!/bin/sh\n"), BY_BYTES)
    assert message == "We can only accept PDF, PNG or JPEG files."
