"""The public knowledge hub: browse, search and read the knowledge libraries. No login needed."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext

from rightslens.common.knowledge import knowledge
from rightslens.core.knowledge import Item, KnowledgeBase
from rightslens.core.knowledge.search import marked, search, snippet

from .presentation import (
    TYPE_NAMES,
    further_links,
    group_by_type,
    group_items,
    present,
    sort_key,
    type_name,
)
from .roles import ROLES, principles_for, role_sections

SEARCH_LIMIT = 50


def _type_counts(kb: KnowledgeBase) -> list[tuple[str, str, int]]:
    """(type, plural name, count) for every type that has items, in the hub's reading order."""
    order = list(TYPE_NAMES)
    types = sorted(kb.types(), key=lambda t: (order.index(t) if t in order else len(order), t))
    return [(t, type_name(t, plural=True), len(kb.by_type(t))) for t in types]


def hub_index(request: HttpRequest) -> HttpResponse:
    kb = knowledge()
    libraries = sorted(kb.libraries.values(), key=lambda lib: lib.title.lower())
    return render(
        request,
        "hub/index.html",
        {"libraries": libraries, "types": _type_counts(kb), "roles": ROLES.values()},
    )


def library_detail(request: HttpRequest, library_slug: str) -> HttpResponse:
    library = knowledge().libraries.get(library_slug)
    if library is None:
        raise Http404("No such library")
    return render(
        request,
        "hub/library.html",
        {"library": library, "groups": group_by_type(list(library.items))},
    )


def type_list(request: HttpRequest, item_type: str) -> HttpResponse:
    kb = knowledge()
    if item_type not in TYPE_NAMES and item_type not in kb.types():
        raise Http404("No such type of item")
    items = sorted(kb.by_type(item_type), key=sort_key)
    context = {
        "item_type": item_type,
        "heading": type_name(item_type, plural=True),
        "items": items,
        "groups": group_items(kb, item_type, items),
        "description": gettext(TYPE_NAMES[item_type][2]) if item_type in TYPE_NAMES else "",
    }
    return render(request, "hub/type_list.html", context)


def item_detail(request: HttpRequest, item_key: str) -> HttpResponse:
    kb = knowledge()
    item = kb.get(item_key)
    if item is None:
        raise Http404("No such item")
    links_to = [target for ref in dict.fromkeys(item.refs()) if (target := kb.get(ref)) is not None]
    context = {
        "item": item,
        "type_label": type_name(item.type),
        "library": kb.libraries[item.library],
        "fields": present(kb, item.fields_in(get_language())),
        "replaced_by": kb.get(item.replaced_by) if item.replaced_by else None,
        "links_to": group_by_type(links_to),
        "linked_from": group_by_type(kb.linked_from(item.id)),
        "further": further_links(kb, item),
    }
    return render(request, "hub/item.html", context)


def excerpt(item: Item, query: str, language: str | None) -> list[tuple[str, bool]]:
    """The words of a search result, in pieces marked where they are search words: the item's
    text in the reader's language where the library translates it (even when the query matched
    only the English), else as written."""
    text = (
        " ".join(item.sentences_in(language))
        or " ".join(item.sentences())
        or item.title_in(language)
    )
    return marked(snippet(text, query), query)


def hub_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    language = get_language()
    hits = search(knowledge(), query, limit=SEARCH_LIMIT, language=language) if query else []
    results = [
        (hit.item, type_name(hit.item.type), excerpt(hit.item, query, language)) for hit in hits
    ]
    return render(
        request, "hub/search.html", {"query": query, "results": results, "limit": SEARCH_LIMIT}
    )


def unverified_list(request: HttpRequest) -> HttpResponse:
    """Every item not yet checked against a primary source, with the reason: the hub's own caveats."""
    items = [i for i in knowledge().items.values() if i.unverified]
    return render(
        request, "hub/unverified.html", {"groups": group_by_type(items), "count": len(items)}
    )


def role_detail(request: HttpRequest, role: str) -> HttpResponse:
    found = ROLES.get(role)
    if found is None:
        raise Http404("No such role")
    kb = knowledge()
    context = {
        "role": found,
        "roles": ROLES.values(),
        "principles": principles_for(kb, role),
        "sections": role_sections(kb, found),
    }
    return render(request, "hub/role.html", context)
