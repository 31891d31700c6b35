"""Tracking effectiveness (UNGP 20): indicators per action, measurements over time broken down by
group, and evidence files. Allowed after approval: tracking is acting, not editing the assessment."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from rightslens.accounts.audit import audit_record
from rightslens.assessments.models import Action
from rightslens.common.uploads import MB, UploadPolicy, upload_check
from rightslens.errors import FieldErrors

from .cycle_models import (
    Dimension,
    EvidenceFile,
    GroupMeasurement,
    Indicator,
    IndicatorKind,
    Measurement,
)

EVIDENCE_POLICY = UploadPolicy(
    kinds=("pdf", "csv", "txt", "png", "jpeg", "xlsx"), max_bytes=10 * MB, field="file"
)


def _number(
    value: Any, field: str, errors: dict[str, str], *, required: bool = False
) -> float | None:
    if value in (None, ""):
        if required:
            errors[field] = _("A number is needed.")
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        errors[field] = _("'%(value)s' is not a number.") % {"value": value}
        return None


@transaction.atomic
def indicator_create(
    *,
    action: Action,
    actor: Any,
    name: str,
    kind: str = IndicatorKind.QUANTITATIVE,
    unit: str = "",
    lower_is_better: bool = True,
    target: Any = None,
    tolerance: Any = 2.0,
    min_group_size: Any = 30,
) -> Indicator:
    errors: dict[str, str] = {}
    if not (name or "").strip():
        errors["name"] = _("Name what is measured, e.g. 'refusal rate of legitimate requests'.")
    if kind not in IndicatorKind.values:
        errors["kind"] = _("Choose quantitative or qualitative.")
    target_value = _number(target, "target", errors)
    tolerance_value = _number(tolerance, "tolerance", errors, required=True)
    size = _number(min_group_size, "min_group_size", errors, required=True)
    if size is not None and (size < 1 or size != int(size)):
        errors["min_group_size"] = _("A whole number of people, at least 1.")
    if tolerance_value is not None and tolerance_value < 0:
        errors["tolerance"] = _("The tolerance cannot be negative.")
    if errors:
        raise FieldErrors(errors)
    indicator = Indicator.objects.create(
        organisation=action.organisation,
        action=action,
        name=name.strip(),
        kind=kind,
        unit=(unit or "").strip(),
        lower_is_better=bool(lower_is_better),
        target=target_value,
        tolerance=tolerance_value or 0.0,
        min_group_size=int(size or 1),
    )
    audit_record(
        organisation=action.organisation,
        actor=actor,
        verb="indicator.create",
        obj=indicator,
        summary=indicator.name,
    )
    return indicator


def parse_groups(text: str) -> tuple[list[tuple[str, str, float, int]], dict[str, str]]:
    """Lines of 'dimension, group, value, n', e.g. 'language, sw, 14.5, 320'."""
    rows: list[tuple[str, str, float, int]] = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(",")]
        if len(parts) != 4:
            return [], {
                "groups": _("Line %(number)s: write 'dimension, group, value, n'.")
                % {"number": number}
            }
        dimension, group, value, n = parts
        if dimension not in Dimension.values:
            return [], {
                "groups": _("Line %(number)s: dimension must be one of %(choices)s.")
                % {"number": number, "choices": ", ".join(Dimension.values)}
            }
        try:
            rows.append((dimension, group, float(value), int(n)))
        except ValueError:
            return [], {
                "groups": _("Line %(number)s: value must be a number and n a whole number.")
                % {"number": number}
            }
        if not group or int(n) < 0:
            return [], {
                "groups": _("Line %(number)s: name the group and give its size (0 or more).")
                % {"number": number}
            }
    return rows, {}


@transaction.atomic
def measurement_record(
    *,
    indicator: Indicator,
    actor: Any,
    measured_on: Any,
    value: Any = None,
    n: Any = None,
    note: str = "",
    groups: str = "",
) -> Measurement:
    errors: dict[str, str] = {}
    if isinstance(measured_on, date):
        when: date | None = measured_on
    else:
        try:
            when = date.fromisoformat(str(measured_on))
        except ValueError:
            when = None
            errors["measured_on"] = _("Give the date as YYYY-MM-DD.")
    number = _number(value, "value", errors, required=indicator.kind == IndicatorKind.QUANTITATIVE)
    people = _number(n, "n", errors)
    if indicator.kind == IndicatorKind.QUALITATIVE and not (note or "").strip():
        errors["note"] = _("A qualitative indicator needs a written observation.")
    rows, group_errors = parse_groups(groups)
    if errors := errors | group_errors:
        raise FieldErrors(errors)
    assert when is not None
    measurement = Measurement.objects.create(
        organisation=indicator.organisation,
        indicator=indicator,
        measured_on=when,
        value=number,
        n=int(people) if people is not None else None,
        note=(note or "").strip(),
        recorded_by=actor,
    )
    GroupMeasurement.objects.bulk_create(
        [
            GroupMeasurement(
                organisation=indicator.organisation,
                measurement=measurement,
                dimension=d,
                group=g,
                value=v,
                n=k,
            )
            for d, g, v, k in rows
        ]
    )
    audit_record(
        organisation=indicator.organisation,
        actor=actor,
        verb="measurement.record",
        obj=measurement,
        summary=f"{indicator.name}: {number} on {when}",
        after={"groups": len(rows)},
    )
    return measurement


@transaction.atomic
def evidence_attach(
    *, measurement: Measurement, actor: Any, upload: UploadedFile[Any] | None
) -> EvidenceFile:
    checked = upload_check(upload, policy=EVIDENCE_POLICY)
    evidence = EvidenceFile.objects.create(
        organisation=measurement.organisation,
        measurement=measurement,
        file=upload,
        name=checked.name[:200],
        size=checked.size,
        content_type=checked.content_type,
    )
    audit_record(
        organisation=measurement.organisation,
        actor=actor,
        verb="evidence.attach",
        obj=evidence,
        summary=evidence.name,
    )
    return evidence
