"""Country (ISO 3166-1 alpha-2) and language (ISO 639-1, optionally with a region) codes.

Kept as plain data so validation works offline and the same way in forms, services and the API.
"""

from __future__ import annotations

import re

COUNTRY_CODES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR
    BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
    EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW
    GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY
    KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV
    MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY
    QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
    TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM
    ZW
    """.split()
)

LANGUAGE_CODES = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da
    de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy
    hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg
    li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or
    os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta
    te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split()
)

_LANGUAGE_TAG = re.compile(r"^(?P<lang>[a-z]{2})(?:-(?P<region>[A-Z]{2}))?$")


def split_codes(text: str) -> list[str]:
    """Split 'KE, BR;ID' into ['KE', 'BR', 'ID'], keeping order and dropping repeats."""
    seen: list[str] = []
    for part in re.split(r"[,;\s]+", text or ""):
        if part and part not in seen:
            seen.append(part)
    return seen


def normalise_country(code: str) -> str:
    return code.strip().upper()


def normalise_language(code: str) -> str:
    code = code.strip().replace("_", "-")
    lang, _, region = code.partition("-")
    return f"{lang.lower()}-{region.upper()}" if region else lang.lower()


def unknown_countries(codes: list[str]) -> list[str]:
    return [c for c in codes if c not in COUNTRY_CODES]


def unknown_languages(codes: list[str]) -> list[str]:
    bad = []
    for code in codes:
        match = _LANGUAGE_TAG.match(code)
        if not match or match["lang"] not in LANGUAGE_CODES:
            bad.append(code)
        elif match["region"] and match["region"] not in COUNTRY_CODES:
            bad.append(code)
    return bad
