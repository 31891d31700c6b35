"""The page an external respondent reaches through a questionnaire link, at /r/<token>/.

No account: the link is the only credential, and it opens exactly one questionnaire. The page shows
the respondent nothing of the sender's other work.

The page speaks the respondent's language where it can (PAGE_LANGUAGES): `?lang=`, else the browser's
Accept-Language, as on the public grievance channel (rightslens.common.languages). Answer choices are
shown by their label in that language and posted as the library's English value.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from rightslens.common.languages import activate_public_language
from rightslens.core.questionnaire import as_answer, sections_of, visible_questions
from rightslens.errors import FieldErrors

from .models import QuestionnaireRequest, RequestStatus
from .request_services import (
    LinkRefused,
    questionnaire_item,
    questions_for,
    request_for_token,
    request_submit,
)
from .selectors import choice_labels, sections_in_language

#: The languages this page's own words (the procurement catalogue) and the questionnaires (the
#: knowledge library's translations) are written in; a visitor asking for another reads English.
PAGE_LANGUAGES = ("en", "fr", "es")


def _rows(
    req: QuestionnaireRequest, answers: dict[str, str], errors: dict[str, str]
) -> list[dict[str, Any]]:
    questions = questions_for(req)
    visible = {q.id for q in visible_questions(questions, answers)}
    locked = req.status == RequestStatus.CLARIFICATION
    rows = []
    for q in questions:
        condition = q.get("show_if") or {}
        rows.append(
            {
                "q": q,
                "answer": answers.get(q.id, ""),
                "choices": choice_labels(q),
                "visible": q.id in visible,
                "error": errors.get(q.id) or errors.get(f"evidence-{q.id}", ""),
                "show_if_question": condition.get("question_ref", ""),
                "show_if_equals": as_answer(condition.get("equals")) if condition else "",
                "editable": not locked or q.id in req.reopened,
                "review_note": (req.reviews.get(q.id) or {}).get("note", "") if locked else "",
            }
        )
    return rows


def _page(
    request: HttpRequest,
    req: QuestionnaireRequest,
    answers: dict[str, str],
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    errors = errors or {}
    rows = _rows(req, answers, errors)
    names = sections_in_language([r["q"] for r in rows])
    sections = [
        {"title": names[s], "rows": [r for r in rows if r["q"].get("section") == s]}
        for s in sections_of([r["q"] for r in rows])
    ]
    return render(
        request,
        "procurement/respond.html",
        {
            "req": req,
            "questionnaire": questionnaire_item(req.questionnaire_id),
            "sections": sections,
            "errors": errors,
            "general_errors": {
                k: v
                for k, v in errors.items()
                if k not in {r["q"].id for r in rows} and not k.startswith("evidence-")
            },
        },
        status=status,
    )


@never_cache
@csrf_protect
def respond(request: HttpRequest, token: str) -> HttpResponse:
    activate_public_language(request, PAGE_LANGUAGES)
    try:
        req = request_for_token(token)
    except LinkRefused as exc:
        return render(request, "procurement/respond_refused.html", {"reason": str(exc)}, status=410)
    if request.method != "POST":
        return _page(request, req, dict(req.answers))
    answers = {k[2:]: str(v) for k, v in request.POST.items() if k.startswith("a-")}
    files = {
        k[9:]: f
        for k, f in request.FILES.items()
        if k.startswith("evidence-") and isinstance(f, UploadedFile)
    }
    posted = [k for k in request.POST if not k.startswith("a-") and k != "csrfmiddlewaretoken"]
    try:
        request_submit(raw_token=token, answers=answers, files=files, posted_fields=posted)
    except LinkRefused as exc:
        return render(request, "procurement/respond_refused.html", {"reason": str(exc)}, status=410)
    except FieldErrors as exc:
        shown = {**req.answers, **answers} if req.status == RequestStatus.CLARIFICATION else answers
        return _page(request, req, shown, exc.fields, status=400)
    return render(request, "procurement/respond_done.html", {"req": req})
