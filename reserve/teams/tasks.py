from django_tasks import task

from . import invitations, space


@task()
def expire_invitations() -> int:
    """Pending invitations past their deadline expire; the next candidate is then invited by the
    platform (automatic mode) or by staff."""
    return invitations.expire_overdue()


@task()
def remind_invitations() -> int:
    """One reminder e-mail for each pending invitation whose deadline is near."""
    return invitations.send_reminders()


@task()
def start_sprints() -> int:
    """Complete teams whose kickoff date has come start their sprint."""
    return space.start_due_sprints()
