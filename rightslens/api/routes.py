"""The REST API (django-ninja). OpenAPI at /api/docs.

Each domain app that has an `api.py` with a `router` (a ninja.Router) is mounted under
/api/<app>/, so apps add endpoints without touching this file.
"""

import importlib

from django.conf import settings
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

for app_name in settings.INSTALLED_APPS:
    if not app_name.startswith("rightslens.") or app_name == "rightslens.api":
        continue
    try:
        module = importlib.import_module(f"{app_name}.api")
    except ModuleNotFoundError as exc:
        if exc.name == f"{app_name}.api":
            continue
        raise
    api.add_router(f"/{app_name.rsplit('.', 1)[1]}/", module.router)

# The due diligence cycle's endpoints keep their /api/cycle/ paths now that the assessments app
# owns them.
from rightslens.assessments.cycle_api import router as cycle_router  # noqa: E402

api.add_router("/cycle/", cycle_router)
