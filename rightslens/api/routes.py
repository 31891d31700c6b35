"""The REST API (django-ninja). OpenAPI at /api/docs.

Each domain app that has an `api.py` with a `router` (a ninja.Router) is mounted under
/api/<app>/ (or declares `routers`), so apps add endpoints without touching this file.
"""

from rightslens.common.discovery import app_modules

from .auth import TokenAuth
from .errors import install_error_handlers
from .openapi import DocumentedAPI

api = DocumentedAPI(
    title="RightsLens API",
    version="1",
    description="Human rights due diligence for AI systems. Authenticate with `Authorization: Bearer <token>`.",
    auth=TokenAuth(),
    urls_namespace="api",
)
install_error_handlers(api)

for label, module in app_modules("api"):
    if label == "api":
        continue
    # An app mounts its `router` at /api/<app>/, or declares `routers` {prefix: router} itself.
    for prefix, router in getattr(module, "routers", {label: module.router}).items():
        api.add_router(f"/{prefix}/", router)
