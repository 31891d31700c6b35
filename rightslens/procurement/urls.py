from django.urls import path

from . import process_views as pv
from . import relationship_views as rv
from . import respondent_views, views

P = "o/<slug:org_slug>/procurement/"
CP = P + "counterparties/<int:counterparty_id>/"
RQ = P + "requests/<int:request_id>/"
PR = P + "procurements/<int:procurement_id>/"
BM = P + "business-models/<int:business_model_id>/"

urlpatterns = [
    path(P, views.index, name="procurement_index"),
    path(P + "screenings/new/", views.screening_new, name="procurement_screening_new"),
    path(
        P + "screenings/<int:screening_id>/", views.screening_detail, name="procurement_screening"
    ),
    path(
        P + "screenings/<int:screening_id>/decide/",
        views.screening_decide_view,
        name="procurement_screening_decide",
    ),
    path(P + "counterparties/new/", rv.counterparty_new, name="procurement_counterparty_new"),
    path(CP, rv.counterparty_detail, name="procurement_counterparty"),
    path(CP + "edit/", rv.counterparty_edit, name="procurement_counterparty_edit"),
    path(CP + "send/", rv.questionnaire_send, name="procurement_questionnaire_send"),
    path(CP + "clauses/", rv.clause_attach_view, name="procurement_clause_attach"),
    path(
        CP + "clauses/<int:clause_attachment_id>/",
        rv.clause_status_view,
        name="procurement_clause_status",
    ),
    path(CP + "leverage/", rv.leverage_new, name="procurement_leverage_new"),
    path(
        CP + "leverage/<int:leverage_action_id>/",
        rv.leverage_outcome,
        name="procurement_leverage_outcome",
    ),
    path(CP + "impacts/", rv.impact_link, name="procurement_impact_link"),
    path(CP + "reassessed/", rv.reassessed, name="procurement_reassessed"),
    path(RQ, rv.request_detail, name="procurement_request"),
    path(RQ + "review/", rv.request_review, name="procurement_request_review"),
    path(RQ + "clarify/", rv.request_clarify, name="procurement_request_clarify"),
    path(RQ + "conclude/", rv.request_conclude_view, name="procurement_request_conclude"),
    path(RQ + "evidence/<int:evidence_id>/", rv.evidence_download, name="procurement_evidence"),
    path(P + "procurements/new/", pv.procurement_new, name="procurement_new"),
    path(PR, pv.procurement_detail, name="procurement_detail"),
    path(PR + "screen/", pv.procurement_screen_view, name="procurement_screen"),
    path(
        PR + "questionnaire/", pv.procurement_questionnaire, name="procurement_attach_questionnaire"
    ),
    path(PR + "assessment/", pv.procurement_assessment, name="procurement_assessment"),
    path(PR + "award/", pv.procurement_award_view, name="procurement_award"),
    path(PR + "system/", pv.procurement_system_link, name="procurement_system_link"),
    path(PR + "system/new/", pv.procurement_system_create, name="procurement_system_create"),
    path(P + "business-models/new/", pv.business_model_new, name="procurement_business_model_new"),
    path(BM, pv.business_model_detail, name="procurement_business_model"),
    path(BM + "board-review/", pv.business_model_review, name="procurement_board_review"),
    path("r/<str:token>/", respondent_views.respond, name="questionnaire_respond"),
]
