from .crawl import demo
from .public_pages import visible_text
from .staff_pages import staff_pages


def test_print(db):
    org, user = demo()
    for lang in ("fr", "es"):
        pages = staff_pages(org, user, lang)
        for name in (
            "register",
            "assessment",
            "plan",
            "identify",
            "tokens",
            "quality",
            "system",
            "review",
            "tracking",
            "dashboard",
        ):
            text = " | ".join(
                t
                for t in visible_text(pages[name].split("<main", 1)[1])
                if any(c.isalpha() for c in t)
            )
            print(f"\n### {lang} {name}: {text[:2500]}")
