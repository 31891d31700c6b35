"""Import an inventory or a register as a whole: every row is checked and written in one
transaction, and one bad row anywhere changes nothing. Errors name the row and the column."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from rightslens.accounts.models import Organisation
from rightslens.errors import FieldErrors

from .reading import read_rows

LIST_SEPARATOR = ";"
SYSTEM_COLUMNS = {
    "name": "text",
    "purpose": "text",
    "description": "text",
    "kind": "text",
    "lifecycle_stage": "text",
    "weights": "text",
    "value_chain_roles": "list",
    "countries": "list",
    "sectors": "list",
    "languages": "list",
    "intended_users": "list",
}
IMPACT_COLUMNS = {
    "system": "key",
    "assessment": "key",
    "title": "text",
    "description": "text",
    "rights": "list",
    "risk_category": "text",
    "actual": "yes_no",
    "scale": "text",
    "scale_rationale": "text",
    "scope": "text",
    "scope_rationale": "text",
    "irremediability": "text",
    "irremediability_rationale": "text",
    "likelihood": "text",
    "involvement": "text",
    "involvement_rationale": "text",
    "business_risk": "text",
    "business_risk_note": "text",
}
YES = {"yes", "y", "true", "1", "actual"}
NO = {"no", "n", "false", "0", "potential", ""}


class ImportRefused(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


class _RollBack(Exception):
    pass


def _values(row: dict[str, str], columns: dict[str, str], number: int) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, kind in columns.items():
        raw = row.get(column, "")
        if kind == "list":
            values[column] = [p.strip() for p in raw.split(LIST_SEPARATOR) if p.strip()]
        elif kind == "yes_no":
            if raw.lower() not in YES | NO:
                raise FieldErrors(
                    {column: _("Write yes (the harm has happened) or no (potential).")}
                )
            values[column] = raw.lower() in YES
        elif raw != "" or kind == "key":
            values[column] = raw
    return values


def _run(
    rows: list[tuple[int, dict[str, str]]], columns: dict[str, str], write: Callable[..., Any]
) -> int:
    unknown = sorted({c for _n, row in rows for c in row} - set(columns))
    if unknown:
        raise ImportRefused(
            [
                _("Unknown column “%(column)s”. The columns are: %(columns)s.")
                % {"column": c, "columns": ", ".join(columns)}
                for c in unknown
            ]
        )
    errors: list[str] = []
    try:
        with transaction.atomic():
            for number, row in rows:
                try:
                    write(_values(row, columns, number))
                except FieldErrors as error:
                    errors += [
                        _("Row %(number)s, %(field)s: %(message)s")
                        % {"number": number, "field": field.replace("_id", ""), "message": message}
                        for field, message in error.fields.items()
                    ]
            if errors:
                raise _RollBack
    except _RollBack:
        raise ImportRefused(errors) from None
    return len(rows)


def inventory_import(*, organisation: Organisation, actor: Any, name: str, data: bytes) -> int:
    from rightslens.inventory.services import system_create

    def write(values: dict[str, Any]) -> None:
        system_create(organisation=organisation, actor=actor, **values)

    return _run(read_rows(name, data), SYSTEM_COLUMNS, write)


def register_import(*, organisation: Organisation, actor: Any, name: str, data: bytes) -> int:
    from rightslens.assessments.models import Assessment
    from rightslens.assessments.services import assessment_create, impact_create
    from rightslens.inventory.models import AISystem

    def write(values: dict[str, Any]) -> None:
        system_name, title = values.pop("system"), values.pop("assessment")
        system = AISystem.objects.filter(organisation=organisation, name=system_name).first()
        if system is None:
            raise FieldErrors(
                {
                    "system": _("No AI system named “%(name)s” in the inventory.")
                    % {"name": system_name}
                }
            )
        title = title or system.name
        assessment = Assessment.objects.filter(
            organisation=organisation, system=system, title=title
        ).first() or assessment_create(
            organisation=organisation, actor=actor, system_id=system.pk, title=title
        )
        impact_create(assessment=assessment, actor=actor, **values)

    return _run(read_rows(name, data), IMPACT_COLUMNS, write)
