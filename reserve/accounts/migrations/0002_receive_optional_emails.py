from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="receive_optional_emails",
            field=models.BooleanField(
                default=True,
                help_text=(
                    "Rappels, nouvelles des défis… Les invitations et les e-mails de sécurité ou de "
                    "compte sont toujours envoyés ; les notifications restent visibles sur le site."
                ),
                verbose_name="recevoir les e-mails non essentiels",
            ),
        ),
    ]
