"""Django's jsonl serialiser, with encrypted fields kept as ciphertext (see the package)."""

from django.core.serializers import jsonl as base

from . import SealedFieldsIn, SealedFieldsOut


class Serializer(SealedFieldsOut, base.Serializer):
    pass


class Deserializer(SealedFieldsIn, base.Deserializer):
    pass
