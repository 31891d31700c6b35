from django.urls import path

from . import views

urlpatterns = [
    path("o/<slug:org_slug>/import/", views.bulk_import, name="bulk_import"),
]
