"""Audit-trail entries in the reader's language.

An audit record (accounts.AuditEvent) stores a verb ("system.archive") and an English summary
written when it was made ("Approved version 2"). The audit pages show, for each known verb, a sentence
of its own in the reader's language (gettext context ``audit``), filled with the parts read back from
the stored summary: names, titles and numbers as stored; status, decision and role values as their
labels. A record whose verb is unknown, or whose summary does not have the expected shape (an older
wording), is shown as stored. `tests/usability/test_staff_languages_audit.py` checks that every verb
the code records has its French and Spanish sentence; `tests/cycle/test_audit_languages.py` shows
the assessment's audit page in both.
"""

from __future__ import annotations

import re
from functools import cache

from django.utils.translation import override, pgettext

from rightslens.ux.templatetags.readable import readable, readable_text
from rightslens.ux.wording import core_label

CONTEXT = "audit"

#: (verb, the stored summary's shape as a regular expression, English sentence). A verb may have
#: several shapes: the first whose expression matches the whole summary is used.
SHAPES: tuple[tuple[str, str, str], ...] = (
    ("invitation.send", "Invited (?P<email>\\S+) as (?P<role>.+)", "Invited %(email)s as %(role)s"),
    ("invitation.accept", "(?P<email>\\S+) joined as (?P<role>.+)", "%(email)s joined as %(role)s"),
    ("member.role", "(?P<name>.+): (?P<role>[^:]+)", "Role of %(name)s changed to %(role)s"),
    ("member.activate", "(?P<name>.+)", "Account of %(name)s reactivated"),
    ("member.deactivate", "(?P<name>.+)", "Account of %(name)s deactivated"),
    (
        "organisation.independent_signoff",
        "Independent sign-off required",
        "Independent sign-off is now required",
    ),
    (
        "organisation.independent_signoff",
        "Independent sign-off not required",
        "Independent sign-off is no longer required",
    ),
    ("scoping.save", "Scoping: (?P<fields>.*)", "Scoping changed: %(fields)s"),
    (
        "scoping.red_line_screen",
        "(?P<n>\\d+) red-line hit\\(s\\)",
        "Red-line screening: %(n)s hit(s)",
    ),
    (
        "category.not_relevant",
        "(?P<category>[^:]+): (?P<reason>.*)",
        "Risk category “%(category)s” marked not relevant: %(reason)s",
    ),
    ("suggestion.dismiss", "(?P<suggestion>.*)", "Suggestion dismissed: %(suggestion)s"),
    ("action.plan", "", "Action plan recorded"),
    (
        "action.side_risk",
        "Creates risk: (?P<title>.*)",
        "The action creates a risk of its own: %(title)s",
    ),
    (
        "impact.engagement_gap",
        "(?P<reason>.*)",
        "Why the affected people could not be engaged: %(reason)s",
    ),
    ("assessment.import", "Imported (?P<n>\\d+) impact\\(s\\)", "Imported %(n)s impact(s)"),
    ("assessment.create", "(?P<title>.*)", "Assessment created: %(title)s"),
    ("impact.create", "(?P<title>.*)", "Impact recorded: %(title)s"),
    ("impact.update", "(?P<fields>.*)", "Impact changed: %(fields)s"),
    (
        "impact.grievance_linked",
        "Grievance #(?P<id>\\d+): (?P<effect>.*)",
        "Grievance #%(id)s linked to the impact: %(effect)s",
    ),
    (
        "action.create",
        "(?P<kind>[^:]+): (?P<description>.*)",
        "Action created (%(kind)s): %(description)s",
    ),
    ("action.update", "(?P<fields>.*)", "Action changed: %(fields)s"),
    (
        "priorities_recomputed",
        "(?P<n>\\d+) impact priorities recomputed after a rule change",
        "%(n)s impact priorities recomputed after a rule change",
    ),
    (
        "assessment.submit",
        "(?P<before>\\S+) → (?P<after>\\S+)",
        "Sent for review (%(before)s → %(after)s)",
    ),
    (
        "assessment.return",
        "(?P<before>\\S+) → (?P<after>\\S+)",
        "Returned to draft (%(before)s → %(after)s)",
    ),
    ("assessment.approve", "Approved version (?P<version>\\d+)", "Version %(version)s approved"),
    (
        "assessment.supersede",
        "Superseded by version (?P<version>\\d+)",
        "Superseded by version %(version)s",
    ),
    (
        "assessment.new_version",
        "Version (?P<new>\\d+) from version (?P<old>\\d+)",
        "Version %(new)s started from version %(old)s",
    ),
    ("reviewer.add", "Reviewer (?P<email>.+)", "Reviewer added: %(email)s"),
    ("reviewer.decide", "(?P<decision>.+)", "Reviewer's decision: %(decision)s"),
    ("indicator.create", "(?P<name>.*)", "Indicator created: %(name)s"),
    (
        "measurement.record",
        "(?P<indicator>.+): (?P<value>\\S+) on (?P<date>\\S+)",
        "Measurement of %(indicator)s: %(value)s on %(date)s",
    ),
    ("evidence.attach", "(?P<name>.*)", "Evidence attached: %(name)s"),
    ("fria.start", "FRIA v(?P<version>\\d+) started", "FRIA version %(version)s started"),
    ("fria.edit", "Edited FRIA v(?P<version>\\d+)", "FRIA version %(version)s edited"),
    ("fria.submit", "FRIA v(?P<version>\\d+) → \\S+", "FRIA version %(version)s sent for review"),
    ("fria.return", "FRIA v(?P<version>\\d+) → \\S+", "FRIA version %(version)s returned to draft"),
    ("fria.approve", "FRIA v(?P<version>\\d+) → \\S+", "FRIA version %(version)s approved"),
    ("fria.supersede", "FRIA v(?P<version>\\d+) → \\S+", "FRIA version %(version)s superseded"),
    ("fria.return_reason", "(?P<reason>.*)", "Why the FRIA was returned: %(reason)s"),
    ("fria.reviewer_add", "Reviewer (?P<email>.+)", "FRIA reviewer added: %(email)s"),
    ("fria.reviewer_decide", "(?P<decision>.+)", "FRIA reviewer's decision: %(decision)s"),
    (
        "fria.gap_reasons",
        "(?P<n>\\d+) gap\\(s\\) with a reason",
        "Reasons recorded for %(n)s open gap(s)",
    ),
    ("provider_document.add", "(?P<document>.*)", "Provider document added: %(document)s"),
    ("esrs.create", "(?P<draft>.*)", "ESRS S4 draft created: %(draft)s"),
    (
        "esrs.update",
        "Published: (?P<items>.*)",
        "ESRS S4 draft changed; published items: %(items)s",
    ),
    (
        "transparency.update",
        "enabled=True, (?P<n>\\d+) systems",
        "Transparency page switched on, listing %(n)s system(s)",
    ),
    (
        "transparency.update",
        "enabled=False, (?P<n>\\d+) systems",
        "Transparency page switched off (%(n)s system(s) chosen)",
    ),
    ("stakeholder.create", "Stakeholder #(?P<id>\\d+) added", "Stakeholder #%(id)s added"),
    (
        "engagement.record",
        "Engagement recorded with (?P<n>\\d+) stakeholder\\(s\\)",
        "Engagement recorded with %(n)s stakeholder(s)",
    ),
    (
        "stakeholder.contact_viewed",
        "Stakeholder contact viewed",
        "Stakeholder contact details viewed",
    ),
    ("grievance.case_read", "Case #(?P<id>\\d+) opened", "Case #%(id)s opened"),
    (
        "grievance.state",
        "State (?P<before>\\S+) -> (?P<after>\\S+)",
        "Case state changed: %(before)s → %(after)s",
    ),
    ("grievance.message", "Message sent to the complainant", "Message sent to the complainant"),
    ("grievance.triage", "Linked to (?P<n>\\d+) system\\(s\\)", "Case linked to %(n)s system(s)"),
    (
        "grievance.remedy",
        "Remedy recorded: (?P<form>.+) via (?P<route>.+)",
        "Remedy recorded: %(form)s, through %(route)s",
    ),
    ("grievance.identity_viewed", "Complainant identity viewed", "Complainant's identity viewed"),
    (
        "grievance.disclosure_requested",
        "Disclosure requested for grievance #(?P<id>\\d+)",
        "Disclosure requested for grievance #%(id)s",
    ),
    (
        "grievance.disclosure_decided",
        "Disclosure (?P<status>\\S+)",
        "Disclosure request decided: %(status)s",
    ),
    ("grievance.targets", "Published target times changed", "Published target times changed"),
    (
        "grievance.attachment_viewed",
        "Attachment of grievance #(?P<id>\\d+) opened",
        "Attachment of grievance #%(id)s opened",
    ),
    ("grievance.assign", "Assigned to (?P<name>.+)", "Case assigned to %(name)s"),
    ("grievance.assign", "Unassigned", "Case no longer assigned"),
    ("action.assign", "Assigned to (?P<name>.+)", "Action assigned to %(name)s"),
    ("action.assign", "Unassigned", "Action no longer assigned"),
    ("system.create", "(?P<name>.*)", "AI system recorded: %(name)s"),
    ("system.update", "(?P<fields>.*)", "AI system changed: %(fields)s"),
    ("system.delete", "", "AI system deleted"),
    ("system.archive", "", "AI system archived"),
    ("system.restore", "", "AI system restored from the archive"),
    ("group.create", "(?P<name>.*)", "Affected group added: %(name)s"),
    ("component.create", "(?P<component>.*)", "Component added: %(component)s"),
    ("policy.instrument_create", "(?P<title>.*)", "Policy instrument added: %(title)s"),
    ("policy.agency_create", "(?P<name>.*)", "Government agency added: %(name)s"),
    ("policy.version_add", "(?P<version>.*)", "Instrument version added: %(version)s"),
    (
        "policy.finding_confirm",
        "(?P<code>\\S+): (?P<before>\\S+) -> (?P<after>\\S+)",
        "Finding on %(code)s confirmed: %(after)s",
    ),
    (
        "policy.finding_override",
        "(?P<code>\\S+): (?P<before>\\S+) -> (?P<after>\\S+)",
        "Finding on %(code)s changed: %(before)s → %(after)s",
    ),
    ("probe_run.create", "(?P<run>.*)", "Probe run recorded: %(run)s"),
    (
        "questionnaire_sent",
        "Sent (?P<questionnaire>\\S+) to (?P<name>.+)",
        "Questionnaire %(questionnaire)s sent to %(name)s",
    ),
    (
        "questionnaire_submitted",
        "Answers received from (?P<name>.+)",
        "Answers received from %(name)s",
    ),
    ("clarification_requested", "", "Clarification requested"),
    ("questionnaire_concluded", "", "Questionnaire review concluded"),
    ("screened", "Red-line screen: (?P<n>\\d+) hit\\(s\\)", "Red-line screening: %(n)s hit(s)"),
    ("red_line_decided", "Red-line decision: (?P<decision>.+)", "Red-line decision: %(decision)s"),
    ("counterparty_saved", "(?P<name>.*)", "Counterparty saved: %(name)s"),
    ("impact_linked", "", "Impact linked to the relationship"),
    ("relationship_reassessed", "", "Relationship reassessed"),
    ("clause_attached", "(?P<clause>.*)", "Contract clause attached: %(clause)s"),
    ("clause_status", "", "Contract clause status changed"),
    ("leverage_recorded", "", "Leverage action recorded"),
    ("leverage_outcome", "", "Outcome of a leverage action recorded"),
    ("business_model_recorded", "", "Business-model risk recorded"),
    ("board_reviewed", "", "Reviewed by the board"),
    ("procurement_created", "", "Procurement created"),
    ("procurement_system_linked", "", "AI system linked to the procurement"),
    ("assessment_opened", "", "Pre-procurement assessment opened"),
    ("procurement_awarded", "", "Procurement awarded"),
)

#: The fields whose changes the assessment's audit trail lists (in a summary, "Impact changed:
#: title, likelihood", and as the keys of its before and after values): their labels have wording
#: in the context ``core`` (rightslens.ux.wording.core_label).
AUDITED_FIELDS: tuple[str, ...] = (
    "action_type",
    "actual",
    "affected_group_ids",
    "affected_groups_note",
    "business_model_note",
    "business_risk",
    "business_risk_note",
    "comment",
    "context_of_use",
    "customers",
    "decision",
    "description",
    "due_date",
    "general_purpose",
    "involvement",
    "involvement_rationale",
    "irremediability_rationale",
    "leverage_kind",
    "owner",
    "preference",
    "priority",
    "reason",
    "release_style",
    "rights",
    "risk_category",
    "safety_tested_languages",
    "scale_rationale",
    "scope_countries",
    "scope_languages",
    "scope_rationale",
    "severity_band",
    "status",
    "suppliers",
    "title",
    "trigger",
    "users",
    "vendors",
    "vulnerable_groups",
    "weights",
    "who_pays",
    "mitigation_type",
    "assignee",
    "note",
    "outcome",
    "outcome_note",
    "scale",
    "scope",
    "irremediability",
    "likelihood",
)

#: Parts that are stored values or labels of a choice (a status, a decision, a role).
_CHOICE_PARTS = frozenset(
    {"role", "before", "after", "decision", "status", "form", "route", "effect", "kind"}
)
#: Parts that may hold knowledge ids or stored codes (a risk category, a questionnaire, a clause,
#: the names of the fields that changed).
_CODE_PARTS = frozenset({"category", "questionnaire", "clause", "suggestion"})


def verbs() -> set[str]:
    return {verb for verb, _shape, _english in SHAPES}


@cache
def _compiled(verb: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(shape, re.S), english) for v, shape, english in SHAPES if v == verb)


@cache
def _choices() -> dict[str, object]:
    """Every model choice, by stored value and by English label -> its (lazy) label."""
    from django.apps import apps

    found: dict[str, object] = {}
    with override("en"):
        for model in apps.get_models():
            for field in model._meta.get_fields():
                for value, label in getattr(field, "flatchoices", None) or ():
                    if isinstance(value, str) and value:
                        found.setdefault(value, label)
                        found.setdefault(str(label), label)
    return found


def _choice(text: str) -> str:
    label = _choices().get(text)
    return str(label) if label is not None else core_label(text)


def _part(name: str, text: str) -> str:
    if name in _CHOICE_PARTS:
        return _choice(text)
    if name in _CODE_PARTS:
        return readable_text(text)
    if name == "fields":
        return ", ".join(core_label(field) for field in text.split(", "))
    return text


def audit_values(values: object) -> str:
    """An audit record's before or after values: each field's label, and each stored choice as
    its label ("Status: Draft"), in the reader's language."""
    if not isinstance(values, dict) or not values:
        return readable(values)
    return "; ".join(
        pgettext(CONTEXT, "%(field)s: %(value)s")
        % {
            "field": core_label(str(name)),
            "value": _choice(value)
            if isinstance(value, str) and value in _choices()
            else readable(value),
        }
        for name, value in values.items()
    )


def audit_text(verb: str, summary: str) -> str:
    """What an audit record says, in the reader's language; the stored summary (or, without one,
    the verb) when the verb or the summary's shape is unknown."""
    for pattern, english in _compiled(verb):
        match = pattern.fullmatch(summary or "")
        if match is None:
            continue
        parts = {name: _part(name, text) for name, text in match.groupdict().items()}
        try:
            return pgettext(CONTEXT, english) % parts
        except (KeyError, ValueError, TypeError):  # a broken translation: keep the English
            return english % parts
    return readable_text(summary) if summary else verb
