"""XML dumps carry ciphertext (the field serialises so); loading them is refused, since this
format cannot mark a value as ciphertext and it would be encrypted twice. Use JSON."""

from typing import Any

from django.core.serializers import base, xml_serializer


class Serializer(xml_serializer.Serializer):
    pass


class Deserializer(base.Deserializer):
    def __init__(self, stream_or_string: Any, **options: Any) -> None:
        raise base.DeserializationError(
            "RightsLens loads dumps in JSON, JSON lines or YAML only: XML cannot keep encrypted "
            "fields as ciphertext."
        )
