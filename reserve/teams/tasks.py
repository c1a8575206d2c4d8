from django_tasks import task

from . import applications, reminders, replies, services


@task()
def expire_invitations() -> int:
    """Pending invitations past their deadline expire; the next candidate is then invited by the
    platform (automatic mode) or by staff."""
    return replies.expire_overdue()


@task()
def remind_invitations() -> int:
    """One reminder e-mail for each pending invitation whose deadline is near."""
    return reminders.send_reminders()


@task()
def expire_applications() -> int:
    """Pending applications to challenges that no longer recruit are closed, kindly."""
    return applications.expire_stale()


@task()
def start_sprints() -> int:
    """Complete teams whose kickoff date has come start their sprint."""
    return services.start_due_sprints()
