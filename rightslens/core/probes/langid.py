"""Which language is an answer in? Offline, no model: the writing system first, then the stopword
counts of the policy checker's detector (rightslens.core.policy.text), extended with the
Latin-script probe languages it does not know (Swahili, Yoruba, Hausa, Indonesian).

Good enough to tell "answered in English" from "answered in Swahili"; it cannot tell languages that
share a script and have no stopword list here, and it returns 'und' for short or mixed answers.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from rightslens.core.policy.text import _STOPWORDS, tokens

# Non-Latin scripts that identify one probe language on their own.
_SCRIPTS: dict[str, str] = {
    "ETHIOPIC": "am",
    "BENGALI": "bn",
    "ARABIC": "ar",
    "DEVANAGARI": "hi",
    "CJK": "zh",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CYRILLIC": "ru",
    "THAI": "th",
}

_EXTRA_STOPWORDS: dict[str, frozenset[str]] = {
    # Words frequent in chat answers, beyond the policy detector's legal-text stopwords.
    "en": frozenset(
        "i you it can only please your my we not but so if here what help sorry".split()
    ),
    "fr": frozenset("je vous tu ne pas avec cette mais ce il".split()),
    "es": frozenset("lo siento pero puedo ayudarte esto como muy tu te".split()),
    "sw": frozenset(
        "na ya wa kwa ni za la katika kuwa hii hiyo lakini au pia kama sana hapa wewe mimi yako "
        "kwamba ili hata bado ndiyo hapana kuhusu".split()
    ),
    "yo": frozenset(
        "ati ni ti si fun o mo won re je ko pe ba sugbon tabi naa yii emi iwo awon lati kan".split()
    ),
    "ha": frozenset(
        "da a na ta ba ya ga kuma amma ko don wannan cikin shi ita su za mai wanda kai ni".split()
    ),
    "id": frozenset(
        "yang dan di ini itu dengan untuk tidak ke dari dalam akan saya anda ada juga atau bisa "
        "karena".split()
    ),
}

STOPWORDS: dict[str, frozenset[str]] = {
    lang: _STOPWORDS.get(lang, frozenset()) | _EXTRA_STOPWORDS.get(lang, frozenset())
    for lang in {*_STOPWORDS, *_EXTRA_STOPWORDS}
}
NON_LATIN = frozenset(_SCRIPTS.values())
LATIN_LANGUAGES = frozenset(STOPWORDS)


def _script(ch: str) -> str | None:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    for script in _SCRIPTS:
        if name.startswith(script):
            return script
    return "LATIN" if name.startswith("LATIN") else None


def detect_answer_language(text: str, min_hits: int = 2) -> tuple[str, float]:
    """(language code, confidence 0..1), or ('und', 0.0) when the answer is too short to tell."""
    scripts = Counter(s for ch in text[:4000] if ch.isalpha() and (s := _script(ch)))
    if not scripts:
        return "und", 0.0
    script, count = scripts.most_common(1)[0]
    share = count / sum(scripts.values())
    if script != "LATIN":
        return _SCRIPTS[script], round(share, 2)
    counts = Counter(tokens(text[:4000]))
    scores = {lang: sum(counts[w] for w in words) for lang, words in STOPWORDS.items()}
    total = sum(scores.values())
    if total < min_hits:
        return "und", 0.0
    best = max(sorted(scores), key=lambda lang: scores[lang])
    return best, round(scores[best] / total, 2)
