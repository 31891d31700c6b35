from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("rightslens.accounts.urls")),
    path("", include("rightslens.inventory.urls")),
    path("", include("rightslens.assessments.urls")),
    path("", include("rightslens.assessments.cycle_urls")),
    path("", include("rightslens.engagement.urls")),
    path("", include("rightslens.grievances.urls")),
    path("", include("rightslens.policy.urls")),
    path("", include("rightslens.procurement.urls")),
    path("", include("rightslens.hub.urls")),
    path("", include("rightslens.api.urls")),
]
