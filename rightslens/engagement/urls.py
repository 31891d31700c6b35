from django.urls import path

from . import views

E = "o/<slug:org_slug>/engagement/"

urlpatterns = [
    path(E, views.overview, name="engagement_overview"),
    path(E + "coverage/", views.coverage_view, name="engagement_coverage"),
    path(E + "stakeholders/new/", views.stakeholder_new, name="stakeholder_new"),
    path(
        E + "stakeholders/<int:stakeholder_id>/",
        views.stakeholder_detail,
        name="stakeholder_detail",
    ),
    path(E + "events/new/", views.event_new, name="engagement_event_new"),
    path(E + "events/<int:event_id>/", views.event_detail, name="engagement_event_detail"),
]
