"""Django's pyyaml serialiser, with encrypted fields kept as ciphertext (see the package)."""

from django.core.serializers import pyyaml as base

from . import SealedFieldsIn, SealedFieldsOut


class Serializer(SealedFieldsOut, base.Serializer):
    pass


class Deserializer(SealedFieldsIn, base.Deserializer):
    pass
