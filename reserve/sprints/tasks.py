from django_tasks import task

from . import checkins, impact


@task()
def remind_checkins() -> int:
    """From Thursday, teams with no check-in this week are reminded, once."""
    return checkins.remind_missing_checkins()


@task()
def remind_measurements() -> int:
    """Measurements due 1, 3 and 6 months after delivery are reminded, once each."""
    return impact.remind_measurements()


@task()
def feed_citizen_indicators() -> int:
    """Today's figures of the citizen apps become measurements of their challenge's indicators."""
    return impact.feed_from_citizen_apps()


@task()
def close_finished_follow_ups() -> int:
    """Challenges whose last planned measurement is in are closed."""
    done, _refused = impact.close_finished()
    return done
