"""The core's words in the reader's language.

The pure-Python core (rightslens/core) stays free of Django: it builds its labels and sentences in
English. This module finds the wording a person reads in French or Spanish, with gettext, and falls
back to the English when no translation is known:

- `core_label(value)`: a stored value ("in_review", "directly_linked") or a fixed core label ("Provide
  remedy for the harm") in the reader's language. Entries carry the context ``core``.
- `core_text(text, key=None)`: a sentence the core built ("Severe impact “X” has no action."). Each
  sentence shape has a stable id (`SENTENCES`, the gettext context ``core:<id>``) and an English
  template; the parts that vary ({title}, {n}) are kept, and translated in turn when they are core
  labels or core sentences themselves.

The catalogue is rightslens/ux/locale/<lang>/LC_MESSAGES/django.po (msgctxt ``core`` and
``core:<id>``). `tests/usability/test_staff_languages_core.py` checks that every core label and
sentence has its French and Spanish wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from django.utils.functional import lazy
from django.utils.translation import get_language, pgettext

from rightslens.core.disclosure.words import FRIA_WORDS
from rightslens.core.vocabulary import label

LABEL_CONTEXT = "core"


def _no_titles(english: str, language: str | None) -> str | None:
    return None


#: (English title, language) -> the knowledge item's title in that language, or None. The ux app
#: sets it when Django starts (UxConfig.ready), so this module, which the error layer uses, does not
#: import the knowledge layer.
title_lookup: Callable[[str, str | None], str | None] = _no_titles

#: id -> English template, one per sentence shape the core builds for people to read.
SENTENCES: dict[str, str] = {
    # Quality checks (core/quality.py); the id is the finding's code.
    "quality.severe_without_group": "Severe impact “{title}” names no affected group.",
    "quality.severe_without_action": "Severe impact “{title}” has no action.",
    "quality.actual_harm_without_remedy": (
        "“{title}” is actual harm you caused or contributed to, with no remedy action (GP 22)."
    ),
    "quality.response_gap": "“{title}”: the plan does not yet cover: {gaps}.",
    "quality.vulnerable_without_disaggregation": (
        "“{title}” affects a vulnerable group but no measurement is broken down by group."
    ),
    "quality.rating_without_rationale": "“{title}”: the {dimension} rating of 3 or more has no rationale.",
    "quality.closed_without_evidence": "Action “{description}” is closed without evidence that it worked.",
    "quality.category_not_considered": "Risk category “{name}” was never considered.",
    "quality.red_line_undecided": "A red-line hit has no decision at the top level.",
    "quality.overdue": "The assessment is past its review period.",
    "quality.system_changed": "The system changed after this assessment was signed off.",
    "quality.safety_untested_languages": "Safety measures were not tested in: {languages}.",
    # Gates (core/gates.py).
    "gates.clearance_cleared": "Cleared: a current approved assessment covers the system as it is now.",
    "gates.clearance_in_progress": "In progress, not cleared: an assessment is open but not approved.",
    "gates.clearance_needed": "Assessment needed: nothing current covers the system.",
    "gates.no_approved": "No approved assessment of this system.",
    "gates.stale_open": (
        "Open assessment #{id} was started before the system's last change: it does not cover "
        "the system as it is now."
    ),
    "gates.open_not_approved": "Assessment #{id} is open: in progress, not approved.",
    "gates.screen": "Screen the use case against red lines.",
    "gates.red_line_awaits": "A red-line hit awaits a decision by the senior role.",
    "gates.use_stopped": "The senior role decided to stop this use: it cannot be awarded.",
    "gates.conclude_vendor": "Conclude the vendor questionnaire.",
    "gates.vendor_no_go": "The vendor review concluded '{conclusion}'.",
    "gates.open_pre_procurement": "Open the pre-procurement human rights assessment.",
    "gates.pre_procurement_not_approved": (
        "The pre-procurement human rights assessment is not approved yet (it is {state})."
    ),
    "gates.clause_not_agreed": (
        "The clause '{clause}' is named in the award conditions but not agreed in the contract."
    ),
    "gates.no_groups": (
        "No affected groups are recorded for the system: record who is affected and engage them."
    ),
    "gates.group_not_engaged": "'{group}' has not been engaged (directly or through a credible proxy).",
    "gates.supply_conditions": "State the conditions that must be met before anything is supplied.",
    "gates.leverage_action": (
        "Record at least one leverage action with this customer (what you will do to change "
        "the practice) before concluding."
    ),
    "gates.category_undecided": (
        "Risk category “{category}” is not decided: record an impact, or mark it not relevant "
        "with a reason."
    ),
    "gates.dismissed_with_open_suggestion": (
        "“{category}” was marked not relevant, but the suggestion “{suggestion}” in it is still "
        "open: accept or dismiss it."
    ),
    "gates.severe_unheard": (
        "Severe impact “{title}”: “{group}” has not been engaged (directly or through a credible "
        "proxy); record the engagement, or the reason it was not possible."
    ),
    # Lifecycle (core/lifecycle.py).
    "lifecycle.only_in_review": "Only an assessment in review can be approved: send it for review first.",
    "lifecycle.needs_senior": "This assessment has a severe impact: approval needs the senior (owner) role.",
    "lifecycle.quality_fails": "Quality check fails: {message}",
    "lifecycle.red_line_undecided": "A red-line hit has not been decided at the top level.",
    # FRIA sign-off (core/disclosure/signoff.py).
    "fria.only_in_review": "Only a FRIA in review can be approved: send it for review first.",
    "fria.needs_senior": "Approving a FRIA needs the senior (owner) role.",
    "fria.gap_not_answered": "Gap not answered: {gap} (fill it in, or record why it stays open).",
    # Involvement guidance (core/involvement.py); the severe addenda are their own sentences.
    "involvement.cause_actual": (
        "You cause (or may cause) this impact: cease or prevent it, and provide remedy to those harmed."
    ),
    "involvement.cause_potential": "You cause (or may cause) this impact: cease or prevent it.",
    "involvement.contribute_actual": (
        "You contribute to this impact: cease or prevent your contribution and use leverage on the "
        "rest, and remedy your share."
    ),
    "involvement.contribute_potential": (
        "You contribute to this impact: cease or prevent your contribution and use leverage on the rest."
    ),
    "involvement.linked": (
        "The impact is directly linked to your products or services through a business "
        "relationship: use or build leverage. If leverage fails, consider ending the "
        "relationship, weighing how crucial it is, the severity, and the harm ending it could "
        "cause. You have no duty to remedy, but you may help enable it."
    ),
    "involvement.severe_own": (
        "The impact is severe: address it first and without delay, since delay can make it harder "
        "or impossible to put right."
    ),
    "involvement.severe_linked": (
        "The impact is severe: the more severe it is, the more quickly you need to see change "
        "before deciding whether to end the relationship; while you stay, be able to show your "
        "ongoing efforts to mitigate it."
    ),
    # Severity (core/severity.py): validation.
    "severity.whole_number": "{dimension} must be a whole number from 1 to 4.",
    "severity.needs_rationale": "A {dimension} rating of {value} or more needs a written rationale.",
    "severity.actual_no_likelihood": "An actual impact has happened: leave likelihood empty.",
    "severity.actual_takes_no_likelihood": "An actual impact has happened: it takes no likelihood.",
    "severity.potential_needs_likelihood": "A potential impact needs a likelihood.",
    "severity.potential_needs_likelihood_range": (
        "A potential impact needs a likelihood from 1 (rare) to 5."
    ),
    # The impact service's checks (assessments/services.py), shown in the impact form.
    "impact.title_missing": "Give the impact a short title.",
    "impact.involvement_missing": "Choose cause, contribute or directly linked.",
    "impact.involvement_rationale_missing": "Explain why this is your organisation's involvement.",
    "impact.business_risk_range": (
        "Risk to the business is rated from 1 (low) to 4 (critical), or left empty."
    ),
    # Effectiveness (core/effectiveness.py): the reason given with a verdict.
    "effectiveness.no_measurements": "No measurements yet.",
    "effectiveness.meets_target": "Latest value {value} meets the target {target}.",
    "effectiveness.measured_once": "Measured once ({value}); a trend needs at least {rounds} rounds.",
    "effectiveness.improved": "Improved from {first} to {latest}.",
    "effectiveness.no_improvement": "No improvement: {first} then {latest}.",
    "effectiveness.too_few": "Only {n} people measured; at least {minimum} are needed to judge.",
    "effectiveness.worse_than_overall": (
        "Worse than overall ({reference}) by {gap}, more than the tolerance {tolerance}."
    ),
    # Policy document upload (core/policy/ingest.py): errors shown on the upload form.
    "ingest.empty": "The file is empty.",
    "ingest.too_big": "The file is {size} MB; the limit is {limit} MB.",
    "ingest.too_many_pages": "The document has {pages} pages; the limit is {limit}.",
    "ingest.scan": (
        "This PDF has no text layer (it looks like a scan). Run it through OCR first, or paste "
        "the text instead."
    ),
    "ingest.no_text": "No text could be found in this {kind} file.",
    "ingest.docx_damaged": "The DOCX file could not be opened; it may be damaged.",
    "ingest.binary": "This file is binary, not plain text. Upload a PDF, DOCX, HTML or .txt file.",
    "ingest.file_type": (
        "Files of type '.{suffix}' cannot be read. Upload a PDF, DOCX, HTML or plain-text (.txt) file."
    ),
    "ingest.too_long": "The text has {size} characters; the limit is {limit} (about {pages} pages).",
    "ingest.pdf_unreadable": "The PDF could not be read ({error}); it may be damaged or encrypted.",
    # The FRIA document (disclosure/exports.py) as PDF and DOCX, and its notification note.
    "fria.title": "Fundamental rights impact assessment: {system}",
    "fria.status": "Version {version}, {status}",
    "fria.status_approved": "Version {version}, {status}, approved {date} by {person}",
    "fria.template": "Template: {template} (v{version})",
    "fria.sources": "Sources: {sources}",
    "fria.gap": "Gap: {gap}",
    "fria.deployer": "Deployer: {name}",
    "fria.system": "System: {name}",
    "fria.assessment": "Assessment: {status}",
    "fria.open_gaps": "Open gaps: {n}",
    # The policy scorecard PDF (policy/report_pdf.py).
    "policy.title": "UNGP alignment scorecard: {title}",
    "policy.version": "{label} (version {number}) - language {language}",
    "policy.method": (
        "Method: {method} (criteria {criteria}). Machine findings are a draft for a reviewer."
    ),
    "policy.machine": "Machine: {status} (confidence {confidence})",
    "policy.reviewer": "Reviewer: {status} - {note}",
    "policy.recommendation": "Recommendation: {text}",
    "policy.basis": "Basis: {basis}. Sources: {sources}",
    # Policy analysis (core/policy: decision, rules, exemption, coherence): the explanation of a
    # finding's status. Longer shapes come first, so that two parts are not read as one.
    "policy.partial_one": "Partial: {refs} touches the criterion ({phrases}); {reason}.",
    "policy.partial_many": "Partial: {refs} touch the criterion ({phrases}); {reason}.",
    "policy.reason_voluntary": "the instrument is voluntary, so it cannot itself supply the binding element this criterion is about",
    "policy.reason_also_against": "{refs} also works against it ({phrases})",
    "policy.reason_carve_out_read": "a carve-out was read, but no quoted clause in operative text removes protection wholesale",
    "policy.reason_softened": "a carve-out touches it, but it does not remove protection wholesale: {why}",
    "policy.reason_only_in_three": "its core element appears only in {first} and {second} and {third}",
    "policy.reason_only_in_two": "its core element appears only in {first} and {second}",
    "policy.reason_only_in": "its core element appears only in {kind}",
    "policy.reason_state_duty": "no provision obliges the State's own bodies to do it",
    "policy.reason_security_dealt_with": "security-related uses are dealt with, but nothing says whether the instrument's safeguards fully apply to them or only in part",
    "policy.reason_near_miss": "it comes near the criterion without naming the State support or the trade or investment agreement it is about",
    "policy.learned_raised": "Partial (learned reading, {percent} %): {ref} is the closest article by meaning, and instruments that people labelled were usually partial where the checker found this little; read it to confirm. The rules said: {rules}",
    "policy.learned_lowered_partial": "Partial (learned reading, {percent} %): instruments that people labelled were usually judged lower where the wording looked like this; the quotes below are what the rules read. The rules said: {rules}",
    "policy.learned_raised_addressed": "Addressed (learned reading, {percent} %): instruments that people labelled were usually judged addressed where the wording looked like this; the quotes below are what the rules read, so read them to confirm. The rules said: {rules}",
    "policy.learned_lowered_absent": "Absent (learned reading, {percent} %): instruments that people labelled were usually judged lower where the wording looked like this; the quotes below are what the rules read. The rules said: {rules}",
    "policy.reason_covers_none": "it covers none of the needed elements but not {missing}",
    "policy.reason_covers": "it covers {facets} but not {missing}",
    "policy.reason_weak_binding": "the core element appears only in wording too weak for a binding instrument ({words})",
    "policy.reason_weak_this": "the core element appears only in wording too weak for this instrument ({words})",
    "policy.reason_nothing_examples": "nothing states the criterion's core element (for example: {examples})",
    "policy.reason_nothing": "nothing states the criterion's core element",
    "policy.reason_coherence_aim": "coherence is named as an aim, with no link to other law and no mechanism",
    "policy.binds_one": "Partial: {refs} names whom the instrument binds ({named} only), so one kind of actor carries duties; nothing spreads them along the value chain by role.",
    "policy.binds_many": "Partial: {refs} name whom the instrument binds ({named} only), so one kind of actor carries duties; nothing spreads them along the value chain by role.",
    "policy.absent_terms": "Absent: no provision uses any of the terms searched for, such as {terms}.",
    "policy.absent_carve_out": "Absent: no carve-out in operative text was found.",
    "policy.addressed_requires_word": "Addressed: {ref} requires ('{word}') {phrases}; see also {refs}.",
    "policy.addressed_requires": "Addressed: {ref} requires {phrases}; see also {refs}.",
    "policy.addressed_provides_word": "Addressed: {ref} provides for ('{word}') {phrases}; see also {refs}.",
    "policy.addressed_provides": "Addressed: {ref} provides for {phrases}; see also {refs}.",
    "policy.addressed_calls_word": "Addressed: {ref} calls for ('{word}') {phrases}; see also {refs}.",
    "policy.addressed_calls": "Addressed: {ref} calls for {phrases}; see also {refs}.",
    "policy.addressed_permits_word": "Addressed: {ref} permits ('{word}') {phrases}; see also {refs}.",
    "policy.addressed_permits": "Addressed: {ref} permits {phrases}; see also {refs}.",
    "policy.contrary_released": "Contrary: {ref} releases actors from '{what}' ('{words}'), and no provision requires it.",
    "policy.contrary": "Contrary: {refs} works against the criterion ({phrases}) and nothing states the opposite.",
    "policy.exemption_voluntary": "Partial: {ref} leaves {domain} uses out ('{words}'), but a voluntary text cannot itself take away protection that the law gives.",
    "policy.exemption_wide": "Contrary: {ref} takes {domain} uses out of the instrument ('{words}') with no condition that keeps the exception narrow.",
    "policy.exemption_narrow": "Addressed: {ref} contains a {domain} exception, but it is conditioned ({words}); check that the conditions are strict in practice.",
    "policy.exemption_covered_one": "Addressed: {refs} expressly brings security-related uses within scope.",
    "policy.exemption_covered_many": "Addressed: {refs} expressly bring security-related uses within scope.",
    "policy.exemption_absent_mentions": "Absent: no scope clause excludes or expressly covers national security, defence, military or law-enforcement uses. It mentions {phrases} ({refs}) without excluding or covering them.",
    "policy.exemption_absent": "Absent: no scope clause excludes or expressly covers national security, defence, military or law-enforcement uses.",
    "policy.coherence_links_and_mechanisms": "Addressed: {refs} links itself to other law ({links}) and sets up coordination or cooperation ({mechanisms}).",
    "policy.coherence_links": "Addressed: {refs} links itself to other law ({links}).",
    "policy.coherence_mechanisms": "Addressed: {refs} sets up coordination or cooperation ({mechanisms}).",
    "policy.coherence_cited_one": "Absent: {refs} cites other law only to define terms or set the scope; nothing links the measure to neighbouring law, sets up coordination or commits to cooperation.",
    "policy.coherence_cited_many": "Absent: {refs} cite other law only to define terms or set the scope; nothing links the measure to neighbouring law, sets up coordination or commits to cooperation.",
    # Suggested impacts (core/suggestions.py, core/impact_reading.py): why each is suggested.
    "suggest.quoted": "{reason} The description says “{quoted}”.",
    "suggest.description_says": "The description says “{quoted}”.",
    "suggest.treaty_people": "It names people with a treaty of their own ({names}): “{said}”.",
    "suggest.languages": "It serves {n} languages ({languages}).",
    "suggest.low_resource": "It serves lower-resource languages: {languages}.",
    "suggest.countries": "It operates in {n} countries ({countries}).",
    "suggest.group_at_risk": "It affects a group at heightened risk ({group}).",
    "suggest.children_affected": "Children are among the groups it affects.",
    "suggest.children_may_use": "Children may use it or be affected by it.",
    "suggest.general_purpose": "It is a general-purpose model: downstream uses are open-ended.",
    "suggest.open_weights": "Its weights are open: safeguards can be removed downstream.",
    "suggest.chatbot": "People talk to it and may confide personal details.",
    "suggest.images": "It generates or processes images.",
    "suggest.hiring": "It is used in hiring or employment decisions.",
    "suggest.public_sector": "It is used by or for a public authority.",
    "suggest.biometric": "It processes biometric data.",
    "suggest.health": "It may give health or mental-health information.",
    "suggest.education": "It is used in education.",
    "suggest.workplace": "It is used at work or on workers.",
    "suggest.elections": "It may shape political information or elections.",
    "suggest.moderation": "It moderates or filters content.",
    "suggest.creative": "It produces creative works.",
    "suggest.voice": "It processes or generates voices.",
    "suggest.finance": "It is used in finance.",
    "suggest.welfare": "It is used in welfare or benefits.",
    "suggest.migration": "It is used in migration or asylum.",
    "suggest.law_enforcement": "It is used in law enforcement.",
    "suggest.why_languages": "Moderation quality usually differs between languages.",
    "suggest.why_low_resource": "Less training and evaluation data exists for these languages.",
    "suggest.why_children": "Children are entitled to special protection (CRC).",
    "suggest.why_chatbot": "People confide personal details to assistants.",
    "suggest.why_images": "Image generation can depict identifiable people.",
    "suggest.why_hiring_access": "Automated screening decides access to a living.",
    "suggest.why_hiring_bias": "Historical hiring data carries bias.",
    "suggest.why_biometric": "Biometric data is highly sensitive.",
    "suggest.why_public_sector": "Public authorities' uses affect citizens' rights directly.",
    "suggest.title_languages": (
        "Users writing in some languages may have lawful speech blocked, or meet harmful content "
        "the filters miss"
    ),
    "suggest.title_low_resource": (
        "Speakers of lower-resource languages may get worse and less safe answers than others"
    ),
    "suggest.title_children": "Children may be exposed to harmful content or to contact with adults",
    "suggest.title_chatbot": (
        "Users may have the personal details they confide retained, reused or leaked"
    ),
    "suggest.title_images": (
        "Real people may be shown in intimate or deceptive images they never consented to"
    ),
    "suggest.title_hiring_access": "Job applicants may be unfairly shut out of work",
    "suggest.title_hiring_bias": (
        "Job applicants may be rejected because of their sex, age, disability or ethnicity"
    ),
    "suggest.title_biometric": "People may be identified or tracked without their consent",
    "suggest.title_public_sector": (
        "Residents may lose access to public services or a say in decisions about them"
    ),
    # Red-line screening (core/screening.py): the legal status of a hit. The combined shapes come
    # first, so a sentence with two parts is not read as one long first part.
    "screening.law_caveat_and_called": (
        "Prohibited by law in: {where}, subject to the exceptions recorded for this red line. "
        "Also called a red line by: {who}."
    ),
    "screening.law_and_called": "Prohibited by law in: {where}. Also called a red line by: {who}.",
    "screening.law_caveat": (
        "Prohibited by law in: {where}, subject to the exceptions recorded for this red line."
    ),
    "screening.law": "Prohibited by law in: {where}.",
    "screening.called": "Not prohibited by any law recorded here; called a red line by: {who}.",
    "screening.none": "No legal status recorded for this red line.",
    "screening.un_experts": "Red line called for by UN experts (not itself law)",
    "screening.civil_society": "Red line called for by civil society (not itself law)",
    # Business-model risks and the board decision each calls for (core/business_model.py).
    "business_model.general_purpose_risk": (
        "It can be used, misused and abused in many ways nobody foresees at release, across every "
        "right, so harm can arise far from the team that built it."
    ),
    "business_model.general_purpose_decision": (
        "Which uses will we refuse, and what share of resources goes to watching and acting on "
        "downstream use?"
    ),
    "business_model.attention_revenue_risk": (
        "Income grows with engagement and personal data, which pulls against privacy and freedom "
        "of thought and can reward harmful content."
    ),
    "business_model.attention_revenue_decision": (
        "Do we accept revenue that grows with engagement or data use, and what limits do we set?"
    ),
    "business_model.state_customers_risk": (
        "State use can reach surveillance, policing and access to public services, where impacts "
        "on liberty, equality and public participation are grave and hard to remedy."
    ),
    "business_model.state_customers_decision": (
        "Which State customers and uses will we serve, and what know-your-customer checks and "
        "contract terms are conditions of sale?"
    ),
    "business_model.consumer_scale_risk": (
        "Direct consumer use reaches very many people, including children and people with low "
        "digital literacy, so even rare failures affect large numbers."
    ),
    "business_model.consumer_scale_decision": (
        "What age, safety and redress measures must be in place before consumer launch?"
    ),
    "business_model.release_pressure_risk": (
        "Racing releases leaves less time to assess and mitigate, so known risks ship unaddressed."
    ),
    "business_model.release_pressure_decision": (
        "Will release wait for the human rights assessment's sign-off even when competitors move "
        "first?"
    ),
    "business_model.open_weights_risk": (
        "Once released, weights cannot be recalled; others can remove safeguards and the company "
        "loses most leverage over end use, though openness also helps outside scrutiny."
    ),
    "business_model.open_weights_decision": (
        "Is a staged or precautionary release warranted given the severity of possible misuse, "
        "even if unlikely?"
    ),
    # The assessment PDF report (assessments/reports/pdf.py): lines with counts and names.
    "report.approved_on": "{date} by {person}",
    "report.impacts_identified": "{n} impacts on people identified; {severe} severe.",
    "report.uncovered_responses": "{n} required response(s) not yet covered by an action.",
    "report.left_behind": "Groups left behind by mitigations: {groups}.",
    "report.quality_errors": "{n} quality error(s) open.",
    "report.quality_errors_blocking": "{n} quality error(s) open: sign-off is blocked.",
    "report.paid_by": "paid by {who}",
    "report.weights": "weights: {weights}",
    "report.decision": "{hits}. Decision: {decision}",
    "report.coverage": (
        "{categories} of {categories_total} risk categories considered ({percent}%); {rights} of "
        "{rights_total} rights in the catalogue touched."
    ),
    "report.category_impacts": "{n} impact(s)",
    "report.not_relevant": "not relevant: {reason}",
    "report.gap": "Gap: no action yet to {requirement}",
    "report.indicator": "Indicator: {name} — overall: {verdict}",
    # The policy briefing for parliament (policy/briefing_words.py, core/policy/briefing.py).
    "briefing.title": "Briefing for parliament: {title}",
    "briefing.counts_contrary": "Of {n} criteria drawn from the UN Guiding Principles, the instrument addresses {addressed}, addresses {partial} in part, leaves {absent} out and works against {contrary}.",
    "briefing.counts": "Of {n} criteria drawn from the UN Guiding Principles, the instrument addresses {addressed}, addresses {partial} in part, leaves {absent} out.",
    "briefing.gaps": "The gaps that matter most to people: {gaps}.",
    "briefing.strengths": "It does well on: {titles}.",
    "briefing.amend": "Amend {refs}",
    "briefing.insert_after": "Insert a new provision after {near}",
    "briefing.insert": "Insert a new provision",
    # Impact reading (core/impact_reading.py): why a pattern was suggested.
    "suggest.close_in_meaning": "“{quoted}” is close in meaning to: {example}",
    # A suggestion written from the closest pattern (core/impact_reading.WRITTEN_REASON).
    "suggest.closest_in_meaning": "“{quoted}” is the sentence closest in meaning to: {example}",
    # The learned category layer (core/impact_reading.LEARNED_REASON).
    "suggest.learned_category": (
        "Labelled descriptions like this one usually involve this kind of harm (learned model: "
        "{percent}%)."
    ),
    # The right the rights model puts first (core/impact_reading.RIGHT_REASON).
    "suggest.learned_right": (
        "Labelled descriptions like this one usually put one of its rights first (learned model: "
        "{percent}%)."
    ),
    # Questionnaire answers (core/questionnaire.py): why an answer is refused.
    "questionnaire.yes_no": "Answer yes or no.",
    "questionnaire.choose": "Choose one of: {choices}.",
    "questionnaire.too_long": "Keep the answer under 5,000 characters.",
    "questionnaire.unknown": "This question is not part of the questionnaire.",
    "questionnaire.hidden": "This question does not apply given your earlier answers; leave it empty.",
    # Built on the Django side from core values (the register's severity picture).
    "register.potential_likelihood": "Potential, likelihood {n} ({likelihood})",
    # A list of provision references cut at three (core/policy/decision.py). Last, so that a whole
    # explanation is read by its own shape first and only its {refs} part by this one.
    "policy.refs_more": "{refs} and {count} more",
}
# The FRIA's computed text (core/disclosure/words.py), written through `sentence`.
SENTENCES.update(FRIA_WORDS)

#: The names a policy explanation gives the facets of a criterion (the criteria file's
#: ``facet|phrase`` tags: "it covers before but not after") and the parties a provision binds
#: (core/policy/reading.Party: "(state only)"). Context ``core:policy.facet``; a list of them
#: ("before, after") is translated name by name.
FACET_CONTEXT = "core:policy.facet"
POLICY_FACETS: tuple[str, ...] = (
    "after",
    "bar",
    "before",
    "bias",
    "condition",
    "deployer",
    "developer",
    "domain",
    "export",
    "group",
    "importer",
    "law",
    "link",
    "place",
    "plan",
    "public",
    "rank",
    "rights",
    "severity",
    "space",
    "subject",
    "supplier",
    "support",
    "treaty",
    "user",
    "state",
    "authority",
    "business",
    "people",
)
#: The sentence parts that hold facet or party names.
_FACET_PARTS = frozenset({"facets", "missing", "named"})
#: Parts that match digits only (a count), so that a shape with no fixed head cannot take a
#: sentence that merely contains its joining words.
_DIGIT_PARTS = frozenset({"count", "percent"})
#: Parts that are a whole core sentence of their own (the rules' explanation under a learned one):
#: translated as one sentence, not cut at "; ".
_WHOLE_PARTS = frozenset({"rules"})
#: Parts that quote the user's own words (a description's sentence): kept exactly as written.
_VERBATIM_PARTS = frozenset({"quoted"})

#: Fixed labels and phrases of the core that are not enum values (enum values come from
#: `core_labels()`): required responses, review flags, verdict texts, severity dimensions.
FIXED_LABELS: tuple[str, ...] = (
    "Yes",
    "No",
    "Cease the activity or prevent it from happening",
    "Cease or prevent your contribution",
    "Use leverage to mitigate the remaining impact",
    "Use or build leverage over the business relationship",
    "Provide remedy for the harm",
    "Provide or cooperate in remedy for your share",
    "Past the organisation's review period",
    "System changed after sign-off",
    "Too few people to judge",
    "One measurement round: too early to judge a trend",
    "No data yet",
    "Scale",
    "Scope",
    "Irremediability",
    "Likelihood",
    "scale",
    "scope",
    "irremediability",
    "likelihood",
    "How grave the harm is for the people affected.",
    "How many people are or could be affected.",
    "How hard it is to restore those affected to their situation before the harm.",
    "draft",
    "in review",
    "approved",
    "superseded",
    # Phrases the policy analysis puts inside its explanations.
    "a definition",
    "a narrow slice of the instrument",
    "a prohibition of a single use",
    "plain statement",
    "it is conditioned, not wholesale",
    "it sets aside one part of the instrument, or keeps some of its rules, not the whole",
    "a voluntary text cannot itself take away protection that the law gives",
)

_FIELD = re.compile(r"\\\{(\w+)\\\}")
_FIELD_TEXT = re.compile(r"\{\w+\}")


@cache
def _pattern(key: str) -> re.Pattern[str]:
    english = re.escape(SENTENCES[key])
    return re.compile(_FIELD.sub(_group, english) + r"\Z", re.S)


def _group(field: re.Match[str]) -> str:
    name = field.group(1)
    return f"(?P<{name}>" + (r"\d+" if name in _DIGIT_PARTS else ".+?") + ")"


def _translated_template(key: str) -> str:
    return pgettext(f"core:{key}", SENTENCES[key])


def core_label(value: object) -> str:
    """A core label, or the label of a stored value, in the reader's language."""
    text = str(value)
    if not text:
        return text
    readable = label(text) if re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)+|[a-z]+", text) else text
    return pgettext(LABEL_CONTEXT, readable)


def _part(value: str) -> str:
    """A varying part of a sentence: translated when it is itself a core label or sentence."""
    if "; " in value:
        return "; ".join(_part(p) for p in value.split("; "))
    translated = pgettext(LABEL_CONTEXT, value)
    if translated != value:
        return translated
    title = _knowledge_title(value)
    return title if title is not None else core_text(value)


def _knowledge_title(english: str) -> str | None:
    """A knowledge item's title (a risk category, a group) in the reader's language."""
    try:
        return title_lookup(english, get_language())
    except Exception:  # noqa: BLE001 - a sentence must render without the knowledge base
        return None


def facet_names(text: str) -> str:
    """Facet or party names of a policy explanation ("before, after"), each in the reader's
    language; a name with no wording is kept as written."""
    return ", ".join(pgettext(FACET_CONTEXT, name) for name in text.split(", "))


def _fill(key: str, match: re.Match[str]) -> str:
    parts = {
        name: text
        if name in _VERBATIM_PARTS
        else facet_names(text)
        if name in _FACET_PARTS
        else core_text(text)
        if name in _WHOLE_PARTS
        else _part(text)
        for name, text in match.groupdict().items()
    }
    template = _translated_template(key)
    try:
        return template.format(**parts)
    except (KeyError, IndexError, ValueError):  # a broken translation: keep the English
        return SENTENCES[key].format(**parts)


def core_text(text: object, key: str | None = None) -> str:
    """A sentence (or label) the core built, in the reader's language; English when unknown.

    `key` names the sentence shape when the caller knows it (a quality finding's code); otherwise
    every shape is tried."""
    english = str(text)
    if not english:
        return english
    keys = (
        [key] if key in SENTENCES else [k for k in _most_fixed_first() if _could_match(k, english)]
    )
    for candidate in keys:
        match = _pattern(candidate).match(english)
        if match:
            return _fill(candidate, match)
    translated = pgettext(LABEL_CONTEXT, english)
    if translated != english:
        return translated
    title = _knowledge_title(english)
    if title:
        return title
    return _joined(english) or english


def _joined(english: str) -> str | None:
    """A text made of fixed core sentences one after the other (a guidance and its severe
    addendum), each translated; None when some part is not a known sentence."""
    fixed = sorted(
        (k for k, v in SENTENCES.items() if "{" not in v), key=lambda k: -len(SENTENCES[k])
    )
    rest, out = english.strip(), []
    while rest:
        key = next((k for k in fixed if rest.startswith(SENTENCES[k])), None)
        if key is None:
            return None
        out.append(_translated_template(key))
        rest = rest[len(SENTENCES[key]) :].strip()
    return " ".join(out) if len(out) > 1 else None


@cache
def _most_fixed_first() -> tuple[str, ...]:
    """The sentence shapes, those with the most fixed words first: "{date} by {person}" also
    matches any sentence with " by " in a quotation, and must not win over the shape written for
    it."""
    return tuple(sorted(SENTENCES, key=lambda k: -len(_FIELD_TEXT.sub("", SENTENCES[k]))))


def _could_match(key: str, english: str) -> bool:
    head = SENTENCES[key].split("{", 1)[0]
    return english.startswith(head)


def sentence(key: str, **parts: object) -> str:
    """The sentence `key` with its parts filled in, in the reader's language."""
    values = {name: str(value) for name, value in parts.items()}
    try:
        return _translated_template(key).format(**values)
    except (KeyError, IndexError, ValueError):
        return SENTENCES[key].format(**values)


def report_text(english: str) -> str:
    """A fixed heading or phrase of the PDF and DOCX reports (context ``report``)."""
    return pgettext("report", english)


def finding_text(finding: object) -> str:
    """A quality finding's message in the reader's language."""
    code = str(getattr(finding, "code", ""))
    return core_text(getattr(finding, "message", ""), f"quality.{code}")


core_label_lazy = lazy(core_label, str)
