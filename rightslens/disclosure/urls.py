from django.urls import path

from . import esrs_views, export_views, public, views

D = "o/<slug:org_slug>/disclosure/"
F = D + "fria/<int:fria_id>/"

urlpatterns = [
    # Public, no account needed; only what the organisation opted in.
    path("t/<slug:org_slug>/", public.transparency, name="transparency_public"),
    path("t/<slug:org_slug>/s4/<int:draft_id>/", public.esrs, name="esrs_public"),
    # Members.
    path(D, views.overview, name="disclosure_overview"),
    path(D + "systems/<int:system_id>/", views.system_fria, name="disclosure_system"),
    path(D + "systems/<int:system_id>/fria/start/", views.fria_start, name="disclosure_fria_start"),
    path(
        D + "systems/<int:system_id>/provider/", views.provider_add, name="disclosure_provider_add"
    ),
    path(D + "provider/<int:document_id>/", views.provider_detail, name="disclosure_provider"),
    path(F, views.fria_detail, name="disclosure_fria"),
    path(F + "submit/", views.fria_submit, name="disclosure_fria_submit"),
    path(F + "return/", views.fria_return, name="disclosure_fria_return"),
    path(F + "approve/", views.fria_approve, name="disclosure_fria_approve"),
    path(F + "reviewers/", views.fria_reviewer_add, name="disclosure_fria_reviewer_add"),
    path(F + "review/", views.fria_review, name="disclosure_fria_review"),
    path(F + "gaps/", views.fria_gap_reasons, name="disclosure_fria_gaps"),
    path(F + "new-version/", views.fria_new_version, name="disclosure_fria_new_version"),
    path(F + "fria.json", export_views.fria_json, name="disclosure_fria_json"),
    path(F + "fria.docx", export_views.fria_docx, name="disclosure_fria_docx"),
    path(F + "fria.pdf", export_views.fria_pdf, name="disclosure_fria_pdf"),
    path(F + "notification.zip", export_views.notification_pack, name="disclosure_notification"),
    path(D + "esrs/new/", esrs_views.esrs_new, name="disclosure_esrs_new"),
    path(D + "esrs/<int:draft_id>/", esrs_views.esrs_detail, name="disclosure_esrs"),
    path(D + "transparency/", esrs_views.transparency, name="disclosure_transparency"),
]
