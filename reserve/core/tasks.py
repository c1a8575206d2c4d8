from django_tasks import task

from . import workers


@task()
def recover_lost_work() -> dict[str, int]:
    """The sweep: what a dead worker left running, and messages with no task to deliver them."""
    tasks = workers.requeue_abandoned_tasks()
    return {**tasks, "messages": workers.requeue_stranded_messages()}
