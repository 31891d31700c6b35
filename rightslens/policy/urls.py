from django.urls import path

from . import views

P = "o/<slug:org_slug>/policy/"

urlpatterns = [
    path(P, views.home, name="policy_home"),
    path(P + "map/", views.smart_mix, name="policy_map"),
    path(P + "agencies/", views.agencies, name="policy_agencies"),
    path(P + "instruments/<int:instrument_id>/", views.instrument_detail, name="policy_instrument"),
    path(P + "instruments/<int:instrument_id>/compare/", views.compare, name="policy_compare"),
    path(P + "versions/<int:version_id>/", views.scorecard, name="policy_scorecard"),
    path(P + "versions/<int:version_id>/reanalyse/", views.reanalyse, name="policy_reanalyse"),
    path(
        P + "versions/<int:version_id>/passage/<int:start>-<int:end>/",
        views.passage,
        name="policy_passage",
    ),
    path(P + "versions/<int:version_id>/report/", views.report_html, name="policy_report"),
    path(P + "versions/<int:version_id>/report.pdf", views.report_pdf, name="policy_report_pdf"),
    path(
        P + "versions/<int:version_id>/briefing.docx",
        views.briefing_docx,
        name="policy_briefing_docx",
    ),
    path(
        P + "versions/<int:version_id>/briefing.pdf", views.briefing_pdf, name="policy_briefing_pdf"
    ),
    path(P + "findings/<int:finding_id>/review/", views.review, name="policy_review"),
]
