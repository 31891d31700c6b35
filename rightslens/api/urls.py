from django.urls import path, re_path

from .errors import not_routed
from .routes import api

urlpatterns = [path("api/", api.urls), re_path(r"^api/(?P<rest>.*)$", not_routed)]
