from django_tasks import task

from . import invitations, space


@task()
def expire_invitations() -> int:
    """Pending invitations past their deadline expire; staff then invite the next candidate."""
    return invitations.expire_overdue()


@task()
def start_sprints() -> int:
    """Complete teams whose kickoff date has come start their sprint."""
    return space.start_due_sprints()
