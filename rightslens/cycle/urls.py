from django.urls import path

from . import views, views_reports, views_signoff

A = "o/<slug:org_slug>/assessments/<int:assessment_id>/"

urlpatterns = [
    path("o/<slug:org_slug>/assessments/start/", views.start, name="cycle_start"),
    path(
        "o/<slug:org_slug>/assessments/import/",
        views_reports.assessment_import,
        name="cycle_import",
    ),
    path(A + "scoping/", views.scoping, name="cycle_scoping"),
    path(A + "scoping/screen/", views.scoping_screen, name="cycle_scoping_screen"),
    path(A + "scoping/decide/", views.scoping_decide, name="cycle_scoping_decide"),
    path(A + "identify/", views.identify, name="cycle_identify"),
    path(A + "identify/not-relevant/", views.identify_not_relevant, name="cycle_not_relevant"),
    path(A + "identify/dismiss/", views.identify_dismiss, name="cycle_dismiss"),
    path(A + "plan/", views.plan, name="cycle_plan"),
    path(A + "plan/side-risk/", views.plan_side_risk, name="cycle_side_risk"),
    path(A + "plan/status/", views.plan_action_status, name="cycle_action_status"),
    path(A + "review/", views_signoff.review, name="cycle_review"),
    *[
        path(
            A + f"review/{step}/",
            views_signoff.review_action,
            {"step": step},
            name=f"cycle_review_{step}",
        )
        for step in ("submit", "return", "approve", "reviewer", "decide", "new-version")
    ],
    path(A + "compare/<int:other_id>/", views_signoff.compare, name="cycle_compare"),
    path(A + "audit/", views_signoff.audit, name="cycle_audit"),
    path(A + "report/", views_reports.report, name="cycle_report"),
    path(A + "report.pdf", views_reports.report_pdf, name="cycle_report_pdf"),
    path(A + "export.json", views_reports.assessment_export, name="cycle_export"),
    path(
        "o/<slug:org_slug>/impacts/<int:impact_id>/tracking/",
        views.impact_tracking,
        name="cycle_tracking",
    ),
    path("o/<slug:org_slug>/quality/", views_reports.quality, name="cycle_quality"),
    path("o/<slug:org_slug>/board-brief/", views_reports.board_brief, name="cycle_board_brief"),
    path("o/<slug:org_slug>/reminders/", views_reports.reminders, name="cycle_reminders"),
    path(
        "o/<slug:org_slug>/register/export.csv",
        views_reports.register_export,
        {"fmt": "csv"},
        name="cycle_export_csv",
    ),
    path(
        "o/<slug:org_slug>/register/export.xlsx",
        views_reports.register_export,
        {"fmt": "xlsx"},
        name="cycle_export_xlsx",
    ),
    path(
        "o/<slug:org_slug>/register/export.json",
        views_reports.register_export,
        {"fmt": "json"},
        name="cycle_export_json",
    ),
]
