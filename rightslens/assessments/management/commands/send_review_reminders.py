from typing import Any

from django.core.management.base import BaseCommand

from rightslens.jobs import enqueue


class Command(BaseCommand):
    help = "Email owners of assessments past their review period or whose system changed after sign-off."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--organisation-id", type=int, default=None)

    def handle(self, *args: Any, organisation_id: int | None = None, **options: Any) -> None:
        import rightslens.assessments.reminders  # noqa: F401  (registers the job)

        result = enqueue("cycle.reminders", organisation_id=organisation_id)
        self.stdout.write(f"Review reminders: {result}")
