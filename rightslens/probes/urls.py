from django.urls import path

from . import views

_ORG = "o/<slug:org_slug>/probes/"

urlpatterns = [
    path(_ORG, views.run_list, name="probe_run_list"),
    path(_ORG + "new/", views.run_new, name="probe_run_new"),
    path(_ORG + "<int:run_id>/", views.run_detail, name="probe_run_detail"),
    path(_ORG + "<int:run_id>/progress/", views.run_progress, name="probe_run_progress"),
    path(_ORG + "<int:run_id>/resume/", views.run_resume, name="probe_run_resume"),
    path(_ORG + "<int:run_id>/export.<str:fmt>", views.run_export, name="probe_run_export"),
    path(_ORG + "<int:run_id>/report/", views.run_report, name="probe_run_report"),
    path(_ORG + "<int:run_id>/record/", views.run_record, name="probe_run_record"),
    path(
        _ORG + "<int:run_id>/propose/<str:language>/", views.run_propose, name="probe_run_propose"
    ),
]
