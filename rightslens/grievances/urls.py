from django.urls import path

from . import public, views

G = "o/<slug:org_slug>/grievances/"

urlpatterns = [
    # Public channel: no account needed.
    path("g/<slug:org_slug>/", public.channel, name="grievance_channel"),
    path("g/<slug:org_slug>/follow/", public.follow, name="grievance_follow"),
    path("g/<slug:org_slug>/stats/", public.statistics, name="grievance_stats"),
    # Officers and members.
    path(G, views.case_list, name="grievance_list"),
    path(G + "dashboard/", views.learning_dashboard, name="grievance_dashboard"),
    path(G + "gp31/", views.gp31, name="grievance_gp31"),
    path(G + "targets/", views.targets, name="grievance_targets"),
    path(G + "<int:grievance_id>/", views.case_detail, name="grievance_detail"),
    path(G + "<int:grievance_id>/state/", views.case_transition, name="grievance_transition"),
    path(G + "<int:grievance_id>/message/", views.case_message, name="grievance_message"),
    path(G + "<int:grievance_id>/note/", views.case_note, name="grievance_note"),
    path(G + "<int:grievance_id>/triage/", views.case_triage, name="grievance_triage"),
    path(
        G + "<int:grievance_id>/link-impact/", views.case_link_impact, name="grievance_link_impact"
    ),
    path(G + "<int:grievance_id>/remedy/", views.case_remedy, name="grievance_remedy"),
    path(G + "<int:grievance_id>/identity/", views.case_identity, name="grievance_identity"),
    path(G + "<int:grievance_id>/disclosure/", views.case_disclosure, name="grievance_disclosure"),
    path(
        G + "disclosures/<int:disclosure_id>/decide/",
        views.disclosure_decide,
        name="grievance_disclosure_decide",
    ),
    path(
        G + "attachments/<int:attachment_id>/", views.case_attachment, name="grievance_attachment"
    ),
    path(G + "impacts/<int:impact_id>/", views.impact_grievances, name="grievance_impact_trail"),
]
