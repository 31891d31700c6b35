from django.contrib import admin
from django.urls import include, path, re_path

from rightslens import errorpages
from rightslens.accounts.throttle import ThrottledAdminAuthenticationForm

# The admin's login is throttled like the app's (rightslens/accounts/throttle.py).
admin.site.login_form = ThrottledAdminAuthenticationForm

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
    path("", include("rightslens.disclosure.urls")),
    path("", include("rightslens.hub.urls")),
    path("", include("rightslens.probes.urls")),
    path("", include("rightslens.api.urls")),
    path("", include("rightslens.notifications.urls")),
    path("", include("rightslens.ops.urls")),
    path("", include("rightslens.search.urls")),
    path("", include("rightslens.imports.urls")),
    # Last: any other address under the public channel gets the plain 404 page, even with DEBUG on.
    re_path(r"^g/[-\w]+/.+/$", errorpages.public_not_found),
]

handler404 = "rightslens.errorpages.page_not_found"
handler500 = "rightslens.errorpages.server_error"
