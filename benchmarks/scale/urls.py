"""Benchmark-only URLs: the product's, plus a bare floor view, and a query-count middleware."""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.template import Context, Engine
from django.urls import include, path

from rightslens.assessments.models import Impact

_FLOOR = Engine().from_string(
    "<!doctype html><title>floor</title><table>{% for i in rows %}"
    "<tr><td>{{ i.pk }}</td><td>{{ i.title }}</td><td>{{ i.priority }}</td></tr>"
    "{% endfor %}</table>"
)


def floor(request: HttpRequest, org_id: int) -> HttpResponse:
    """A trivial page: 50 rows from one indexed query, rendered by a tiny template."""
    rows = list(
        Impact.objects.filter(organisation_id=org_id)
        .order_by("-priority", "id")
        .only("pk", "title", "priority")[:50]
    )
    return HttpResponse(_FLOOR.render(Context({"rows": rows})))


def count_queries(get_response: Callable[[HttpRequest], Any]) -> Callable[[HttpRequest], Any]:
    """Put the number of SQL queries the request made in the X-Queries header."""

    def middleware(request: HttpRequest) -> Any:
        counted = [0]

        def counter(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            counted[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = get_response(request)
        # A streamed body reads rows after this point: its count would be partial.
        response["X-Queries"] = "streamed" if response.streaming else str(counted[0])
        return response

    return middleware


urlpatterns = [
    path("bench/floor/<int:org_id>/", floor),
    path("", include("rightslens.urls")),
]
