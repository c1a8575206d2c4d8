from django.db import transaction
from django.urls import reverse
from django_tasks import task

from reserve.core import notify

from .models import Profile


@task()
def send_pool_email(profile_ids: list[int], subject: str, body: str) -> int:
    """One staff message to a batch of the pool, to those who still agree to e-mails.

    The person's specific consent to be contacted by e-mail governs, hence `essential`.
    """
    users = [
        profile.user
        for profile in Profile.objects.filter(pk__in=profile_ids, consent_contact_email=True)
        .select_related("user")
        .order_by("pk")
    ]
    # All or nothing: run again after a worker's death, it must not e-mail the first ones twice.
    with transaction.atomic():
        for user in users:
            notify.tell(
                [user],
                "reservists/email/pool_message",
                {"user": user, "subject": subject, "body": body},
                url=reverse("reservists:step", args=["consentements"]),
                kind="reservists.pool_message",
            )
    return len(users)
