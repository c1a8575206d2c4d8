"""Notifications move from the challenges app to core, so that every app can notify.

The rows are copied with their dates by one INSERT … SELECT; challenges' own migration then drops
its table. The link to a challenge is not kept: the notification's URL already leads there.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_rows(source_label, target_label, kind):
    def run(apps, schema_editor):
        source = apps.get_model(*source_label.split("."))._meta.db_table
        target = apps.get_model(*target_label.split("."))._meta.db_table
        q = schema_editor.quote_name
        columns = ", ".join(q(c) for c in ["user_id", "text", "url", "created_at", "read_at"])
        if kind is None:  # back to challenges: no kind column there
            select = columns
            into = columns
        else:
            select = f"{columns}, %s"
            into = f"{columns}, {q('kind')}"
        sql = f"INSERT INTO {q(target)} ({into}) SELECT {select} FROM {q(source)} ORDER BY {q('id')}"
        schema_editor.execute(sql, [] if kind is None else [kind])

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0004_scheduled_job"),
        ("challenges", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Notification",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(blank=True, db_index=True, max_length=50, verbose_name="type")),
                ("text", models.CharField(max_length=300, verbose_name="texte")),
                ("url", models.CharField(blank=True, max_length=300, verbose_name="lien")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="le")),
                ("read_at", models.DateTimeField(blank=True, null=True, verbose_name="lue le")),
                ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="notifications", to=settings.AUTH_USER_MODEL, verbose_name="destinataire")),
            ],
            options={
                "verbose_name": "notification",
                "verbose_name_plural": "notifications",
                "ordering": ["-created_at", "-pk"],
                "indexes": [models.Index(fields=["user", "read_at"], name="notification_unread")],
            },
        ),
        migrations.RunPython(
            copy_rows("challenges.Notification", "core.Notification", "challenges"),
            copy_rows("core.Notification", "challenges.Notification", None),
        ),
    ]
