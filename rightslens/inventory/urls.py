from django.urls import path

from . import views

_SYSTEM = "o/<slug:org_slug>/systems/<int:system_id>/"

urlpatterns = [
    path("o/<slug:org_slug>/systems/", views.system_list, name="system_list"),
    path("o/<slug:org_slug>/systems/new/", views.system_new, name="system_new"),
    path(_SYSTEM, views.system_detail, name="system_detail"),
    path(_SYSTEM + "edit/", views.system_edit, name="system_edit"),
    path(_SYSTEM + "archive/", views.system_archive, name="system_archive"),
    path(_SYSTEM + "groups/new/", views.group_new, name="group_new"),
    path(_SYSTEM + "components/new/", views.component_new, name="component_new"),
]
