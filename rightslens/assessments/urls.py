from django.urls import path

from . import register_views, views

_ORG = "o/<slug:org_slug>/"

urlpatterns = [
    path("method/", register_views.method, name="method"),
    path(_ORG + "register/", register_views.register, name="register"),
    path(
        _ORG + "register/options/groups/",
        register_views.register_group_options,
        name="register_group_options",
    ),
    path(
        _ORG + "register/options/systems/",
        register_views.register_system_options,
        name="register_system_options",
    ),
    path(_ORG + "assessments/", views.assessment_list, name="assessment_list"),
    path(
        _ORG + "systems/<int:system_id>/assessments/new/",
        views.assessment_new,
        name="assessment_new",
    ),
    path(
        _ORG + "assessments/<int:assessment_id>/", views.assessment_detail, name="assessment_detail"
    ),
    path(
        _ORG + "assessments/<int:assessment_id>/impacts/new/", views.impact_new, name="impact_new"
    ),
    path(_ORG + "impacts/<int:impact_id>/", views.impact_detail, name="impact_detail"),
    path(_ORG + "impacts/<int:impact_id>/edit/", views.impact_edit, name="impact_edit"),
    path(_ORG + "impacts/<int:impact_id>/actions/new/", views.action_new, name="action_new"),
    path(_ORG + "actions/<int:action_id>/edit/", views.action_edit, name="action_edit"),
]
