"""Encrypt the evidence files already stored, as new ones now are (Fernet, the grievance key).

A row that the current key can already read is left as it is, so running it on data that is
partly encrypted is safe. Reversing decrypts them again.
"""

from cryptography.fernet import InvalidToken
from django.db import migrations

from rightslens.common.crypto import decrypt_bytes, encrypt_bytes


def _is_encrypted(data: bytes) -> bool:
    try:
        decrypt_bytes(data)
    except (InvalidToken, ValueError, TypeError):
        return False
    return True


def encrypt(apps, schema_editor):
    Evidence = apps.get_model("procurement", "Evidence")
    for pk, content in Evidence.objects.values_list("pk", "content").iterator():
        data = bytes(content)
        if not _is_encrypted(data):
            Evidence.objects.filter(pk=pk).update(content=encrypt_bytes(data))


def decrypt(apps, schema_editor):
    Evidence = apps.get_model("procurement", "Evidence")
    for pk, content in Evidence.objects.values_list("pk", "content").iterator():
        data = bytes(content)
        if _is_encrypted(data):
            Evidence.objects.filter(pk=pk).update(content=decrypt_bytes(data))


class Migration(migrations.Migration):
    dependencies = [("procurement", "0003_customer_supply_conditions")]

    operations = [migrations.RunPython(encrypt, decrypt)]
