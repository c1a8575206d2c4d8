"""Notifications now live in core (core 0005 copied the rows): drop this app's table."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("challenges", "0001_initial"),
        ("core", "0005_notification"),
    ]

    operations = [
        migrations.DeleteModel(name="Notification"),
    ]
