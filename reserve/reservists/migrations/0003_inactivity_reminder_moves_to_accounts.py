from django.db import migrations


def move_reminders_to_accounts(apps, schema_editor):
    """A reservist already reminded keeps their deadline, now on the account."""
    Profile = apps.get_model("reservists", "Profile")
    User = apps.get_model("accounts", "User")
    reminded = Profile.objects.filter(inactivity_reminded_at__isnull=False)
    for user_id, at in reminded.values_list("user_id", "inactivity_reminded_at"):
        User.objects.filter(pk=user_id).update(inactivity_reminded_at=at)


def move_reminders_back(apps, schema_editor):
    Profile = apps.get_model("reservists", "Profile")
    User = apps.get_model("accounts", "User")
    reminded = User.objects.filter(inactivity_reminded_at__isnull=False)
    for user_id, at in reminded.values_list("pk", "inactivity_reminded_at"):
        Profile.objects.filter(user_id=user_id).update(inactivity_reminded_at=at)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_inactivity_reminder"),
        ("reservists", "0002_search_index"),
    ]

    operations = [
        migrations.RunPython(move_reminders_to_accounts, move_reminders_back),
        migrations.RemoveField(model_name="profile", name="inactivity_reminded_at"),
    ]
