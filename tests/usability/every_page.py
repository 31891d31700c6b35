"""One URL for every kind of page a person can reach: the demo organisation's staff pages, walked
from its navigation with one page per URL pattern, and the public pages anyone can open."""

from __future__ import annotations

from django.test import Client

from rightslens.accounts.models import Membership, Organisation, Role
from rightslens.accounts.people import invitation_send
from rightslens.disclosure.models import EsrsDraft
from rightslens.procurement.models import Counterparty
from rightslens.procurement.request_services import request_send

from .crawl import crawl, route_key, walk
from .staff_pages import staff_urls

# The public channel in English, a Latin-script translation, right-to-left Arabic and Chinese.
CHANNEL_LANGUAGES = ("en", "fr", "ar", "zh-hans")


def _is_document(html: str) -> bool:
    """A whole page, not an htmx fragment that is swapped into one."""
    return "<html" in html[:500].lower()


def staff_page_urls(client: Client, org: Organisation) -> list[str]:
    """One URL per staff URL pattern (and per set of query parameters), signed in as `client`."""
    walked = crawl(client, org, key=route_key)
    urls = [url for url, html in walked.items() if _is_document(html)]
    kinds = {route_key(url) for url in urls}
    for url in staff_urls(org).values():  # pages the walk reaches only by a form (e.g. ?q=)
        if route_key(url) not in kinds:
            kinds.add(route_key(url))
            urls.append(url)
    return [*urls, f"/o/{org.slug}/no-such-page/"]


def public_page_urls(client: Client, org: Organisation) -> list[str]:
    """The public pages a visitor (signed out) can open: channel, follow and statistics pages in
    several languages, the transparency pages, the knowledge hub, sign-in pages and 404s."""
    slug = org.slug
    channel = [
        f"/g/{slug}/{page}?lang={language}"
        for language in CHANNEL_LANGUAGES
        for page in ("", "follow/", "stats/")
    ]
    starts = [f"/t/{slug}/", "/hub/", "/hub/search/?q=privacy", "/hub/unverified/"]
    starts += [f"/t/{slug}/s4/{d.pk}/" for d in EsrsDraft.objects.filter(organisation=org)[:1]]
    walked = walk(client, starts, (f"/t/{slug}/", "/hub/"), key=route_key)
    pages = [url for url, html in walked.items() if _is_document(html)]
    signed_out = ["/accounts/login/", "/accounts/signup/", "/method/"]
    missing = ["/no/such/address/", f"/g/{slug}/no-such-page/?lang=ar"]
    return [*channel, *pages, *signed_out, *emailed_links(org), *missing]


def emailed_links(org: Organisation) -> list[str]:
    """The pages people open from a link sent to them by email: an invitation to join, a vendor's
    questionnaire, and the page such a link shows once it is no longer valid."""
    owner = Membership.objects.filter(organisation=org, role=Role.OWNER).first()
    counterparty = Counterparty.objects.filter(organisation=org).first()
    assert owner is not None and counterparty is not None
    _invitation, invitation = invitation_send(
        membership=owner, email="new.member@example.org", role=Role.CONTRIBUTOR
    )
    _request, token = request_send(
        counterparty=counterparty, user=owner.user, questionnaire_id="qn-vendor-dd"
    )
    expired = ["/accounts/invitation/expired/", "/accounts/signup/confirm/expired/", "/r/expired/"]
    return [invitation, f"/r/{token}/", *expired]
