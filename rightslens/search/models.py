from django.conf import settings
from django.db import models

from rightslens.accounts.models import OrgScoped


class SavedFilter(OrgScoped):
    """A member's named set of filters on one list (the register, assessments or grievances)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters"
    )
    page = models.CharField(max_length=20)
    name = models.CharField(max_length=80)
    querystring = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "member", "page", "name"], name="saved_filter_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name
