"""The base for the API's response schemas.

Every operation declares what it answers with (`response={200: SomethingOut, ...}`), so the
OpenAPI document names each field and its type, and django-ninja checks each answer against it
before sending. Response schemas forbid unknown keys: a record that grows a field must grow its
schema too, or the answer fails loudly in tests rather than drifting from the document.
"""

from __future__ import annotations

from ninja import Schema
from pydantic import ConfigDict


class Out(Schema):
    """A response body: every field is required (present, possibly null) and none other is allowed."""

    model_config = ConfigDict(extra="forbid")
