"""The REST API (django-ninja). OpenAPI at /api/docs. Each domain app adds its router here."""

from ninja import NinjaAPI

from .auth import TokenAuth
from .errors import install_error_handlers

api = NinjaAPI(
    title="RightsLens API",
    version="1",
    description="Human rights due diligence for AI systems. Authenticate with `Authorization: Bearer <token>`.",
    auth=TokenAuth(),
    urls_namespace="api",
)
install_error_handlers(api)
