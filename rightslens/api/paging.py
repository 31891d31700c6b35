"""Offset pagination for the API's lists: the page, `X-Total-Count`, and `Link: rel="next"`."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from rightslens.api.errors import MAX_OFFSET

MAX_LIMIT = 500


def offset_page(
    request: HttpRequest, response: HttpResponse, rows: QuerySet[Any], offset: int, limit: int
) -> QuerySet[Any]:
    """The rows of one page (`limit` clamped to 1..500, `offset` to 0..MAX_OFFSET). Sets
    `X-Total-Count` to the number that match and `Link` to the next page, absent on the last."""
    offset, limit = min(max(0, offset), MAX_OFFSET), max(1, min(limit, MAX_LIMIT))
    total = rows.count()
    response["X-Total-Count"] = str(total)
    if offset + limit < total:
        query = request.GET.copy()
        query["offset"] = str(offset + limit)
        response["Link"] = f'<{request.path}?{query.urlencode()}>; rel="next"'
    return rows[offset : offset + limit]
