"""What an API token may do: one organisation, read or write, until it expires or is revoked.

Kept beside the token (accounts.ApiToken holds only the owner and the hash) so the API decides
its own access rules. A token without a grant (issued before grants existed) is refused.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from rightslens.accounts.models import ApiToken, OrgScoped


class TokenGrant(OrgScoped):
    token = models.OneToOneField(ApiToken, on_delete=models.CASCADE, related_name="grant")
    can_write = models.BooleanField(default=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.token} for organisation {self.organisation_id}"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
