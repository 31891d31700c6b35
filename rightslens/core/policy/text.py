"""Text normalisation, light stemming and offline language detection for policy instruments.

Matching works on a normalised form of each sentence: casefolded, accents stripped, punctuation
turned into spaces, and every token lightly stemmed (plural endings, -ise/-ize). The same function
normalises the signal phrases, so the two always meet in the middle.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

_NON_WORD = re.compile(r"[^0-9a-z]+")

# Languages the checker ships signal phrases for (see rightslens/knowledge/policy-criteria.yaml).
SUPPORTED_LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "de": "German",
}

# How well each language works, stated on the report (honest, not measured except English).
LANGUAGE_SUPPORT_NOTE = (
    "English is measured against a labelled dev set. French, Spanish and Portuguese use hand-written "
    "signal phrases and are tested on synthetic excerpts only. German has fewer phrases and no "
    "compound splitting, so expect more 'absent' findings. Other languages are detected but not "
    "analysed: every criterion would read 'absent'."
)

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for be by with on as are this or an shall which from".split()
    ),
    "fr": frozenset(
        "le la les des du de et en un une est que pour dans par sur au aux ou ne pas sont".split()
    ),
    "es": frozenset(
        "el la los las del de y en un una es que para por con se al o no son su".split()
    ),
    "pt": frozenset(
        "o a os as do da dos das de e em um uma que para por com se ao no na nao sao".split()
    ),
    "de": frozenset(
        "der die das und in den von zu mit ist im fur auf nicht ein eine des dem sich oder".split()
    ),
    "it": frozenset(
        "il lo la gli le di e che per in un una del della dei con non sono si al".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te voor met zijn niet aan door ook als".split()
    ),
}


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """A deliberately light, language-neutral stemmer: plural endings and -ise/-ize only."""
    if len(token) <= 3 or token.isdigit():
        return token
    for suffix, replacement in (("coes", "cao"), ("oes", "ao"), ("iones", "ion"), ("ies", "y")):
        if token.endswith(suffix):
            return token[: -len(suffix)] + replacement
    if token.endswith("s") and not token.endswith("ss"):
        token = token[:-1]
    # -ize/-ise spellings meet on the -is- form, which French, Portuguese and German share
    # ("hiérarchisation", "harmonisation"), so a prefix like "hierarchis*" matches both.
    if "ization" in token or "izing" in token:
        token = token.replace("ization", "isation").replace("izing", "ising")
    elif token.endswith(("ize", "iz")):
        token = token[: token.rindex("iz")] + "is" + token[token.rindex("iz") + 2 :]
    return token


def prefix_form(word: str) -> str:
    """The form of a word prefix ("authoriz" in "authoriz*") that meets stemmed text."""
    word = word.replace("ization", "isation").replace("izing", "ising")
    return word[:-2] + "is" if word.endswith("iz") else word


def tokens(text: str) -> list[str]:
    """Casefolded, accent-free word tokens (not stemmed)."""
    return _NON_WORD.sub(" ", strip_accents(text.casefold())).split()


def normalise(text: str) -> str:
    """Stemmed tokens joined by single spaces, padded with one space at each end."""
    return " " + " ".join(stem(t) for t in tokens(text)) + " "


def detect_language(text: str, sample_chars: int = 20000) -> tuple[str, float]:
    """(language code, share of stopword hits that went to it), or ('und', 0.0) if unclear."""
    counts = Counter(tokens(text[:sample_chars]))
    scores = {lang: sum(counts[w] for w in words) for lang, words in _STOPWORDS.items()}
    total = sum(scores.values())
    if total < 5:
        return "und", 0.0
    best = max(scores, key=lambda lang: scores[lang])
    return best, round(scores[best] / total, 2)
