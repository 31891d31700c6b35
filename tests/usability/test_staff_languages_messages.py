"""Messages a person reads, built in Python by the apps, go through gettext: no bare English string
(or f-string) is given as a field error, a validation error, a refusal or a flash message; and
French and Spanish pages show the apps' form errors and success messages in their language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django.utils.html import escape

APPS = (
    "accounts",
    "assessments",
    "disclosure",
    "engagement",
    "grievances",
    "hub",
    "imports",
    "inventory",
    "notifications",
    "policy",
    "probes",
    "procurement",
    "search",
)

#: (file, function) whose messages are read by someone outside the organisation, on a page another
#: piece of work translates: the vendor's answers on the public questionnaire page.
NOT_STAFF = {("procurement/request_services.py", "_merged_answers")}

_LEVELS = {"debug", "info", "success", "warning", "error"}
_REFUSALS = {"FieldErrors", "StaleVersion", "ValidationError", "PermissionDenied"}


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    translation.activate("en")


def _bare(node: ast.expr | None) -> bool:
    """English written in place: a string literal with words, an f-string, or one joined to them."""
    if node is None:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _bare(node.left) or _bare(node.right)
    if isinstance(node, ast.IfExp):
        return _bare(node.body) or _bare(node.orelse)
    return False


def _values(node: ast.expr) -> list[ast.expr]:
    """The messages of a FieldErrors dict (a literal or a comprehension), else the node itself."""
    if isinstance(node, ast.Dict):
        return [v for v in node.values if v is not None]
    if isinstance(node, ast.DictComp):
        return [node.value]
    return [node]


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _messages_of(node: ast.AST) -> list[ast.expr]:
    """The person-facing messages written at this node."""
    if isinstance(node, ast.Call):
        name = _name(node.func)
        is_flash = (
            isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "messages"
            and node.func.attr in _LEVELS
        )
        if is_flash:
            return node.args[1:2]
        if name in _REFUSALS:
            found = [v for a in node.args[:1] for v in _values(a)] + node.args[1:2]
            return found + [k.value for k in node.keywords if k.arg in ("message", "fields")]
        if name == "add_error":
            return node.args[1:2]
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if (
            isinstance(target, ast.Subscript)
            and isinstance(target.value, ast.Name)
            and "error" in target.value.id.lower()
        ):
            return [node.value]
    return []


def _bare_messages(source: str, relative: str) -> list[str]:
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and (relative, node.name) in NOT_STAFF:
            skipped |= {n.lineno for n in ast.walk(node) if hasattr(n, "lineno")}
    return [
        f"{relative}:{message.lineno}: {ast.get_source_segment(source, message)}"
        for node in ast.walk(tree)
        for message in _messages_of(node)
        if _bare(message) and message.lineno not in skipped
    ]


def test_the_check_finds_each_kind_of_bare_message():
    source = """
def f(request, errors, form):
    raise FieldErrors({"name": "Give a name."})
    raise FieldErrors({k: f"Unknown {k}." for k in x})
    raise ValidationError("Bad.")
    raise PermissionDenied("No.")
    messages.success(request, f"{x} saved.")
    messages.error(request, "Not saved: " + reason)
    errors["title"] = "Give a title."
    form.add_error("file", "Not JSON.")
    raise FieldErrors({"name": _("Give a name.")})
    messages.success(request, _("%(x)s saved.") % {"x": x})
    errors["title"] = _("Give a title.")
"""
    assert len(_bare_messages(source, "x.py")) == 8


def test_no_app_gives_a_bare_english_string_as_a_message_a_person_reads():
    root = Path(settings.BASE_DIR) / "rightslens"
    bare: list[str] = []
    files = 0
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            files += 1
            relative = str(path.relative_to(root))
            bare += _bare_messages(path.read_text("utf-8"), relative)
    assert files > 150
    assert not bare, "wrap these with gettext:\n" + "\n".join(bare)


# ---- Pages ------------------------------------------------------------------------------------

SYSTEM = {
    "name": "Helpdesk bot",
    "purpose": "Answers customer questions",
    "value_chain_roles": ["deployer"],
    "lifecycle_stage": "deploy",
    "kind": "generative_application",
    "weights": "not_applicable",
    "countries": "ke",
    "languages": "en",
    "sectors": "retail",
}


def _client(user, language: str) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "refused", "added"),
    [
        ("fr", "Codes pays non conformes à l’ISO 3166 : XX", "Helpdesk bot ajouté à l’inventaire."),
        ("es", "No son códigos de país ISO 3166: XX", "Helpdesk bot añadido al inventario."),
    ],
)
def test_the_inventory_refuses_and_confirms_in_the_language(org, owner, language, refused, added):
    client = _client(owner, language)
    response = client.post(f"/o/{org.slug}/systems/new/", SYSTEM | {"countries": "KE, XX"})
    page = response.content.decode()
    assert response.status_code == 400 and escape(refused) in page
    assert "Not ISO 3166 country codes" not in page
    page = client.post(f"/o/{org.slug}/systems/new/", SYSTEM, follow=True).content.decode()
    assert escape(added) in page and "added to the inventory" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "unnamed", "saved"),
    [
        ("fr", "Donnez un nom au filtre enregistré.", "Filtre « Severe, open » enregistré."),
        ("es", "Dé un nombre al filtro guardado.", "Filtro «Severe, open» guardado."),
    ],
)
def test_saved_filters_refuse_and_confirm_in_the_language(org, owner, language, unnamed, saved):
    client = _client(owner, language)
    url = f"/o/{org.slug}/saved-filters/"
    form = {"page": "register", "name": " ", "querystring": "band=4"}
    page = client.post(url, form, follow=True).content.decode()
    assert escape(unnamed) in page and "Give the saved filter a name" not in page
    page = client.post(url, form | {"name": "Severe, open"}, follow=True).content.decode()
    assert escape(saved) in page and "Saved the filter" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "refused"),
    [
        ("fr", "Le contrat ne peut pas prendre fin avant d’avoir commencé."),
        ("es", "El contrato no puede terminar antes de empezar."),
    ],
)
def test_procurement_refuses_a_contract_ending_before_it_starts_in_the_language(
    org, owner, language, refused
):
    from rightslens.procurement.models import Counterparty

    form = {
        "name": "HireRank",
        "kind": "vendor",
        "country": "GB",
        "contract_start": "2026-03-01",
        "contract_end": "2026-02-01",
        "reassessment_months": 12,
    }
    response = _client(owner, language).post(f"/o/{org.slug}/procurement/counterparties/new/", form)
    page = response.content.decode()
    assert response.status_code == 400 and escape(refused) in page
    assert "cannot end before it starts" not in page
    assert not Counterparty.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "refused", "confirmed"),
    [
        (
            "fr",
            "Cette personne est déjà membre de l’organisation.",
            "La validation indépendante n’est plus exigée.",
        ),
        (
            "es",
            "Esta persona ya es miembro de la organización.",
            "La aprobación independiente ya no es obligatoria.",
        ),
    ],
)
def test_the_people_page_refuses_and_confirms_in_the_language(
    org, owner, language, refused, confirmed
):
    client = _client(owner, language)
    form = {"email": owner.email, "role": "assessor"}
    page = client.post(f"/o/{org.slug}/people/invite/", form, follow=True).content.decode()
    assert escape(refused) in page and "already a member" not in page
    page = client.post(f"/o/{org.slug}/people/signoff/", {}, follow=True).content.decode()
    assert escape(confirmed) in page and "Independent sign-off is no longer" not in page
