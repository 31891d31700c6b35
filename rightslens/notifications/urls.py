from django.urls import path

from . import views

ORG = "o/<slug:org_slug>/"

urlpatterns = [
    path(ORG + "inbox/", views.inbox, name="notifications_inbox"),
    path(ORG + "inbox/read-all/", views.read_all, name="notifications_read_all"),
    path(ORG + "inbox/preferences/", views.preferences, name="notifications_preferences"),
    path(
        ORG + "inbox/<int:notification_id>/open/",
        views.notification_open,
        name="notifications_open",
    ),
    path(ORG + "tasks/", views.my_tasks, name="my_tasks"),
    path(ORG + "tasks/assign/action/<int:action_id>/", views.assign_action, name="assign_action"),
    path(
        ORG + "tasks/assign/grievance/<int:grievance_id>/",
        views.assign_grievance,
        name="assign_grievance",
    ),
]
