"""Copy each grievance's single recorded remedy into the new itemised Remedy table.

Step two of add -> fill -> require: 0003 added Remedy with an optional date, this fills it from
the old fields (the date the remedy was proposed, else the date received), 0005 makes the date
required and drops the old single-remedy fields. Descriptions stay encrypted (the field encrypts).
"""

from django.db import migrations


def copy_forward(apps, schema_editor):
    Grievance = apps.get_model("grievances", "Grievance")
    Remedy = apps.get_model("grievances", "Remedy")
    for grievance in Grievance.objects.exclude(remedy_form=""):
        when = grievance.remedy_proposed_at or grievance.received_at
        Remedy.objects.create(
            organisation_id=grievance.organisation_id,
            grievance=grievance,
            form=grievance.remedy_form,
            route=grievance.remedy_route or "route-non-state",
            description=grievance.remedy_description,
            provider="",
            provided_on=when.date(),
        )


def copy_back(apps, schema_editor):
    """Reverse: the first remedy of each grievance returns to the single-remedy fields."""
    Grievance = apps.get_model("grievances", "Grievance")
    Remedy = apps.get_model("grievances", "Remedy")
    for grievance in Grievance.objects.all():
        first = Remedy.objects.filter(grievance=grievance).order_by("recorded_at", "id").first()
        if first is not None:
            grievance.remedy_form, grievance.remedy_route = first.form, first.route
            grievance.remedy_description = first.description
            grievance.save(update_fields=["remedy_form", "remedy_route", "remedy_description"])


class Migration(migrations.Migration):
    dependencies = [
        ("grievances", "0003_remedies_itemised"),
    ]

    operations = [
        migrations.RunPython(copy_forward, copy_back),
    ]
