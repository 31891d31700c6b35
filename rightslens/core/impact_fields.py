"""The fields an impact records, declared once (pure Python).

Services, forms, API schemas, exports, documents (snapshot, JSON export and import) and reports
take their field lists from here; the severity dimensions come from `severity.SEVERITY_DIMENSIONS`.
Adding a rated dimension means: the dimension here, the model field and its migration.
"""

from __future__ import annotations

from .severity import SEVERITY_DIMENSIONS

#: Each severity dimension's rating followed by its rationale, in order.
RATING_FIELDS: tuple[str, ...] = tuple(
    name for d in SEVERITY_DIMENSIONS for name in (d.name, d.rationale)
)
RATED_FIELDS: tuple[str, ...] = tuple(d.name for d in SEVERITY_DIMENSIONS)
RATIONALE_FIELDS: tuple[str, ...] = tuple(d.rationale for d in SEVERITY_DIMENSIONS)

#: What a person writes about an impact, in form order (affected groups by id).
IMPACT_FIELDS: tuple[str, ...] = (
    "title",
    "description",
    "rights",
    "risk_category",
    "affected_group_ids",
    "actual",
    *RATING_FIELDS,
    "likelihood",
    "involvement",
    "involvement_rationale",
    "business_risk",
    "business_risk_note",
    "status",
)
#: The same in a plain document (snapshot, JSON export and import): groups are not carried.
DOCUMENT_FIELDS: tuple[str, ...] = tuple(f for f in IMPACT_FIELDS if f != "affected_group_ids")
#: Free text, stripped before it is checked.
TEXT_FIELDS: tuple[str, ...] = (
    "title",
    "description",
    *RATIONALE_FIELDS,
    "involvement_rationale",
    "business_risk_note",
    "risk_category",
)
#: Whole numbers (a rating), possibly empty.
NUMBER_FIELDS: tuple[str, ...] = (*RATED_FIELDS, "likelihood", "business_risk")
#: Compared between two versions of an assessment.
COMPARED_FIELDS: tuple[str, ...] = (
    "risk_category",
    "actual",
    *RATED_FIELDS,
    "likelihood",
    "involvement",
    "business_risk",
    "status",
    "severity_band",
)
