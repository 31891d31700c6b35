from django.urls import path

from . import cycle_views, report_views, signoff_views

A = "o/<slug:org_slug>/assessments/<int:assessment_id>/"

urlpatterns = [
    path("o/<slug:org_slug>/assessments/start/", cycle_views.start, name="cycle_start"),
    path(
        "o/<slug:org_slug>/assessments/import/",
        report_views.assessment_import,
        name="cycle_import",
    ),
    path(A + "scoping/", cycle_views.scoping, name="cycle_scoping"),
    path(A + "scoping/screen/", cycle_views.scoping_screen, name="cycle_scoping_screen"),
    path(A + "scoping/decide/", cycle_views.scoping_decide, name="cycle_scoping_decide"),
    path(A + "identify/", cycle_views.identify, name="cycle_identify"),
    path(
        A + "identify/not-relevant/", cycle_views.identify_not_relevant, name="cycle_not_relevant"
    ),
    path(A + "identify/dismiss/", cycle_views.identify_dismiss, name="cycle_dismiss"),
    path(A + "plan/", cycle_views.plan, name="cycle_plan"),
    path(A + "plan/side-risk/", cycle_views.plan_side_risk, name="cycle_side_risk"),
    path(A + "plan/status/", cycle_views.plan_action_status, name="cycle_action_status"),
    path(A + "review/", signoff_views.review, name="cycle_review"),
    *[
        path(
            A + f"review/{step}/",
            signoff_views.review_action,
            {"step": step},
            name=f"cycle_review_{step}",
        )
        for step in (
            "submit",
            "return",
            "approve",
            "reviewer",
            "decide",
            "engagement-reason",
            "new-version",
        )
    ],
    path(A + "compare/<int:other_id>/", signoff_views.compare, name="cycle_compare"),
    path(A + "audit/", signoff_views.audit, name="cycle_audit"),
    path(A + "report/", report_views.report, name="cycle_report"),
    path(A + "report.pdf", report_views.report_pdf, name="cycle_report_pdf"),
    path(A + "export.json", report_views.assessment_export, name="cycle_export"),
    path(
        "o/<slug:org_slug>/impacts/<int:impact_id>/tracking/",
        cycle_views.impact_tracking,
        name="cycle_tracking",
    ),
    path("o/<slug:org_slug>/quality/", report_views.quality, name="cycle_quality"),
    path("o/<slug:org_slug>/board-brief/", report_views.board_brief, name="cycle_board_brief"),
    path("o/<slug:org_slug>/reminders/", report_views.reminders, name="cycle_reminders"),
    path(
        "o/<slug:org_slug>/register/export.csv",
        report_views.register_export,
        {"fmt": "csv"},
        name="cycle_export_csv",
    ),
    path(
        "o/<slug:org_slug>/register/export.xlsx",
        report_views.register_export,
        {"fmt": "xlsx"},
        name="cycle_export_xlsx",
    ),
    path(
        "o/<slug:org_slug>/register/export.json",
        report_views.register_export,
        {"fmt": "json"},
        name="cycle_export_json",
    ),
]
