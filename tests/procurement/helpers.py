"""Knowledge items built directly, so tests do not depend on the shipped content."""

from types import MappingProxyType

from rightslens.core.knowledge.model import Citation, Item, Source

SOURCE = Source(
    "seed-003", "Civil-society statement", "Access Now et al.", "https://example.org/cs", "2024"
)


def red_line_item(item_id="rl-emotion-recognition-work-education", terms=None, statuses=None):
    return Item(
        id=item_id,
        type="red_line",
        library="red-lines",
        title="Emotion recognition at work",
        citations=(Citation(SOURCE, "p. 2", SOURCE.url),),
        fields=MappingProxyType(
            {
                "description": "Inferring emotions of workers or students.",
                "statuses": statuses
                or [
                    {
                        "status": "prohibited_by_law",
                        "authority": "EU AI Act",
                        "locator": "Art. 5(1)(f)",
                    }
                ],
                "screening_terms": terms
                or ["emotion recognition", "emotion analysis", "detect emotions", "mood detection"],
                "right_refs": [],
            }
        ),
    )
