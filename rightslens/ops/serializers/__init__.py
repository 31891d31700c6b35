"""Django serialisers that keep encrypted fields encrypted (registered in SERIALIZATION_MODULES).

Out: an EncryptedTextField is written as its ciphertext. In: that ciphertext is wrapped in
`Sealed`, so the field stores it as it is instead of encrypting it a second time. Plain `dumpdata`
and `loaddata` therefore round-trip without ever holding a complainant's identity in clear.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from rightslens.common.crypto import EncryptedTextField, Sealed


class SealedFieldsOut:
    """Mixin for a PythonSerializer subclass."""

    def _value_from_field(self, obj: Any, field: Any) -> Any:
        if isinstance(field, EncryptedTextField):
            return field.value_to_string(obj)
        return super()._value_from_field(obj, field)  # type: ignore[misc]


def sealed_in(obj: dict[str, Any]) -> dict[str, Any]:
    """The serialised object with its encrypted fields marked as ciphertext."""
    try:
        model = apps.get_model(obj["model"])
    except (LookupError, KeyError, TypeError, ValueError):
        return obj  # the base deserialiser reports it
    fields = dict(obj.get("fields") or {})
    for name, value in fields.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, EncryptedTextField) and isinstance(value, str):
            fields[name] = Sealed(value)
    return {**obj, "fields": fields}


class SealedFieldsIn:
    """Mixin for a PythonDeserializer subclass."""

    def _handle_object(self, obj: Any) -> Any:
        return super()._handle_object(sealed_in(obj))  # type: ignore[misc]
